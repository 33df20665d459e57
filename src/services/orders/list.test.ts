import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers, orders } from '@/db/schema';
import type { OrderListItem } from '@/lib/types';
import { ORDER_SORTS, type OrderSort } from '@/lib/validation/order';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { ValidationFailedError } from '../errors';
import { createOrder } from '../orders';
import { countOrderMatches, listOrders } from './list';

withTestDatabase();

const STATUSES = ['pending', 'completed', 'cancelled', 'refunded'] as const;

// 36 orders of 6 customers, two of whom share a name, with repeated totals, placement times and statuses: every sort
// has ties that only the later keys (and finally the id) break.
beforeAll(async () => {
  const actor = await createStaffActor();
  const names = [['Zoe', 'Adams'], ['ada', 'Byron'], ['Ada', 'Byron'], ['Émile', 'Zola'], ['Bob', ''], ['Carl', 'Marx']];
  const buyers = [];
  for (const [i, [firstName, lastName]] of names.entries()) {
    buyers.push(await createCustomer({ actor, input: { firstName, lastName, email: `orders-list-${i}@example.com` } }));
  }
  for (let i = 0; i < 36; i++) {
    const order = await createOrder({
      actor,
      input: {
        customerId: buyers[i % buyers.length].id,
        items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice: [500, 1200, 500, 9900][i % 4] }],
        placedAt: new Date(Date.UTC(2024, 0, 1 + (i % 5))).toISOString(),
      },
    });
    // The status is set directly: the lifecycle has its own tests, and these rows only need to sort.
    await getDb().update(orders).set({ status: STATUSES[i % STATUSES.length] }).where(eq(orders.id, order.id));
  }
});

async function walk(sort: OrderSort, limit: number, filter: Record<string, unknown> = {}): Promise<OrderListItem[]> {
  const seen: OrderListItem[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const page: Awaited<ReturnType<typeof listOrders>> = await listOrders({ ...filter, sort, limit, cursor });
    seen.push(...page.data);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

const sortName = (order: OrderListItem) => order.customerName.toLowerCase();

/** Whether `a` may come before `b` under the sort's first key (the rest are tie-breaks, checked by the paging). */
function inOrder(sort: OrderSort, a: OrderListItem, b: OrderListItem): boolean {
  const [field, direction] = sort.split(':');
  const sign = direction === 'asc' ? 1 : -1;
  const key = (o: OrderListItem): string | number => (field === 'total' ? o.total : field === 'status' ? o.status : field === 'customer' ? sortName(o) : o.placedAt);
  const [x, y] = [key(a), key(b)];
  // Names follow the database's collation, which JavaScript cannot mirror: the customer sort is checked below by name.
  if (x === y || field === 'customer') return true;
  return sign * (x < y ? -1 : 1) < 0;
}

describe(`listOrders sorts (${TEST_DB_KIND})`, () => {
  it('pages through every order exactly once, in the same order as one page, for every sort both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ORDER_SORTS), fc.integer({ min: 1, max: 11 }), async (sort, limit) => {
        const oneGo = (await listOrders({ sort, limit: 200 })).data;
        expect(oneGo).toHaveLength(36);
        const paged = await walk(sort, limit);
        expect(paged.map((o) => o.id)).toEqual(oneGo.map((o) => o.id));
      }),
      { numRuns: 30 },
    );
  });

  it.each(ORDER_SORTS)('%s orders by its key, the other direction reversing it', async (sort) => {
    const { data } = await listOrders({ sort, limit: 200 });
    for (let i = 1; i < data.length; i++) expect(inOrder(sort, data[i - 1], data[i])).toBe(true);
    const [field, direction] = sort.split(':');
    const reversed = (await listOrders({ sort: `${field}:${direction === 'asc' ? 'desc' : 'asc'}` as OrderSort, limit: 200 })).data;
    expect(reversed.map((o) => o.id)).toEqual(data.map((o) => o.id).reverse());
  });

  it('sorts by total as a number, by status, and by customer name with one customer’s orders together', async () => {
    const totals = (await listOrders({ sort: 'total:asc', limit: 200 })).data.map((o) => o.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const statuses = (await listOrders({ sort: 'status:desc', limit: 200 })).data.map((o) => o.status);
    expect(statuses).toEqual([...statuses].sort().reverse());
    const byCustomer = (await listOrders({ sort: 'customer:asc', limit: 200 })).data;
    // 'ada Byron' and 'Ada Byron' tie on the sort name (case is ignored); their ids, which are random, decide between them.
    expect(byCustomer[0].customerName.toLowerCase()).toBe('ada byron');
    expect(byCustomer.at(-1)?.customerName).toBe('Émile Zola');
    // Each customer's orders are one run, newest last in ascending order.
    const runs = byCustomer.map((o) => o.customerId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('keeps the default newest first and pages filtered lists in every sort', async () => {
    const newest = (await listOrders({ limit: 200 })).data.map((o) => o.placedAt);
    expect(newest).toEqual([...newest].sort().reverse());
    for (const sort of ORDER_SORTS) {
      const paged = await walk(sort, 2, { status: 'completed' });
      expect(paged).toHaveLength(9);
      expect(paged.every((o) => o.status === 'completed')).toBe(true);
    }
  });

  it('refuses an unknown sort and a cursor of another sort, naming the parameter', async () => {
    const fieldOf = (query: Record<string, unknown>) =>
      listOrders(query).then(
        () => 'accepted',
        (error: unknown) => (error instanceof ValidationFailedError ? error.fieldErrors?.[0]?.path : 'other error'),
      );
    expect(await fieldOf({ sort: 'orderNumber:asc' })).toBe('sort');
    const { nextCursor } = await listOrders({ sort: 'customer:asc', limit: 3 });
    expect(await fieldOf({ sort: 'total:asc', cursor: nextCursor })).toBe('cursor');
    expect(await fieldOf({ sort: 'customer:desc', cursor: nextCursor })).toBe('cursor');
  });

  it('keeps a customer renamed between two pages in one place (the cursor carries the name it was listed under)', async () => {
    const first = await listOrders({ sort: 'customer:asc', limit: 4 });
    const renamed = first.data.at(-1)!.customerId;
    await getDb().update(customers).set({ firstName: 'Aaron' }).where(eq(customers.id, renamed));
    const next = await listOrders({ sort: 'customer:asc', limit: 200, cursor: first.nextCursor });
    expect(next.data.every((o) => !first.data.some((seen) => seen.id === o.id))).toBe(true);
    await getDb().update(customers).set({ firstName: 'ada' }).where(eq(customers.id, renamed));
  });
});

describe(`countOrderMatches (${TEST_DB_KIND})`, () => {
  it('counts exactly under the threshold and estimates past it', async () => {
    expect(await countOrderMatches({ status: 'completed' })).toEqual({ count: 9, exact: true, atLeast: false });
    expect(await countOrderMatches({})).toEqual({ count: 36, exact: true, atLeast: false });
    const estimated = await countOrderMatches({}, 0);
    expect(estimated).toMatchObject({ exact: false, atLeast: false });
    expect(estimated.count).toBeGreaterThan(0);
  });
});
