import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Actor, Customer } from '@/lib/types';
import { CUSTOMER_SORTS, type CustomerSort } from '@/lib/validation/customer';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { ValidationFailedError } from '../errors';
import { createCustomer, listCustomers } from '../customers';

withTestDatabase();

let staff: Actor & { type: 'staff' };
let other: Actor & { type: 'staff' };
let wholesalerId: string;
const ids: string[] = [];

// 40 customers with deliberately repeated names, spends and dates, so ties must be broken by id.
beforeAll(async () => {
  staff = await createStaffActor('staff');
  other = await createStaffActor('staff');
  const [wholesaler] = await getDb().select().from(customerGroups).where(eq(customerGroups.name, 'Wholesaler'));
  wholesalerId = wholesaler.id;
  for (let i = 0; i < 40; i++) {
    const customer = await createCustomer({
      actor: i % 4 === 0 ? other : staff,
      input: {
        firstName: ['Ada', 'Alan', 'Grace', 'Linus'][i % 4],
        lastName: `Tester${i % 7}`,
        email: i % 9 === 0 ? null : `person${i}@shop${i % 3}.example`,
        phone: i % 9 === 0 ? `+4479111234${String(i).padStart(2, '0')}` : null,
        company: i % 5 === 0 ? 'Acme Wholesale Ltd' : null,
        tags: i % 6 === 0 ? ['trade'] : [],
        customerGroupId: i % 3 === 0 ? wholesalerId : null,
      },
    });
    ids.push(customer.id);
    await getDb()
      .update(customers)
      .set({ totalSpend: (i % 5) * 1000, orderCount: i % 5, lastOrderDate: i % 5 === 0 ? null : new Date(Date.UTC(2024, i % 4, 1)) })
      .where(eq(customers.id, customer.id));
  }
});

async function walk(sort: CustomerSort, limit: number, filters: Record<string, unknown> = {}): Promise<Customer[]> {
  const seen: Customer[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers({ ...filters, sort, limit, cursor });
    seen.push(...page.data);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

describe(`listCustomers (${TEST_DB_KIND})`, () => {
  it('pages through every customer exactly once, in order, for every sort and page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CUSTOMER_SORTS), fc.integer({ min: 1, max: 17 }), async (sort, limit) => {
        const paged = await walk(sort, limit);
        const oneGo = (await listCustomers({ sort, limit: 200 })).data;
        expect(paged.map((c) => c.id)).toEqual(oneGo.map((c) => c.id));
        expect(new Set(paged.map((c) => c.id)).size).toBe(40);
      }),
      { numRuns: 25 },
    );
  });

  it('orders by total spend descending, ties broken consistently', async () => {
    const { data } = await listCustomers({ sort: 'totalSpend:desc', limit: 200 });
    const spends = data.map((c) => c.totalSpend);
    expect(spends).toEqual([...spends].sort((a, b) => b - a));
  });

  it('puts customers who never ordered last when sorting by last order, newest first', async () => {
    const { data } = await listCustomers({ sort: 'lastOrderDate:desc', limit: 200 });
    const firstNever = data.findIndex((c) => c.lastOrderDate === null);
    expect(firstNever).toBeGreaterThan(0);
    expect(data.slice(firstNever).every((c) => c.lastOrderDate === null)).toBe(true);
  });

  it('finds customers by part of an email, a name, a company or a phone number', async () => {
    expect((await listCustomers({ q: 'person13@' })).data.map((c) => c.email)).toEqual(['person13@shop1.example']);
    expect((await listCustomers({ q: 'acme whole', limit: 200 })).data).toHaveLength(8);
    expect((await listCustomers({ q: 'GRACE tester2', limit: 200 })).data.every((c) => c.firstName === 'Grace' && c.lastName === 'Tester2')).toBe(true);
    // National format of a stored +44 number, with spaces.
    const byPhone = await listCustomers({ q: '07911 123418' });
    expect(byPhone.data.map((c) => c.phone)).toEqual(['+447911123418']);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    expect((await listCustomers({ q: '%' })).data).toHaveLength(0);
    expect((await listCustomers({ q: '_' })).data).toHaveLength(0);
  });

  it('filters by group, no group, tag, spend range, last order range and creator', async () => {
    const all = (await listCustomers({ limit: 200 })).data;
    const count = async (filters: Record<string, unknown>) => (await walk('createdAt:desc', 7, filters)).length;
    expect(await count({ groupId: wholesalerId })).toBe(all.filter((c) => c.customerGroupId === wholesalerId).length);
    expect(await count({ groupId: 'none' })).toBe(all.filter((c) => c.customerGroupId === null).length);
    expect(await count({ tag: 'trade' })).toBe(7);
    expect(await count({ minSpend: 2000, maxSpend: 3000 })).toBe(all.filter((c) => c.totalSpend >= 2000 && c.totalSpend <= 3000).length);
    expect(await count({ lastOrderAfter: '2024-03-01' })).toBe(all.filter((c) => c.lastOrderDate && c.lastOrderDate >= '2024-03-01').length);
    expect(await count({ lastOrderBefore: '2024-01-15' })).toBe(all.filter((c) => c.lastOrderDate && c.lastOrderDate <= '2024-01-15').length);
    expect(await count({ createdById: other.id })).toBe(10);
  });

  it('names the bad parameter: sort, limit, spend, date, and a cursor from another sort', async () => {
    const fieldOf = async (query: Record<string, unknown>) =>
      listCustomers(query).then(
        () => 'accepted',
        (error: unknown) => (error instanceof ValidationFailedError ? error.fieldErrors?.[0]?.path : 'other error'),
      );
    expect(await fieldOf({ sort: 'password:asc' })).toBe('sort');
    expect(await fieldOf({ limit: 0 })).toBe('limit');
    expect(await fieldOf({ limit: 201 })).toBe('limit');
    expect(await fieldOf({ minSpend: '12.50' })).toBe('minSpend');
    expect(await fieldOf({ lastOrderAfter: 'yesterday' })).toBe('lastOrderAfter');
    expect(await fieldOf({ cursor: 'garbage' })).toBe('cursor');
    const { nextCursor } = await listCustomers({ sort: 'name:asc', limit: 5 });
    expect(await fieldOf({ sort: 'email:asc', cursor: nextCursor })).toBe('cursor');
  });

  it('does not list deleted customers', async () => {
    await getDb().delete(customers).where(inArray(customers.id, ids.slice(0, 1)));
    expect((await listCustomers({ limit: 200 })).data.map((c) => c.id)).not.toContain(ids[0]);
  });
});
