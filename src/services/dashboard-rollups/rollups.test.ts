import path from 'node:path';

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows, type Db, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import { resolveStaffPeriod, type StaffPeriod } from '@/lib/validation/staff-metrics';
import { seedDemoData } from '@/seed/demo';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { assignCustomersToGroup, createCustomerGroup, deleteCustomerGroup, findCustomerGroupByName } from '../customer-groups';
import { createCustomer } from '../customers';
import { deleteCustomersWithoutOrders } from '../customers/bulk-delete';
import { mergeCustomers } from '../customers/merge';
import { importOrders } from '../order-import/import';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '../orders';
import { getOverview, sameSpanLastMonth } from '../overview';
import { eraseCustomer } from '../privacy';
import { getStaffMetrics, listStaffPerformance } from '../staff-metrics';
import { fullOverviewFigures, fullStaffFigures } from './full-computation';
import { newCustomersByMonth, salesBetween } from './overview-figures';
import { staffTopCustomers } from './staff-top-customers';

withTestDatabase();

// The rollups against the full computation (full-computation.ts) on a shop whose history takes every kind of change
// the rollups follow: orders completed, refunded in part and in full, cancelled before and after completion;
// customers created by staff and not, with their creation dates and creators changed afterwards, moved between
// groups, a group deleted, merged, erased, deleted, and an order import. The changes are random but seeded, so a
// failure replays.

const SEED = 20_261_206;
const DAY = 86_400_000;
const HISTORY_START = Date.parse('2024-01-01T00:00:00Z');
const HISTORY_END = Date.parse('2026-07-01T00:00:00Z');
const ORDER_IMPORT = path.join(import.meta.dirname, '../order-import/fixtures/online-retail.csv');

/** mulberry32: a small seeded generator, so that every run makes the same shop. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    instant: (from = HISTORY_START, to = HISTORY_END) => new Date(from + Math.floor(next() * (to - from))),
  };
}

const random = generator(SEED);
let owner: Actor & { type: 'staff' };
let sellers: (Actor & { type: 'staff' })[];
const customerIds: string[] = [];
const pendingOrders: string[] = [];
const completedOrders: string[] = [];

async function addCustomer(index: number): Promise<string> {
  const creator = index % 3 === 0 ? { type: 'system', id: null, role: 'owner', name: 'import' } as const : random.pick(sellers);
  const group = random.pick(['Retail', 'VIP', 'Wholesaler', null]);
  const customerGroupId = group ? (await findCustomerGroupByName(group))?.id : undefined;
  const customer = await createCustomer({ actor: creator, input: { firstName: `Rollup${index}`, lastName: 'Test', email: `rollup${index}@rollups.test`, customerGroupId } });
  // Backdated, as the other dashboard tests do: the creation date is a change the rollups follow too.
  await getDb().execute(sql`update customers set created_at = ${random.instant().toISOString()}::timestamptz where id = ${customer.id}`);
  customerIds.push(customer.id);
  return customer.id;
}

async function addOrder(customerId: string): Promise<string> {
  const order = await createOrder({
    actor: owner,
    input: { customerId, items: [{ sku: 'SKU', name: 'Thing', quantity: random.int(1, 3), unitPrice: random.int(1, 400) * 100 }], placedAt: random.instant().toISOString() },
  });
  pendingOrders.push(order.id);
  return order.id;
}

/** A random change to the orders: complete, refund (part or whole), cancel (pending or completed), or a new order. */
async function changeAnOrder(): Promise<void> {
  const roll = random.next();
  if (roll < 0.4 && pendingOrders.length) {
    const id = pendingOrders.splice(random.int(0, pendingOrders.length - 1), 1)[0];
    await completeOrder({ actor: owner, id });
    completedOrders.push(id);
  } else if (roll < 0.55 && completedOrders.length) {
    const id = random.pick(completedOrders);
    await refundOrder({ actor: owner, id, input: random.next() < 0.5 ? { amount: 100, reason: 'Partly' } : { reason: 'Whole' } }).catch(() => undefined);
  } else if (roll < 0.65 && completedOrders.length) {
    const id = completedOrders.splice(random.int(0, completedOrders.length - 1), 1)[0];
    await cancelOrder({ actor: owner, id }).catch(() => undefined);
  } else if (roll < 0.72 && pendingOrders.length) {
    const id = pendingOrders.splice(random.int(0, pendingOrders.length - 1), 1)[0];
    await cancelOrder({ actor: owner, id });
  } else {
    await addOrder(random.pick(customerIds));
  }
}

const NOWS = ['2026-06-15T12:00:00Z', '2025-03-01T08:00:00Z', '2026-01-31T23:59:59.999Z', '2025-11-20T18:30:00Z', '2024-12-31T00:00:00Z', '2011-01-15T10:00:00Z'].map((now) => new Date(now));

