import { inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { orderRefunds, orders } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { insertDemoOrderRows } from '@/seed/demo-insert-orders';
import type { DemoOrders } from '@/seed/demo-orders';
import { createCustomer } from '@/services/customers';
import { recomputeCustomerStats } from '@/services/order-import/recompute-stats';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '@/services/orders';
import { reconcileCustomerStats } from '@/services/reconcile';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { customerStatsFromOrders } from './customer-stats';

withTestDatabase();

let staff: Actor;
let admin: Actor;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
});

type Step = 'complete' | 'refund-part' | 'refund-all' | 'refund-in-two' | 'cancel-completed' | 'cancel-pending' | 'leave-pending';

interface PlannedOrder {
  total: number;
  /** Days after 1 Jan 2025 it was placed. */
  day: number;
  step: Step;
}

// Placement days are out of order, so that the first and last order dates must move back when a cancelled order stops
// counting, and must stay where they are when an order is refunded.
const HISTORIES: Record<string, PlannedOrder[]> = {
  mixed: [
    { total: 1000, day: 2, step: 'complete' },
    { total: 2500, day: 3, step: 'refund-part' },
    { total: 4000, day: 9, step: 'refund-all' },
    { total: 700, day: 1, step: 'cancel-completed' },
    { total: 900, day: 10, step: 'leave-pending' },
    { total: 300, day: 0, step: 'cancel-pending' },
  ],
  // Nothing is cancelled, so the dates are only ever moved by completions (completed out of placement order).
  kept: [
    { total: 1200, day: 5, step: 'complete' },
    { total: 800, day: 2, step: 'refund-part' },
    { total: 400, day: 7, step: 'complete' },
  ],
  undone: [
    { total: 1500, day: 4, step: 'refund-all' },
    { total: 800, day: 5, step: 'cancel-completed' },
    { total: 600, day: 6, step: 'refund-in-two' },
  ],
  newestCancelled: [
    { total: 500, day: 1, step: 'complete' },
    { total: 600, day: 4, step: 'cancel-completed' },
    { total: 650, day: 3, step: 'refund-part' },
  ],
  // One order, refunded in full: still a customer who ordered once.
  refundedOnly: [{ total: 1800, day: 8, step: 'refund-all' }],
  none: [],
};

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();

interface Stats {
  totalSpend: number;
  orderCount: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
}

// What a shop owner would say: every completed order counts, refunded in part or in full or not, and spans the dates;
// spend is their totals less refunds. Pending and cancelled orders count for nothing.
const EXPECTED: Record<string, Stats> = {
  mixed: { totalSpend: 1000 + 2500 - 300 + 0, orderCount: 3, firstOrderDate: day(2), lastOrderDate: day(9) },
  kept: { totalSpend: 1200 + 800 - 300 + 400, orderCount: 3, firstOrderDate: day(2), lastOrderDate: day(7) },
  undone: { totalSpend: 0, orderCount: 2, firstOrderDate: day(4), lastOrderDate: day(6) },
  newestCancelled: { totalSpend: 500 + 650 - 300, orderCount: 2, firstOrderDate: day(1), lastOrderDate: day(3) },
  refundedOnly: { totalSpend: 0, orderCount: 1, firstOrderDate: day(8), lastOrderDate: day(8) },
  none: { totalSpend: 0, orderCount: 0, firstOrderDate: null, lastOrderDate: null },
};

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** Each customer's stored stats, and what the rule computes from their orders, by name. */
async function storedAndRule(customers: Record<string, string>): Promise<{ stored: Record<string, Stats>; rule: Record<string, Stats> }> {
  const ids = sql`string_to_array(${Object.values(customers).join(',')}, ',')::uuid[]`;
  const rows = await queryRows<{
    id: string;
    total_spend: string | number;
    order_count: number;
    first_order_date: string | Date | null;
    last_order_date: string | Date | null;
    rule_spend: string | number;
    rule_count: number;
    rule_first: string | Date | null;
    rule_last: string | Date | null;
  }>(getDb(), sql`
    select c.id, c.total_spend, c.order_count, c.first_order_date, c.last_order_date,
           coalesce(r.total_spend, 0) as rule_spend, coalesce(r.order_count, 0) as rule_count,
           r.first_order_date as rule_first, r.last_order_date as rule_last
    from customers c
    left join (${customerStatsFromOrders(sql`o.customer_id = any(${ids})`)}) r on r.customer_id = c.id
    where c.id = any(${ids})`);
  const stored: Record<string, Stats> = {};
  const rule: Record<string, Stats> = {};
  for (const [name, id] of Object.entries(customers)) {
    const row = rows.find((r) => r.id === id)!;
    stored[name] = { totalSpend: Number(row.total_spend), orderCount: Number(row.order_count), firstOrderDate: iso(row.first_order_date), lastOrderDate: iso(row.last_order_date) };
    rule[name] = { totalSpend: Number(row.rule_spend), orderCount: Number(row.rule_count), firstOrderDate: iso(row.rule_first), lastOrderDate: iso(row.rule_last) };
  }
  return { stored, rule };
}

