import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Customer } from '@/lib/types';
import { CUSTOMER_SORTS } from '@/lib/validation/customer';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { listCustomers } from './list';

withTestDatabase();

// The group filter reads a group's own index per sort (customers_group_*_idx), "no group" included: whichever it
// reads, the list is the unfiltered list's order with the other groups' customers left out, page after page.

let groups: Record<string, string>;

beforeAll(async () => {
  const actor = await createStaffActor();
  groups = Object.fromEntries((await getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups)).map((g) => [g.name, g.id]));
  const choices = [groups.VIP, groups.Wholesaler, null, groups.Retail];
  for (let i = 0; i < 24; i++) {
    const customer = await createCustomer({
      actor,
      input: { firstName: ['Ada', 'Alan'][i % 2], lastName: `G${i % 3}`, email: i % 5 === 4 ? null : `g${i}@groups.example`, phone: `+4479111235${String(i).padStart(2, '0')}`, customerGroupId: choices[i % 4] },
    });
    // The VIPs spend most, so a walk of the spend index meets them only at its far end.
    await getDb()
      .update(customers)
      .set({ totalSpend: choices[i % 4] === groups.VIP ? 10_000 + i : [0, 5, 5][i % 3], orderCount: i % 3, lastOrderDate: i % 3 === 0 ? null : new Date(Date.UTC(2024, i % 2, 1)) })
      .where(eq(customers.id, customer.id));
  }
});

async function walk(groupId: string, sort: (typeof CUSTOMER_SORTS)[number]): Promise<string[]> {
  const seen: Customer[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers({ groupId, sort, limit: 2, cursor });
    seen.push(...page.data);
    if (!page.nextCursor) return seen.map((customer) => customer.id);
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

describe(`listCustomers filtered by group (${TEST_DB_KIND})`, () => {
  it('lists a group’s customers, or those in none, in every sort and direction across pages', async () => {
    for (const [name, groupId] of [['VIP', groups.VIP], ['Wholesaler', groups.Wholesaler], ['none', 'none']] as const) {
      for (const sort of CUSTOMER_SORTS) {
        const all = (await listCustomers({ sort, limit: 200 })).data;
        const want = all.filter((customer) => customer.customerGroupId === (groupId === 'none' ? null : groupId)).map((customer) => customer.id);
        expect({ name, sort, ids: await walk(groupId, sort) }).toEqual({ name, sort, ids: want });
      }
    }
  });
});