const PERIODS: (StaffPeriod | 'default')[] = [
  'default',
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2024-03-15', to: '2025-02-10' },
  { from: '2025-05-03', to: '2025-05-20' },
  { from: '2024-01-31', to: '2024-03-01' },
  { from: '2024-01-01', to: '2026-12-31' },
];

async function expectOverviewExact(): Promise<void> {
  for (const now of NOWS) {
    const overview = await getOverview({ now });
    const full = await fullOverviewFigures(overview.windowStart, now);
    const label = now.toISOString();
    expect({ customers: overview.customers, buyers: overview.buyers, repeatBuyers: overview.repeatBuyers }, label).toEqual({ customers: full.customers, buyers: full.buyers, repeatBuyers: full.repeatBuyers });
    const byGroup = (groups: { groupId: string | null; revenue: number; customers: number }[]) =>
      groups.map(({ groupId, revenue, customers }) => ({ groupId, revenue, customers })).sort((a, b) => String(a.groupId).localeCompare(String(b.groupId)));
    expect(byGroup(overview.revenueByGroup), label).toEqual(byGroup(full.groups));
    expect({ revenue: overview.revenue12m, orders: overview.orders12m }, label).toEqual({ revenue: full.revenue, orders: full.orders });
    expect(overview.newPerMonth, label).toEqual(overview.newPerMonth.map(({ month }) => ({ month, count: full.newByMonth[month] ?? 0 })));
    const span = sameSpanLastMonth(now);
    const lastMonth = await fullOverviewFigures(span.from, span.to);
    expect(overview.newLastMonthToDate, label).toBe(Object.values(lastMonth.newByMonth).reduce((sum, count) => sum + count, 0));
  }
}

/** Random spans, most ending inside a day (more or less than half of it), some inside one day. */
async function expectSpansExact(): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const from = random.instant(HISTORY_START - 30 * DAY, HISTORY_END);
    const to = new Date(from.getTime() + (i % 4 === 0 ? random.int(0, DAY) : random.int(0, 400 * DAY)));
    const full = await fullOverviewFigures(from, to);
    const label = `${from.toISOString()} – ${to.toISOString()}`;
    expect(await salesBetween(from, to), label).toEqual({ orders: full.orders, revenue: full.revenue });
    const months = Object.fromEntries((await newCustomersByMonth(from, to)).map((row) => [row.month, row.count]));
    expect(months, label).toEqual(full.newByMonth);
  }
}

async function expectStaffExact(): Promise<void> {
  const now = new Date('2026-06-15T12:00:00Z');
  for (const choice of PERIODS) {
    const period = choice === 'default' ? resolveStaffPeriod({}, now) : choice;
    const query = choice === 'default' ? undefined : choice;
    const list = await listStaffPerformance({ actor: owner, query, now });
    for (const member of [owner, ...sellers]) {
      const label = `${member.name} ${period.from}..${period.to}`;
      const full = await fullStaffFigures(member.id, period);
      expect(list.data.find((row) => row.id === member.id), label).toMatchObject({ customersAcquired: full.customersAcquired, orderCount: full.orderCount, revenue: full.revenue });
      const page = await getStaffMetrics({ actor: owner, id: member.id, query, now });
      expect(page.totals, label).toMatchObject({ customersAcquired: full.customersAcquired, customersWhoOrdered: full.customersWhoOrdered, orderCount: full.orderCount, revenue: full.revenue });
      const busy = page.months.filter((month) => month.customersAcquired || month.orderCount);
      expect(Object.fromEntries(busy.map(({ month, ...figures }) => [month, figures])), label).toEqual(full.months);
      expect(page.topCustomers.map(({ id, orderCount, revenue }) => ({ id, orderCount, revenue })), label).toEqual(full.ranked.slice(0, 10));
      // A shorter list leaves more customers below the bar, whose orders are then never summed.
      const top3 = await staffTopCustomers(member.id, period, 3);
      expect(top3.map((row) => ({ id: row.id, orderCount: row.orders, revenue: Number(row.revenue) })), label).toEqual(full.ranked.slice(0, 3));
      expect(top3[0]?.buyers ?? 0, label).toBe(full.customersWhoOrdered);
    }
  }
}

