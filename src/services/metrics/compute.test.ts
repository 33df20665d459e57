import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { customerMetrics, metricBasis } from '@/db/schema';
import { seedDemoData } from '@/seed/demo';
import type { Actor } from '@/lib/types';
import { createCustomer } from '@/services/customers';
import { ForbiddenError } from '@/services/errors';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '@/services/orders';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { fitBgNbd } from './bg-nbd';
import { ordersFingerprint } from './fingerprint';
import { fitGammaGamma } from './gamma-gamma';
import { METRICS_LOCK_KEY } from './compute';
import { computeAllCustomerMetrics, getCustomerEngagement, getMetricsStatus, metricsStaleReason, recomputeMetricsIfStale, updateMetricsSettings } from '.';

withTestDatabase();

/** Waits until the orders fingerprint has stopped moving: the same on reads 1.5 s apart, after asking for a flush. */
async function ordersFingerprintSettled(): Promise<void> {
  const db = getDb();
  // On PostgreSQL each connection sends its counts at most once a second, and an idle one within 10 s: another pooled
  // connection that wrote orders in an earlier test may still hold them back. Once no other connection of this
  // database has done anything for 11 s, every count is in.
  await expect
    .poll(
      async () => {
        const [{ quietSeconds }] = await queryRows<{ quietSeconds: number | null }>(
          db,
          sql`select extract(epoch from now() - max(state_change))::float8 as "quietSeconds" from pg_stat_activity
              where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
                and query not like '%quietSeconds%'`,
        );
        return quietSeconds === null || quietSeconds > 11;
      },
      { timeout: 40_000, interval: 1_000 },
    )
    .toBe(true);
  let previous = '';
  await expect
    .poll(
      async () => {
        await db.execute(sql`select pg_stat_force_next_flush()`);
        const current = await ordersFingerprint(db);
        const isSettled = current === previous;
        previous = current;
        return isSettled;
      },
      { timeout: 30_000, interval: 1_500 },
    )
    .toBe(true);
}

let staff: Actor;
let admin: Actor;

type Line = [day: string, quantity: number, unitPrice: number];

