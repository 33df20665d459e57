import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import type { Actor } from '@/lib/types';
import { seedDemoData } from '@/seed/demo';
import { createCustomer } from '@/services/customers';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '@/services/orders';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { computeAllCustomerMetrics, getCustomerEngagement, metricsStaleReason, readLastRun, recomputeMetricsIfStale } from '.';
import { applyOrderChanges } from './incremental';

withTestDatabase();

let staff: Actor;
let admin: Actor;

// Every figure of every customer with a row, but when it was computed.
const allRows = () =>
  queryRows<Record<string, unknown>>(
    getDb(),
    sql`select customer_id, as_of, days_since_last_order, days_since_first_order, orders_90d, orders_365d, spend_365d, average_order_value,
          average_items_per_order, order_count, total_spend, recency_score, frequency_score, monetary_score, rfm_segment,
          expected_orders_12m, predicted_value_12m, p_alive, spend_percentile_365d
        from customer_metrics order by customer_id`,
  );

// In the demo seed's order (ids are random): whether an order moves a score boundary depends on whose it is, and the
// first case counts the orders that move none.
const customersWithOrders = () =>
  queryRows<{ id: string }>(
    getDb(),
    sql`select m.customer_id as id from customer_metrics m join customers c on c.id = m.customer_id
        where m.order_count between 2 and 6 order by c.email`,
  );

async function newOrder(customerId: string, unitPrice: number) {
  return createOrder({ actor: staff, input: { customerId, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice }] } });
}

// The check behind every case: the incremental result equals a full recompute of the same orders with the models
// held, for every customer (the changed ones, those whose 12-month spend rank moved with them, and, when a boundary
// moved, those whose scores moved). Returns whether everyone had to be scored again.
async function expectSameAsFull(): Promise<boolean> {
  const result = await applyOrderChanges();
  expect(result).toMatchObject({ applied: true });
  const incremental = await allRows();
  const stored = await readLastRun();
  // Reading every order: carrying the rows would read back what the incremental path wrote.
  const full = await computeAllCustomerMetrics({ actor: admin, models: 'keep', readAllOrders: true });
  expect(incremental).toEqual(await allRows());
  expect(stored?.segments).toEqual(full?.segments);
  expect(stored?.customersWithOrders).toBe(full?.customersWithOrders);
  expect(stored?.bounds?.customers).toBe(full?.customersWithOrders);
  return result?.applied === true && result.rescored;
}

describe(`applying single order changes (${TEST_DB_KIND})`, () => {
  beforeAll(async () => {
    staff = await createStaffActor('staff', 'Sam Staff');
    admin = await createStaffActor('admin', 'Ann Admin');
    await seedDemoData({ customers: 1000, seed: 11 });
    const run = await computeAllCustomerMetrics({ actor: admin });
    // The demo shop is big enough for the purchase model: the predictions are part of what must match.
    expect(run?.models.bgNbd).not.toBeNull();
  });

  it('gives each changed customer, and everyone whose rank moved, what a full recompute with the same models gives', async () => {
    const customers = await customersWithOrders();
    const rescored: boolean[] = [];
    // Completed orders of repeat customers, one at a time, at different amounts.
    for (const [i, { id }] of customers.slice(0, 6).entries()) {
      const order = await newOrder(id, 500 + i * 4_000);
      await completeOrder({ actor: staff, id: order.id });
      rescored.push(await expectSameAsFull());
    }
    // A refund, a cancelled completed order, and a new customer's first order.
    const refunded = await newOrder(customers[7].id, 2_000);
    await completeOrder({ actor: staff, id: refunded.id });
    rescored.push(await expectSameAsFull());
    await refundOrder({ actor: admin, id: refunded.id, input: { amount: 700 } });
    rescored.push(await expectSameAsFull());
    await cancelOrder({ actor: admin, id: (await newOrder(customers[8].id, 900)).id });
    rescored.push(await expectSameAsFull());
    const newcomer = await createCustomer({ actor: staff, input: { firstName: 'Nora', email: `nora-${crypto.randomUUID()}@example.com` } });
    const first = await newOrder(newcomer.id, 3_000);
    await completeOrder({ actor: staff, id: first.id });
    rescored.push(await expectSameAsFull());
    // A low spender's huge order passes the first customer of every higher monetary quintile (spends rarely tie), each
    // of whom drops a score: everyone is scored again.
    const [low] = await queryRows<{ id: string }>(getDb(), sql`select customer_id as id from customer_metrics where monetary_score = 1 order by customer_id limit 1`);
    await completeOrder({ actor: staff, id: (await newOrder(low.id, 5_000_000)).id });
    expect(await expectSameAsFull()).toBe(true);
    // Most single orders move no boundary; some do (with 1,000 customers, one spend more often passes a quintile's
    // first customer), and both ways must match.
    expect(rescored.filter((moved) => !moved).length).toBeGreaterThanOrEqual(3);
  });

  it('takes several changes at once, and nothing when nothing changed', async () => {
    const customers = await customersWithOrders();
    for (const { id } of customers.slice(10, 13)) await completeOrder({ actor: staff, id: (await newOrder(id, 1_234)).id });
    await expectSameAsFull();
    expect(await applyOrderChanges()).toMatchObject({ applied: true, customers: 0, rescored: false });
  });

  it('is what the automatic recompute does when orders changed within the day, with the day’s models', async () => {
    await computeAllCustomerMetrics({ actor: admin });
    const models = (await readLastRun())?.models;
    const [{ id }] = await customersWithOrders();
    const orderCount = async () => (await queryRows<{ n: number }>(getDb(), sql`select order_count as n from customer_metrics where customer_id = ${id}`))[0].n;
    const before = await orderCount();
    await completeOrder({ actor: staff, id: (await newOrder(id, 2_500)).id });
    // The statistics counter that signals the change is flushed by the server within seconds; ask for it now.
    await getDb().execute(sql`select pg_stat_force_next_flush()`);
    await expect.poll(() => metricsStaleReason(), { timeout: 15_000, interval: 250 }).toBe('orders changed');
    expect(await recomputeMetricsIfStale()).toEqual({ reason: 'orders changed', ran: true, incremental: true });
    expect(await orderCount()).toBe(before + 1);
    expect((await getCustomerEngagement({ actor: staff, customerId: id })).metrics?.daysSinceLastOrder).toBe(0);
    expect((await readLastRun())?.models).toEqual(models);
  });

  it('leaves a new day and a chosen as-of day to the full recompute, with the changes kept for it', async () => {
    const [{ id }] = await customersWithOrders();
    await completeOrder({ actor: staff, id: (await newOrder(id, 800)).id });
    await computeAllCustomerMetrics({ actor: admin, asOf: '2025-01-31' });
    expect(await applyOrderChanges()).toEqual({ applied: false, fullNeeded: 'metrics are as of a chosen day', refitDue: true });
    const [{ changes }] = await queryRows<{ changes: number }>(getDb(), sql`select count(*)::int as changes from metric_changes`);
    expect(changes).toBe(0);
    await computeAllCustomerMetrics({ actor: admin });
    await getDb().execute(sql`update shop_settings set value = jsonb_set(value, '{asOf}', '"2000-01-01T23:59:59.999Z"') where key = 'metrics.lastRun'`);
    await completeOrder({ actor: staff, id: (await newOrder(id, 800)).id });
    expect(await applyOrderChanges()).toEqual({ applied: false, fullNeeded: 'a new day', refitDue: true });
    const [{ kept }] = await queryRows<{ kept: number }>(getDb(), sql`select count(*)::int as kept from metric_changes`);
    expect(kept).toBeGreaterThan(0);
  });
});
