import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Actor, Customer } from '@/lib/types';
import { CUSTOMER_SORTS, type CustomerListQuery, type CustomerSort } from '@/lib/validation/customer';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addTagsToCustomers, createCustomer, deleteCustomer, mergeCustomers, removeTagsFromCustomers, updateCustomer } from '../customers';
import { completeOrder, createOrder } from '../orders';
import { eraseCustomer } from '../privacy';
import { listCustomers, type ListTuning } from './list';

withTestDatabase();

// The list filtered by a tag walks the tag's rows of customer_tags, which triggers keep beside the customer rows.
// Whatever happens to the customers, it must list exactly the customers whose tags include the tag, in the same
// order as the unfiltered list (customers' own sort indexes), page after page.

const TAGS = ['trade', 'vip', 'retail', 'nobody-has-this'];

let staff: Actor;
let admin: Actor;
let wholesaler: string;

const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(async () => {
  staff = await createStaffActor('staff');
  admin = await createStaffActor('admin');
  [{ id: wholesaler }] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, 'Wholesaler'));
  // Ties on every sort key (names, spends, order counts, dates and missing emails repeat), so pages split inside them.
  // Stats as orders leave them (orders/customer-stats.ts): without orders, no spend and no last order.
  for (let i = 0; i < 30; i++) {
    const tags = [i % 3 === 0 ? 'trade' : 'retail', ...(i % 4 === 0 ? ['vip'] : []), ...(i % 5 === 0 ? ['Trade'] : [])];
    const customer = await createCustomer({
      actor: staff,
      input: {
        firstName: ['Ada', 'Alan', 'Grace'][i % 3],
        lastName: `Tester${i % 4}`,
        email: i % 6 === 5 ? null : `t${i}.${unique()}@shop.example`,
        phone: `+4479111234${String(i).padStart(2, '0')}`,
        tags,
        customerGroupId: i % 2 ? wholesaler : null,
      },
    });
    const orderCount = [1, 2, 0, 1, 3, 0, 2][i % 7];
    await getDb()
      .update(customers)
      .set({
        totalSpend: orderCount === 0 ? 0 : [0, 9, 40, 300][i % 4],
        orderCount,
        lastOrderDate: orderCount === 0 ? null : new Date(Date.UTC(2024, i % 3, 1)),
      })
      .where(eq(customers.id, customer.id));
  }
});

// A tag with other filters finds its page one of several ways (list.ts, FEW_MATCHES): this tuning makes each happen
// with a few dozen rows, as list-narrowed.test.ts does for searches.
const WAYS: Record<string, ListTuning> = {
  'as the estimate chooses': {},
  'tag index stretch': { fewMatches: -1, sortWindow: 10_000 },
  'stretch, then matches sorted in memory': { fewMatches: -1, sortWindow: 1 },
  'full walk of the tag index': { fewMatches: Infinity, inMemorySortMax: 1 },
};