async function buyer(name: string, lines: Line[], finish: 'complete' | 'pending' | 'cancel' = 'complete') {
  const customer = await createCustomer({ actor: staff, input: { firstName: name, email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.com` } });
  const orderIds: string[] = [];
  for (const [day, quantity, unitPrice] of lines) {
    const order = await createOrder({ actor: staff, input: { customerId: customer.id, items: [{ sku: 'S', name: 'Scarf', quantity, unitPrice }], placedAt: `${day}T12:00:00.000Z` } });
    if (finish === 'complete') await completeOrder({ actor: staff, id: order.id });
    if (finish === 'cancel') await cancelOrder({ actor: admin, id: order.id });
    orderIds.push(order.id);
  }
  return { id: customer.id, orderIds };
}

const metricsOf = async (id: string) => (await getCustomerEngagement({ actor: staff, customerId: id })).metrics;

/** Whether a transaction holds the metrics run's lock in this database (a key below 2^32: classid 0, objid the key). */
async function runLockHeld(): Promise<boolean> {
  const [{ held }] = await queryRows<{ held: boolean }>(
    getDb(),
    sql`select exists (
          select 1 from pg_locks l join pg_database d on d.oid = l.database
          where l.locktype = 'advisory' and l.granted and d.datname = current_database() and l.classid = 0 and l.objid = ${METRICS_LOCK_KEY}
        ) as held`,
  );
  return held;
}

// Hand-computed as of the end of 2025-06-30 (UTC); every order is placed at noon.
//   A: 4 orders (06-29 2×1000, 05-01 3000, 03-01 500, 2024-01-10 4×250) = 6500 → AOV 1625, 8 items / 4 = 2
//   B: 3 orders (06-20 2000, 06-01 2000 less a 500 refund, 04-01 3×1000) = 6500 → AOV 2166.67 → 2167, 5 items / 3
//   C: 3 orders: 2 on 05-15 (4000, 1000) and one on 06-25 (900) refunded in full, which still counts as an order and
//      as the last one, for 0: 5000 / 3 → AOV 1666.67 → 1667, 3 items / 3
//   D: 1 order 2024-12-01 10000, plus one on 2025-07-05 (after the as-of day)
//   E: 1 order 2024-06-01 2×1500 = 3000
//   F: no orders; G: a pending and a cancelled order only
//   H: 1 order on 2025-07-10 (after the as-of day), refunded in full
// Recency (days since last: E 394, D 211, B 10, C 5, A 1) → E1 D2 B3 C4 A5
// Frequency (orders: D 1, E 1, B 3, C 3, A 4) → ntile D/E 1,2 share the lower: 1; B/C 3,4 share 3; A5
// Monetary (spend: E 3000, C 5000, A 6500, B 6500, D 10000) → E1 C2 A/B 3,4 share 3; D5
// Segments: A R5F5 Champions, B R3F3 Need attention, C R4F3 Potential loyalists, D R2F1 Hibernating, E R1F1 Lost
// 12-month spend among spenders (D 10000, B 6500, A 5500, C 5000): top 25%, 50%, 75%, 100%; E spent nothing → null
describe(`computeAllCustomerMetrics (${TEST_DB_KIND})`, () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    staff = await createStaffActor('staff', 'Sam Staff');
    admin = await createStaffActor('admin', 'Ann Admin');
    ids.A = (await buyer('A', [['2025-06-29', 2, 1000], ['2025-05-01', 1, 3000], ['2025-03-01', 1, 500], ['2024-01-10', 4, 250]])).id;
    const b = await buyer('B', [['2025-06-20', 1, 2000], ['2025-06-01', 1, 2000], ['2025-04-01', 3, 1000]]);
    await refundOrder({ actor: admin, id: b.orderIds[1], input: { amount: 500 } });
    ids.B = b.id;
    const c = await buyer('C', [['2025-05-15', 1, 4000], ['2025-05-15', 1, 1000], ['2025-06-25', 1, 900]]);
    await refundOrder({ actor: admin, id: c.orderIds[2] });
    ids.C = c.id;
    ids.D = (await buyer('D', [['2024-12-01', 1, 10000], ['2025-07-05', 1, 7000]])).id;
    ids.E = (await buyer('E', [['2024-06-01', 2, 1500]])).id;
    const h = await buyer('H', [['2025-07-10', 1, 800]]);
    await refundOrder({ actor: admin, id: h.orderIds[0] });
    ids.H = h.id;
    ids.F = (await buyer('F', [])).id;
    ids.G = (await buyer('G', [['2025-06-01', 1, 100]], 'pending')).id;
    await buyer('G2', [['2025-06-01', 1, 100]], 'cancel');
  });

  it('matches the hand-computed fixture exactly', async () => {
    const run = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30' });
    expect(run).toMatchObject({ asOf: '2025-06-30T23:59:59.999Z', requestedAsOf: '2025-06-30', customersWithOrders: 5, customers: 9 });
    expect(run?.segments).toEqual({ Champions: 1, 'Need attention': 1, 'Potential loyalists': 1, Hibernating: 1, Lost: 1 });
    const expected = {
      A: { daysSinceLastOrder: 1, daysSinceFirstOrder: 537, orders90d: 2, orders365d: 3, spend365d: 5500, averageOrderValue: 1625, averageItemsPerOrder: 2, recencyScore: 5, frequencyScore: 5, monetaryScore: 3, rfmSegment: 'Champions', spendPercentile365d: 0.75 },
      B: { daysSinceLastOrder: 10, daysSinceFirstOrder: 90, orders90d: 2, orders365d: 3, spend365d: 6500, averageOrderValue: 2167, averageItemsPerOrder: 5 / 3, recencyScore: 3, frequencyScore: 3, monetaryScore: 3, rfmSegment: 'Need attention', spendPercentile365d: 0.5 },
      C: { daysSinceLastOrder: 5, daysSinceFirstOrder: 46, orders90d: 3, orders365d: 3, spend365d: 5000, averageOrderValue: 1667, averageItemsPerOrder: 1, recencyScore: 4, frequencyScore: 3, monetaryScore: 2, rfmSegment: 'Potential loyalists', spendPercentile365d: 1 },
      D: { daysSinceLastOrder: 211, daysSinceFirstOrder: 211, orders90d: 0, orders365d: 1, spend365d: 10000, averageOrderValue: 10000, averageItemsPerOrder: 1, recencyScore: 2, frequencyScore: 1, monetaryScore: 5, rfmSegment: 'Hibernating', spendPercentile365d: 0.25 },
      E: { daysSinceLastOrder: 394, daysSinceFirstOrder: 394, orders90d: 0, orders365d: 0, spend365d: 0, averageOrderValue: 3000, averageItemsPerOrder: 2, recencyScore: 1, frequencyScore: 1, monetaryScore: 1, rfmSegment: 'Lost', spendPercentile365d: null },
    };
    for (const [name, figures] of Object.entries(expected)) {
      const metrics = await metricsOf(ids[name]);
      expect({ name, ...metrics }).toMatchObject({ name, ...figures, asOf: '2025-06-30T23:59:59.999Z' });
    }
    const none = { daysSinceLastOrder: null, orders365d: 0, averageOrderValue: 0, recencyScore: null, rfmSegment: null, expectedOrders12m: null, churnRisk: null };
    expect(await metricsOf(ids.F)).toMatchObject(none);
    expect(await metricsOf(ids.G)).toMatchObject(none);
    // H's order comes after the as-of day.
    expect(await metricsOf(ids.H)).toMatchObject(none);
    // Five customers are too few to fit the purchase model: no predictions rather than wild ones.
    expect((await metricsOf(ids.A))?.predictedValue12m).toBeNull();
  });

  it('as of the next day, rewrites no row whose figures only the day moved, and counts the days on', async () => {
    await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30' });
    const written = async () =>
      new Map((await queryRows<{ id: string; at: string }>(getDb(), sql`select customer_id as id, computed_at::text as at from customer_metric_rows`)).map((row) => [row.id, row.at]));
    const before = await written();
    const run = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-07-01' });
    expect(run?.customers).toBe(9);
    const after = await written();
    // No order enters or leaves a window on 1 July, and every recency moves by the same day, so no score moves.
    const rewritten = [...after].filter(([id, at]) => before.get(id) !== at).map(([id]) => id);
    expect(rewritten).toEqual([]);
    expect(await metricsOf(ids.A)).toMatchObject({ asOf: '2025-07-01T23:59:59.999Z', daysSinceLastOrder: 2, daysSinceFirstOrder: 538, recencyScore: 5 });
    expect(await metricsOf(ids.B)).toMatchObject({ daysSinceLastOrder: 11, daysSinceFirstOrder: 91, spendPercentile365d: 0.5 });
    expect(await metricsOf(ids.E)).toMatchObject({ daysSinceLastOrder: 395, spendPercentile365d: null });
  });

  it.runIf(TEST_DB_KIND === 'postgres')('aggregates half the customers on a connection of its own, and a half that a failed run left behind is not read', async () => {
    // What a run that rolled back after the other half committed leaves: a half with A in it, figures made up.
    await getDb().execute(sql`create unlogged table metrics_base_other_half as select ${ids.A}::uuid as customer_id, 99 as orders`);
    const run = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30', readAllOrders: true });
    expect(run?.stepsMs.aggregate).toEqual(expect.any(Number));
    expect(run).toMatchObject({ customersWithOrders: 5, customers: 9 });
    expect(await metricsOf(ids.A)).toMatchObject({ orders365d: 3, averageOrderValue: 1625 });
    const [{ left }] = await queryRows<{ left: boolean }>(getDb(), sql`select to_regclass('metrics_base_other_half') is not null as left`);
    expect(left).toBe(false);
  });

  it('counts an order refunded in full as an order bought for nothing: frequency 1, recency from its day, AOV 0', async () => {
    // As of the end of 2025-07-31, H's one order (07-10 noon, refunded) is 21.5 days old: the most recent of the six
    // customers with orders (D's last is 07-05, A's 06-29), so recency 5; one order, tied lowest with E, so frequency 1
    // (segment New); spend 0, the lowest, so monetary 1 and no 12-month spend rank.
    const run = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-07-31' });
    expect(run?.customersWithOrders).toBe(6);
    expect(await metricsOf(ids.H)).toMatchObject({
      daysSinceLastOrder: 21,
      daysSinceFirstOrder: 21,
      orders90d: 1,
      orders365d: 1,
      spend365d: 0,
      averageOrderValue: 0,
      averageItemsPerOrder: 1,
      recencyScore: 5,
      frequencyScore: 1,
      monetaryScore: 1,
      rfmSegment: 'New',
      spendPercentile365d: null,
    });
  });

  it('as of an earlier day ignores later orders, so recency is as it was then', async () => {
    await computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31' });
    // Only A's 2024-01-10 order, D's 2024-12-01 and E's 2024-06-01 existed by then.
    expect(await metricsOf(ids.A)).toMatchObject({ daysSinceLastOrder: 356, orders365d: 1, averageOrderValue: 1000, averageItemsPerOrder: 4, recencyScore: 1 });
    // Three customers with orders: ntile(5) hands out 1-3; the one-order ties share frequency 1.
    expect(await metricsOf(ids.D)).toMatchObject({ daysSinceLastOrder: 30, orders90d: 1, averageOrderValue: 10000, recencyScore: 3, frequencyScore: 1, rfmSegment: 'About to sleep' });
    expect(await metricsOf(ids.B)).toMatchObject({ daysSinceLastOrder: null, orders365d: 0, rfmSegment: null });
  });

  it('is for managers only, and anyone can read the figures', async () => {
    await expect(computeAllCustomerMetrics({ actor: staff })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMetricsSettings({ actor: staff, input: { asOf: null } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getMetricsStatus({ actor: staff })).lastRun?.requestedAsOf).toBe('2024-12-31');
  });

  it('gives recompute requests made at once one run (two managers, one instance or two), and a later request a new run', async () => {
    // The fingerprint both runs compare lags the orders written before this test; settled, a statistics flush between
    // the two runs (after the first one's commit) cannot make the second see a change that is not one.
    await ordersFingerprintSettled();
    // Both asked before either ran; a second run of its own would differ at least in its timings.
    const [first, second] = await Promise.all([computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31' }), computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31' })]);
    expect(second).toEqual(first);
    const later = await computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31' });
    expect(later?.startedAt).not.toBe(first?.startedAt);
    expect(later?.requestedAsOf).toBe('2024-12-31');
    // A request to read every order is not answered by a run made at once that carried the stored rows. On PostgreSQL
    // the two race for the run's lock, so the second is sent once the first holds it; PGlite runs them in turn.
    const carriedRun = computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31' });
    if (TEST_DB_KIND === 'postgres') await expect.poll(() => runLockHeld(), { timeout: 10_000, interval: 5 }).toBe(true);
    const [carried, readAll] = await Promise.all([carriedRun, computeAllCustomerMetrics({ actor: admin, asOf: '2024-12-31', readAllOrders: true })]);
    expect(carried?.stepsMs).toHaveProperty('carry');
    expect(readAll?.stepsMs).toHaveProperty('aggregate');
  });

  it('follows the as-of setting, and the background check runs again when orders change', async () => {
    // The orders written by the tests before this one reach the statistics counter behind the fingerprint up to a
    // few seconds later (more on a busy machine), after the last run stored it: let it settle and bring the metrics
    // up to date, so that only this test's changes make them stale.
    await ordersFingerprintSettled();
    await recomputeMetricsIfStale();
    await updateMetricsSettings({ actor: admin, input: { asOf: '2025-06-30' } });
    expect(await metricsStaleReason()).toBe('as-of setting changed');
    expect(await recomputeMetricsIfStale()).toEqual({ reason: 'as-of setting changed', ran: true });
    expect((await metricsOf(ids.A))?.rfmSegment).toBe('Champions');
    expect(await metricsStaleReason()).toBeNull();
    const order = await createOrder({ actor: staff, input: { customerId: ids.E, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: 100 }], placedAt: '2025-06-30T08:00:00.000Z' } });
    await completeOrder({ actor: staff, id: order.id });
    // The statistics counter that signals the change is flushed by the server within seconds; ask for it now.
    await getDb().execute(sql`select pg_stat_force_next_flush()`);
    await expect.poll(() => metricsStaleReason(), { timeout: 15_000, interval: 250 }).toBe('orders changed');
    await recomputeMetricsIfStale();
    expect(await metricsOf(ids.E)).toMatchObject({ daysSinceLastOrder: 0, recencyScore: 5 });
  });
});

describe(`the purchase model on demo data (${TEST_DB_KIND})`, () => {
  it('fits BG/NBD and Gamma-Gamma on the shop’s orders and predicts for every customer with orders', async () => {
    await getDb().execute(sql`delete from customer_metric_rows`);
    await seedDemoData({ customers: 400, seed: 3, now: new Date('2025-06-30T00:00:00Z') });
    const run = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30' });
    expect(run?.models.bgNbd).toMatchObject({ r: expect.any(Number), alpha: expect.any(Number), a: expect.any(Number), b: expect.any(Number) });
    expect(run?.models.gammaGamma?.q).toBeGreaterThan(1);
    // The models are fitted on a sample read before the aggregate (fewer customers than its size here: all of them).
    // Computed apart, by purchase day rather than by the window of the run, the fits land on the same parameters (to the
    // optimiser's tolerance: the summaries come in another order; a sample that leaves out a quarter of the customers is 5% off).
    const days = sql`select customer_id, (placed_at at time zone 'UTC')::date as day, sum(total - refunded_total)::float8 as spend
      from orders where status in ('completed', 'partially_refunded', 'refunded') and placed_at <= '2025-06-30T23:59:59.999Z' group by 1, 2`;
    const summaries = await queryRows<{ x: number; txDays: number; tDays: number; repeatMean: number | null }>(
      getDb(),
      sql`select count(*)::int - 1 as x, (max(day) - min(day))::int as "txDays", ('2025-06-30'::date - min(day))::int as "tDays",
            (sum(spend) - sum(spend) filter (where day = first_day)) / nullif(count(*) - 1, 0) as "repeatMean"
          from (select d.*, min(day) over (partition by customer_id) as first_day from (${days}) d) per_day group by customer_id order by customer_id`,
    );
    expect(summaries.length).toBe(run?.customersWithOrders);
    const purchases = fitBgNbd(summaries.map(({ x, txDays, tDays }) => ({ x, tx: txDays / 7, T: tDays / 7 })));
    const spend = fitGammaGamma(summaries.filter((row) => row.x > 0 && Number(row.repeatMean) > 0).map((row) => ({ x: row.x, mean: Number(row.repeatMean) })));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(run!.models.bgNbd![key] / purchases[key]).toBeCloseTo(1, 2);
    for (const key of ['p', 'q', 'gamma'] as const) expect(run!.models.gammaGamma![key] / spend[key]).toBeCloseTo(1, 2);
    // The view predicts with the models the run reports.
    const [basis] = await getDb().select().from(metricBasis);
    const { bgNbd, gammaGamma } = run!.models;
    expect(basis).toMatchObject({ r: bgNbd!.r, alpha: bgNbd!.alpha, a: bgNbd!.a, b: bgNbd!.b, p: gammaGamma!.p, q: gammaGamma!.q, gamma: gammaGamma!.gamma });
    const rows = await getDb().select().from(customerMetrics).where(sql`${customerMetrics.daysSinceLastOrder} is not null`);
    expect(rows.length).toBe(run?.customersWithOrders);
    for (const row of rows) {
      expect(row.pAlive).toBeGreaterThan(0);
      expect(row.pAlive).toBeLessThanOrEqual(1);
      expect(row.expectedOrders12m).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(row.predictedValue12m)).toBe(true);
    }
    // The predicted value is expected orders times an order value near the customer's own average (Gamma-Gamma
    // shrinks it towards the shop's): for the most frequent buyer, within a factor of two of their average order.
    const [top] = await getDb().select().from(customerMetrics).orderBy(sql`${customerMetrics.orders365d} desc`).limit(1);
    const valuePerOrder = (top.predictedValue12m ?? 0) / (top.expectedOrders12m ?? 1);
    expect(valuePerOrder).toBeGreaterThan(top.averageOrderValue / 2);
    expect(valuePerOrder).toBeLessThan(top.averageOrderValue * 2);
    // Customers who bought recently are, on average, judged more likely to be still active than those who did not.
    const [{ recent, lapsed }] = await queryRows<{ recent: number; lapsed: number }>(
      getDb(),
      sql`select avg(p_alive) filter (where recency_score = 5) as recent, avg(p_alive) filter (where recency_score = 1) as lapsed
          from customer_metrics where p_alive < 1`,
    );
    expect(Number(recent)).toBeGreaterThan(Number(lapsed));

    // Customers new since that run (fewer than a tenth of all) get an empty row first, then their figures.
    const newBuyer = await buyer('Newcomer', [['2025-06-20', 2, 1200], ['2025-06-28', 1, 600]]);
    const newcomerWithout = await buyer('Bystander', []);
    const again = await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30' });
    const [{ customers }] = await queryRows<{ customers: number }>(getDb(), sql`select count(*)::int as customers from customers`);
    expect(again).toMatchObject({ customers, customersWithOrders: run!.customersWithOrders + 1 });
    expect(await metricsOf(newBuyer.id)).toMatchObject({ asOf: '2025-06-30T23:59:59.999Z', orders90d: 2, averageOrderValue: 1500, daysSinceLastOrder: 2, rfmSegment: expect.any(String) });
    expect(await metricsOf(newcomerWithout.id)).toMatchObject({ asOf: '2025-06-30T23:59:59.999Z', orders365d: 0, averageOrderValue: 0, daysSinceLastOrder: null, rfmSegment: null });
  });

  it('on a later day carries the stored rows of customers whose orders did not move, and gives what reading every order gives', async () => {
    // Everyone's figures, as the view gives them, and when each row was written.
    const everyone = () =>
      queryRows<Record<string, unknown>>(
        getDb(),
        sql`select v.*, m.computed_at::text as written from customer_metrics v join customer_metric_rows m using (customer_id) order by customer_id`,
      );
    await computeAllCustomerMetrics({ actor: admin, asOf: '2025-06-30' });
    const buyers = await queryRows<{ id: string }>(getDb(), sql`select customer_id as id from customer_metrics where order_count between 1 and 3 order by customer_id limit 2`);
    // Changes since that run: an order on the next day, a refund, a cancellation, and a new customer's order.
    const next = await createOrder({ actor: staff, input: { customerId: buyers[0].id, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: 90_000 }], placedAt: '2025-07-01T08:00:00.000Z' } });
    await completeOrder({ actor: staff, id: next.id });
    // Picked among completed orders: a customer of the seed may have none left to refund.
    const [refunded] = await queryRows<{ id: string }>(
      getDb(),
      sql`select o.id from orders o join customer_metric_rows m using (customer_id)
          where o.status = 'completed' and m.order_count between 1 and 3 and o.customer_id not in (${buyers[0].id}, ${buyers[1].id})
          order by o.id limit 1`,
    );
    await refundOrder({ actor: admin, id: refunded.id, input: { amount: 100 } });
    // A customer's only counted order cancelled: their row is emptied.
    const [onlyOrder] = await queryRows<{ customerId: string }>(
      getDb(),
      sql`update orders set status = 'cancelled' where id = (
            select o.id from orders o join customer_metric_rows m using (customer_id)
            where m.order_count = 1 and o.status = 'completed' and o.placed_at < '2025-06-01' order by o.id limit 1)
          returning customer_id as "customerId"`,
    );
    await buyer('Latecomer', [['2025-06-30', 1, 4000]]);
    for (const asOf of ['2025-07-01', '2025-07-09', '2025-07-16']) {
      // And an order on each day, so that a carried run carries rows another carried run wrote.
      const ordered = await createOrder({ actor: staff, input: { customerId: buyers[1].id, items: [{ sku: 'S', name: 'Scarf', quantity: 2, unitPrice: 1_500 }], placedAt: `${asOf}T09:00:00.000Z` } });
      await completeOrder({ actor: staff, id: ordered.id });
      const carried = await computeAllCustomerMetrics({ actor: admin, asOf });
      expect(carried?.stepsMs).toHaveProperty('carry');
      const rows = await everyone();
      const full = await computeAllCustomerMetrics({ actor: admin, asOf, readAllOrders: true });
      expect(full?.stepsMs).toHaveProperty('aggregate');
      // Reading every order finds every row as the carried run left it: not one row written again.
      expect(await everyone()).toEqual(rows);
      expect(full?.segments).toEqual(carried?.segments);
      expect(full?.customersWithOrders).toBe(carried?.customersWithOrders);
    }
    expect(await metricsOf(onlyOrder.customerId)).toMatchObject({ averageOrderValue: 0, daysSinceLastOrder: null, rfmSegment: null });
    // An earlier day than the last run reads every order.
    expect((await computeAllCustomerMetrics({ actor: admin, asOf: '2025-07-09' }))?.stepsMs).toHaveProperty('aggregate');
    // So does a run after which more than a quarter of the customers with orders placed one: here the last run's
    // moment is set a year and a half back.
    const lastRunSet = (change: SQL) => getDb().execute(sql`update shop_settings set value = ${change} where key = 'metrics.lastRun'`);
    await lastRunSet(sql`jsonb_set(value, '{asOf}', '"2024-01-01T23:59:59.999Z"')`);
    expect((await computeAllCustomerMetrics({ actor: admin, asOf: '2025-12-31' }))?.stepsMs).toHaveProperty('aggregate');
    // And so does a run after one stored by code that did not vouch for its rows, a run when no run has read every
    // order for a week, and a run after a row with orders went missing.
    const stepsOf = async (asOf: string) => Object.keys((await computeAllCustomerMetrics({ actor: admin, asOf }))?.stepsMs ?? {});
    await lastRunSet(sql`value - 'rowsVersion'`);
    expect(await stepsOf('2026-01-02')).toContain('aggregate');
    expect(await stepsOf('2026-01-03')).toContain('carry');
    await lastRunSet(sql`jsonb_set(value, '{allOrdersReadAt}', to_jsonb((now() - interval '8 days')::text))`);
    expect(await stepsOf('2026-01-04')).toContain('aggregate');
    expect(await stepsOf('2026-01-05')).toContain('carry');
    await getDb().execute(sql`delete from customer_metric_rows where customer_id = (select customer_id from customer_metric_rows where order_count > 0 limit 1)`);
    expect(await stepsOf('2026-01-06')).toContain('aggregate');
  });
});