/** Every rollup summed over its slots: what a reader can see of them. */
async function rollupState(db: Db | Tx = getDb()): Promise<unknown> {
  return Promise.all([
    queryRows(db, sql`select customer_group_id, sum(members) m, sum(customers) c, sum(buyers) b, sum(repeat_buyers) r, sum(spend) s from rollup_group_totals group by 1 having sum(members) <> 0 or sum(spend) <> 0 order by 1`),
    queryRows(db, sql`select day::text, sum(customers) c from rollup_new_customers_daily group by 1 having sum(customers) <> 0 order by 1`),
    queryRows(db, sql`select day::text, sum(orders) o, sum(revenue) r from rollup_sales_daily group by 1 having sum(orders) <> 0 or sum(revenue) <> 0 order by 1`),
    queryRows(db, sql`select staff_id, day::text, sum(customers) c from rollup_staff_acquired_daily group by 1, 2 having sum(customers) <> 0 order by 1, 2`),
    queryRows(db, sql`select staff_id, grain, cohort_date::text, order_date::text, sum(orders) o, sum(revenue) r from rollup_staff_sales group by 1, 2, 3, 4 having sum(orders) <> 0 or sum(revenue) <> 0 order by 1, 2, 3, 4`),
    queryRows(db, sql`select customer_id, staff_id, created_at, total_spend, order_count, first_order_date, last_order_date from rollup_staff_customers order by 1`),
    queryRows(db, sql`select staff_id, grain, cohort_date::text, order_date::text, sum(customers) c from rollup_staff_buyers group by 1, 2, 3, 4 having sum(customers) <> 0 order by 1, 2, 3, 4`),
  ]);
}