const newCustomer = async (name: string) => (await createCustomer({ actor: staff, input: { firstName: name, email: `${crypto.randomUUID()}@example.com` } })).id;

/** Plays every history through the order service: completion, partial and full refunds, cancellations. */
async function playThroughOrderService(): Promise<Record<string, string>> {
  const customers: Record<string, string> = {};
  for (const [name, history] of Object.entries(HISTORIES)) {
    const customerId = (customers[name] = await newCustomer(name));
    const placed = [];
    for (const planned of history) {
      const order = await createOrder({ actor: staff, input: { customerId, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: planned.total }], placedAt: day(planned.day) } });
      placed.push({ id: order.id, step: planned.step });
    }
    // Every order but the pending ones is completed first, in history order (not placement order), then undone.
    for (const { id, step } of placed) if (step !== 'leave-pending' && step !== 'cancel-pending') await completeOrder({ actor: staff, id });
    for (const { id, step } of placed) {
      if (step === 'refund-part') await refundOrder({ actor: admin, id, input: { amount: 300 } });
      if (step === 'refund-all') await refundOrder({ actor: admin, id });
      if (step === 'refund-in-two') {
        await refundOrder({ actor: admin, id, input: { amount: 200 } });
        await refundOrder({ actor: admin, id });
      }
      if (step === 'cancel-completed' || step === 'cancel-pending') await cancelOrder({ actor: admin, id });
    }
  }
  return customers;
}

/** A twin of each customer, with copies of their orders and refunds written by the demo seed's insert. */
async function copyThroughDemoSeed(customers: Record<string, string>): Promise<Record<string, string>> {
  const twins: Record<string, string> = {};
  for (const name of Object.keys(customers)) twins[name] = await newCustomer(`${name} twin`);
  const twinOf = (customerId: string) => twins[Object.keys(customers).find((name) => customers[name] === customerId)!];
  const originals = await getDb().select().from(orders).where(inArray(orders.customerId, Object.values(customers)));
  const refunds = await getDb().select().from(orderRefunds).where(inArray(orderRefunds.customerId, Object.values(customers)));
  const newId = new Map(originals.map((order) => [order.id, crypto.randomUUID()]));
  const rows: DemoOrders = {
    orders: originals.map((order) => ({
      id: newId.get(order.id)!,
      customer_id: twinOf(order.customerId),
      status: order.status,
      currency: order.currency,
      subtotal: order.subtotal,
      discount_total: order.discountTotal,
      tax_total: order.taxTotal,
      shipping_total: order.shippingTotal,
      total: order.total,
      refunded_total: order.refundedTotal,
      item_count: order.itemCount,
      placed_at: order.placedAt.toISOString(),
      completed_at: order.completedAt?.toISOString() ?? null,
      cancelled_at: order.cancelledAt?.toISOString() ?? null,
      created_by_id: order.createdById,
      updated_at: order.updatedAt.toISOString(),
    })),
    items: [],
    refunds: refunds.map((refund) => ({
      customer_id: twinOf(refund.customerId),
      order_id: newId.get(refund.orderId)!,
      amount: refund.amount,
      reason: refund.reason,
      created_by_id: refund.createdById,
      created_at: refund.createdAt.toISOString(),
    })),
  };
  await getDb().transaction((tx) => insertDemoOrderRows(tx, rows));
  return twins;
}

// Each writer sets stats of customers of its own, so that a writer that went wrong is not repaired by the next one
// before reconcile looks.
describe(`the customer stats rule (${TEST_DB_KIND})`, () => {
  let customers: Record<string, string>;
  let twins: Record<string, string>;
  beforeAll(async () => {
    customers = await playThroughOrderService();
  });

  it('is where completions, partial and full refunds and cancellations leave the stats', async () => {
    const { stored, rule } = await storedAndRule(customers);
    expect(stored).toEqual(rule);
    expect(stored).toEqual(EXPECTED);
  });

  it("is where the demo seed's insert sets the stats of customers given the same orders", async () => {
    twins = await copyThroughDemoSeed(customers);
    const { stored, rule } = await storedAndRule(twins);
    expect(stored).toEqual(rule);
    expect(stored).toEqual(EXPECTED);
  });

  it("is where the order import's recompute sets the stats of those customers, whatever they said before", async () => {
    // The import recomputes the customers whose orders it wrote.
    const withOrders = Object.entries(twins).flatMap(([name, id]) => (HISTORIES[name].length > 0 ? [id] : []));
    await getDb().execute(sql`
      update customers set total_spend = 123456, order_count = 9, first_order_date = '2000-01-01', last_order_date = '2000-01-02'
      where id = any(string_to_array(${withOrders.join(',')}, ',')::uuid[])`);
    await getDb().transaction((tx) => recomputeCustomerStats(tx, withOrders));
    const { stored, rule } = await storedAndRule(twins);
    expect(stored).toEqual(rule);
    expect(stored).toEqual(EXPECTED);
  });

  it('is what reconcile checks, and it finds no drift after all of them', async () => {
    const report = await reconcileCustomerStats({ actor: admin });
    expect(report.customersChecked).toBeGreaterThanOrEqual(2 * Object.keys(HISTORIES).length);
    expect(report.drifts).toEqual([]);
  });
});