/** Every page of the list with `limit` rows, following the cursor. */
async function walk(query: CustomerListQuery, limit: number, tuning: ListTuning = {}): Promise<Customer[]> {
  const seen: Customer[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers({ ...query, limit, cursor }, tuning);
    seen.push(...page.data);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

/** The unfiltered list in `sort`'s order, keeping the customers that `keep` accepts: what the filtered list must be. */
async function expected(sort: CustomerSort, keep: (customer: Customer) => boolean, extra: CustomerListQuery = {}): Promise<string[]> {
  return (await listCustomers({ ...extra, sort, limit: 200 })).data.filter(keep).map((customer) => customer.id);
}

async function expectEveryTagAndSortRight(limit: number) {
  for (const tag of TAGS) {
    for (const sort of CUSTOMER_SORTS) {
      const ids = (await walk({ tag, sort }, limit)).map((customer) => customer.id);
      expect({ tag, sort, ids }).toEqual({ tag, sort, ids: await expected(sort, (customer) => customer.tags.includes(tag)) });
    }
  }
}

/** customer_tags holds exactly one row per tag of each customer, with the customer's sort keys as they are now. */
async function expectTagRowsMirrorCustomers() {
  const mismatches = await queryRows<{ customer_id: string }>(getDb(), sql`
    with derived as (
      select distinct c.id as customer_id, t.tag, c.created_at, c.sort_name, coalesce(c.email, '') as email_key, c.total_spend, c.order_count,
             coalesce(c.last_order_date, '-infinity'::timestamptz) as last_order_key
      from customers c cross join lateral unnest(c.tags) as t(tag)
    ),
    stored as (select customer_id, tag, created_at, sort_name, email_key, total_spend, order_count, last_order_key from customer_tags)
    (select * from derived except all select * from stored) union all (select * from stored except all select * from derived)`);
  expect(mismatches).toEqual([]);
}

describe(`listCustomers filtered by a tag (${TEST_DB_KIND})`, () => {
  it('lists exactly the tagged customers in every sort, both directions, across pages of any size', async () => {
    await expectTagRowsMirrorCustomers();
    for (const limit of [1, 4, 50]) await expectEveryTagAndSortRight(limit);
  });

  it('matches the tag exactly, as before: "trade" and "Trade" are different tags', async () => {
    const trade = await walk({ tag: 'Trade', sort: 'createdAt:asc' }, 50);
    expect(trade.length).toBeGreaterThan(0);
    expect(trade.every((customer) => customer.tags.includes('Trade'))).toBe(true);
  });

  it('combines the tag with the other filters (group, search, spend, orders), whichever way each page is found', async () => {
    const combinations: [CustomerListQuery, (customer: Customer) => boolean][] = [
      [{ groupId: wholesaler }, (customer) => customer.customerGroupId === wholesaler],
      [{ groupId: 'none' }, (customer) => customer.customerGroupId === null],
      [{ q: 'grace' }, (customer) => customer.firstName === 'Grace'],
      [{ minSpend: 40 }, (customer) => customer.totalSpend >= 40],
      [{ maxOrders: 1 }, (customer) => customer.orderCount <= 1],
      [{ neverOrdered: 'yes' }, (customer) => customer.orderCount === 0],
    ];
    for (const [filter, keep] of combinations) {
      for (const sort of ['createdAt:desc', 'name:asc', 'totalSpend:desc', 'lastOrderDate:asc'] as const) {
        const want = await expected(sort, (customer) => customer.tags.includes('trade') && keep(customer));
        for (const [way, tuning] of Object.entries(WAYS)) {
          const ids = (await walk({ ...filter, tag: 'trade', sort }, 2, tuning)).map((customer) => customer.id);
          expect({ filter, sort, way, ids }).toEqual({ filter, sort, way, ids: want });
        }
      }
    }
    // A tag and a group that never meet (every "vip" here is in no group): an empty list, however it is looked for.
    for (const [way, tuning] of Object.entries(WAYS)) expect(await walk({ tag: 'vip', groupId: wholesaler, sort: 'name:asc' }, 2, tuning), way).toEqual([]);
    expect((await walk({ tag: 'vip', groupId: 'none', sort: 'name:asc' }, 2)).length).toBeGreaterThan(0);
  });

  it('follows every change of tags and sort keys: edits, bulk tags, orders, merges, erasure and deletion', async () => {
    const all = (await listCustomers({ sort: 'createdAt:asc', limit: 200 })).data;
    const [first, second, third, fourth, fifth, sixth] = all;
    // Tags and sort keys edited one customer at a time.
    await updateCustomer({ actor: staff, id: first.id, input: { tags: ['vip', 'new-tag'], firstName: 'Zed', email: `zed.${unique()}@shop.example` } });
    await updateCustomer({ actor: staff, id: second.id, input: { tags: [] } });
    await updateCustomer({ actor: staff, id: third.id, input: { notes: 'no tag or key changes' } });
    // Bulk tags on the ticked rows and on everyone matching a filter.
    await addTagsToCustomers({ actor: admin, tags: ['vip'], target: { ids: [fourth.id, fifth.id] } });
    await removeTagsFromCustomers({ actor: admin, tags: ['retail'], target: { filter: { groupId: wholesaler } } });
    await addTagsToCustomers({ actor: admin, tags: ['retail'], target: { filter: { tag: 'trade', maxOrders: 1 } } });
    // An order moves spend, order count and last order date.
    const order = await createOrder({ actor: staff, input: { customerId: sixth.id, items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice: 123_456 }], placedAt: '2026-01-02T03:04:05.678Z' } });
    await completeOrder({ actor: staff, id: order.id });
    // A merge unions the tags into the target and removes the source; erasure clears the tags; deletion removes the row.
    await mergeCustomers({ actor: admin, input: { targetId: all[6].id, sourceId: all[7].id } });
    await eraseCustomer({ actor: admin, customerId: all[8].id, input: { confirm: 'ERASE' } });
    await deleteCustomer({ actor: admin, id: all[9].id });

    await expectTagRowsMirrorCustomers();
    await expectEveryTagAndSortRight(3);
    expect((await listCustomers({ tag: 'new-tag' })).data.map((customer) => customer.id)).toEqual([first.id]);
    expect((await listCustomers({ tag: 'vip', sort: 'totalSpend:desc', limit: 1 })).data.map((customer) => customer.id)).toEqual(
      (await expected('totalSpend:desc', (customer) => customer.tags.includes('vip'))).slice(0, 1),
    );
  });

  it('lists an erased customer with the erased filter only as it was: without tags, so in no tag', async () => {
    const erased = (await listCustomers({ erased: 'only', limit: 200 })).data;
    expect(erased.length).toBeGreaterThan(0);
    for (const tag of TAGS) expect((await listCustomers({ tag, erased: 'only' })).data).toEqual([]);
  });

  it('keeps the tag rows right when several orders of one tagged customer complete at the same time', async () => {
    const customer = await createCustomer({ actor: staff, input: { firstName: 'Busy', email: `busy.${unique()}@shop.example`, tags: ['race', 'vip'] } });
    const orders = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createOrder({ actor: staff, input: { customerId: customer.id, items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice: 1000 + i }], placedAt: `2026-02-0${1 + (i % 8)}T00:00:00.000Z` } }),
      ),
    );
    await Promise.all(orders.map((placed) => completeOrder({ actor: staff, id: placed.id })));
    await expectTagRowsMirrorCustomers();
    const [listed] = (await listCustomers({ tag: 'race', sort: 'totalSpend:desc' })).data;
    expect(listed).toMatchObject({ id: customer.id, orderCount: 8 });
  });
});