describe(`dashboard rollups (${TEST_DB_KIND})`, () => {
  beforeAll(async () => {
    owner = await createStaffActor('owner', 'Olive Owner');
    sellers = [await createStaffActor('staff', 'Sam Seller'), await createStaffActor('staff', 'Sue Seller')];
    for (let i = 0; i < 36; i++) await addCustomer(i);
    for (let i = 0; i < 90; i++) await addOrder(random.pick(customerIds));
    for (let i = 0; i < 120; i++) await changeAnOrder();
  }, 240_000);

  it('equal the full computation after orders are completed, refunded and cancelled', async () => {
    await expectOverviewExact();
    await expectSpansExact();
    await expectStaffExact();
  }, 120_000);

  it('follow group moves, a deleted group, creators and creation dates changed, a merge, an erasure and a deletion', async () => {
    const vip = await findCustomerGroupByName('VIP');
    await assignCustomersToGroup({ actor: owner, groupId: vip?.id ?? null, target: { ids: customerIds.slice(0, 8) } });
    await assignCustomersToGroup({ actor: owner, groupId: null, target: { ids: customerIds.slice(8, 12) } });
    const temporary = await createCustomerGroup({ actor: owner, input: { name: 'Short-lived' } });
    await assignCustomersToGroup({ actor: owner, groupId: temporary.id, target: { ids: customerIds.slice(12, 16) } });
    await deleteCustomerGroup({ actor: owner, id: temporary.id, input: { confirmMembersToNoGroup: true } });
    // Creators and creation dates changed in bulk, as a migration or the bench's set-up would: the customers' orders
    // move from one cohort to another.
    await getDb().execute(sql`update customers set created_by_id = ${sellers[1].id} where id in (${sql.join(customerIds.slice(16, 20).map((id) => sql`${id}::uuid`), sql`, `)})`);
    await getDb().execute(sql`update customers set created_by_id = null where id = ${customerIds[21]}`);
    await getDb().execute(sql`update customers set created_at = created_at - interval '40 days' where id in (${sql.join(customerIds.slice(22, 26).map((id) => sql`${id}::uuid`), sql`, `)})`);
    // A seller's customer merged into another seller's: the orders change customer, cohort and creator at once.
    const [source, target] = await queryRows<{ id: string }>(
      getDb(),
      sql`select id from customers where created_by_id is not null and order_count > 0 and erased_at is null order by created_by_id, id limit 2`,
    );
    await mergeCustomers({ actor: owner, input: { targetId: target.id, sourceId: source.id } });
    customerIds.splice(customerIds.indexOf(source.id), 1);
    const [buyer] = await queryRows<{ id: string }>(getDb(), sql`select id from customers where order_count > 1 and erased_at is null order by id desc limit 1`);
    await eraseCustomer({ actor: owner, customerId: buyer.id, input: { confirm: 'ERASE' } });
    const withoutOrders = await createCustomer({ actor: sellers[0], input: { firstName: 'Gone', email: 'gone@rollups.test' } });
    await deleteCustomersWithoutOrders({ actor: owner, target: { ids: [withoutOrders.id] } });
    for (let i = 0; i < 30; i++) await changeAnOrder();

    await expectOverviewExact();
    await expectSpansExact();
    await expectStaffExact();
  }, 240_000);

  it('follow an order import: new customers, completed orders and refunds in batches', async () => {
    await importOrders({ actor: owner, path: ORDER_IMPORT, batchSize: 50 });
    await expectOverviewExact();
    await expectSpansExact();
  }, 240_000);

  it('stay exact under concurrent completions and refunds of different customers on the same day', async () => {
    const placedAt = '2026-06-10T09:00:00Z';
    const known = await queryRows<{ id: string }>(getDb(), sql`select id from customers where erased_at is null and created_by_id is not null order by id limit 16`);
    const orders = await Promise.all(
      known.map(async ({ id: customerId }) => {
        const order = await createOrder({ actor: owner, input: { customerId, items: [{ sku: 'C', name: 'Concurrent', quantity: 1, unitPrice: 1_000 }], placedAt } });
        return order.id;
      }),
    );
    await Promise.all(orders.map((id) => completeOrder({ actor: owner, id })));
    await Promise.all(orders.slice(0, 8).map((id) => refundOrder({ actor: owner, id, input: { amount: 250 } })));
    await expectOverviewExact();
    await expectStaffExact();
  }, 120_000);

  it('are unchanged by a change that is rolled back', async () => {
    const before = await rollupState();
    const [order] = await queryRows<{ id: string; customer_id: string }>(getDb(), sql`select id, customer_id from orders where status = 'pending' limit 1`);
    await expect(
      getDb().transaction(async (tx) => {
        await tx.execute(sql`update orders set status = 'completed', completed_at = now() where id = ${order.id}`);
        await tx.execute(sql`update customers set total_spend = total_spend + 500, order_count = order_count + 1 where id = ${order.customer_id}`);
        await tx.execute(sql`update customers set created_by_id = ${sellers[0].id}, customer_group_id = null where id in (select id from customers limit 5)`);
        await tx.execute(sql`insert into customers (first_name, email) values ('Rolled', 'rolled@rollups.test')`);
        expect(await rollupState(tx)).not.toEqual(before);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await rollupState()).toEqual(before);
  });

  it('follow the demo seed, loaded row by row and in bulk', async () => {
    await seedDemoData({ customers: 40, seed: 7, now: new Date('2026-06-15T12:00:00Z'), batchSize: 15 });
    await seedDemoData({ customers: 40, seed: 8, now: new Date('2026-06-15T12:00:00Z'), batchSize: 15, strategy: 'bulk' });
    await expectOverviewExact();
  }, 240_000);

  it("ranks a customer whose orders cross the period's end by their orders in it, when their all-time spend reaches the list", async () => {
    const member = await createStaffActor('staff', 'Tia Top');
    const customer = async (name: string, createdAt: string) => {
      const created = await createCustomer({ actor: member, input: { firstName: name, email: `${name.toLowerCase()}@top.rollups.test` } });
      await getDb().execute(sql`update customers set created_at = ${createdAt}::timestamptz where id = ${created.id}`);
      return created.id;
    };
    const bought = async (customerId: string, amount: number, placedAt: string) => {
      const order = await createOrder({ actor: owner, input: { customerId, items: [{ sku: 'T', name: 'Top', quantity: 1, unitPrice: amount }], placedAt } });
      await completeOrder({ actor: owner, id: order.id });
    };
    // In 2025: Amy bought 50.00, all in the period; Bo 55.00 in it and 1.00 after (56.00 all-time, above Amy's 50.00,
    // so his orders are summed); Cy 7.00 in it, 3.00 before and 2.00 after (both sides); Di only after it.
    const amy = await customer('Amy', '2025-02-01T10:00:00Z');
    await bought(amy, 5_000, '2025-02-02T10:00:00Z');
    const bo = await customer('Bo', '2025-03-01T10:00:00Z');
    await bought(bo, 5_500, '2025-04-01T10:00:00Z');
    await bought(bo, 100, '2026-02-01T10:00:00Z');
    const cy = await customer('Cy', '2025-05-01T10:00:00Z');
    await bought(cy, 300, '2024-12-01T10:00:00Z');
    await bought(cy, 700, '2025-05-02T10:00:00Z');
    await bought(cy, 200, '2026-02-01T10:00:00Z');
    const di = await customer('Di', '2025-06-01T10:00:00Z');
    await bought(di, 9_000, '2026-03-01T10:00:00Z');
    const expected = [
      { id: bo, orderCount: 1, revenue: 5_500 },
      { id: amy, orderCount: 1, revenue: 5_000 },
      { id: cy, orderCount: 1, revenue: 700 },
    ];
    const top = (limit: number) => staffTopCustomers(member.id, { from: '2025-01-01', to: '2025-12-31' }, limit);
    for (const limit of [1, 2, 3, 10]) {
      const rows = await top(limit);
      expect(rows.map((row) => ({ id: row.id, orderCount: row.orders, revenue: Number(row.revenue) })), `top ${limit}`).toEqual(expected.slice(0, limit));
      expect(rows[0].buyers).toBe(3);
    }
    expect((await fullStaffFigures(member.id, { from: '2025-01-01', to: '2025-12-31' })).ranked).toEqual(expected);
  }, 120_000);

  it('are rebuilt from scratch to the same figures', async () => {
    const before = await rollupState();
    await getDb().execute(sql`select rollup_rebuild_dashboard()`);
    expect(await rollupState()).toEqual(before);
  });
});
