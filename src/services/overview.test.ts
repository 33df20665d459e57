import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerMetricRows } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { putMetricBasis } from '@/test/metric-basis';

import { findCustomerGroupByName } from './customer-groups';
import { createCustomer } from './customers';
import { cancelOrder, completeOrder, createOrder, refundOrder } from './orders';
import { probabilityAlive } from './metrics/bg-nbd';
import { updateMetricsSettings } from './metrics/settings';
import { AT_RISK_P_ALIVE, getOverview, sameSpanLastMonth } from './overview';
import { eraseCustomer } from './privacy';

withTestDatabase();

// The overview is read as of mid-June 2026: the 12-month window starts on 1 July 2025.
const NOW = new Date('2026-06-15T12:00:00Z');
const BG_NBD = { r: 1, alpha: 7, a: 0.5, b: 1 };

let staff: Actor;
const ids: Record<'amy' | 'ben' | 'cat' | 'dan' | 'eve', string> = { amy: '', ben: '', cat: '', dan: '', eve: '' };

async function customer(firstName: string, createdAt: string, group?: string) {
  const customerGroupId = group ? (await findCustomerGroupByName(group))?.id : undefined;
  const created = await createCustomer({ actor: staff, input: { firstName, lastName: 'Test', email: `${firstName.toLowerCase()}@overview.test`, customerGroupId } });
  await getDb().execute(sql`update customers set created_at = ${createdAt}::timestamptz where id = ${created.id}`);
  return created.id;
}

/** A completed order of `amount` minor units placed at `placedAt`. */
async function completed(customerId: string, amount: number, placedAt: string) {
  const order = await createOrder({ actor: staff, input: { customerId, items: [{ sku: 'SKU', name: 'Thing', quantity: 1, unitPrice: amount }], placedAt } });
  await completeOrder({ actor: staff, id: order.id });
  return order.id;
}

describe(`getOverview (${TEST_DB_KIND})`, () => {
  beforeAll(async () => {
    staff = await createStaffActor('admin');
  });

  it('gives an empty shop zeros, twelve empty months and no metrics', async () => {
    const overview = await getOverview({ now: NOW });
    expect(overview).toMatchObject({ customers: 0, buyers: 0, repeatBuyers: 0, newThisMonth: 0, newLastMonthToDate: 0, revenue12m: 0, orders12m: 0, revenueByGroup: [], topCustomers: [], metrics: null });
    expect(overview.newPerMonth.map((m) => m.month)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(overview.newPerMonth.every((m) => m.count === 0)).toBe(true);
  });

  it('counts sign-ups per month, net revenue in the window, repeat buyers, spend per group and the top spenders', async () => {
    // Amy (Retail) joined this month and ordered twice in the window: 100.00 + 50.00.
    ids.amy = await customer('Amy', '2026-06-02T09:00:00Z', 'Retail');
    await completed(ids.amy, 10_000, '2026-06-03T10:00:00Z');
    await completed(ids.amy, 5_000, '2026-05-10T10:00:00Z');
    // Ben (VIP) joined last month: 200.00 before the window, 300.00 in it with 50.00 refunded.
    ids.ben = await customer('Ben', '2026-05-20T09:00:00Z', 'VIP');
    await completed(ids.ben, 20_000, '2025-03-01T10:00:00Z');
    const partly = await completed(ids.ben, 30_000, '2026-01-10T10:00:00Z');
    await refundOrder({ actor: staff, id: partly, input: { amount: 5_000, reason: 'Damaged' } });
    // Cat (no group) joined last month; she bought in February and was refunded in full: one order, for nothing. A
    // pending and a cancelled order count for nothing at all.
    ids.cat = await customer('Cat', '2026-05-01T00:00:00Z');
    const refunded = await completed(ids.cat, 8_000, '2026-02-01T10:00:00Z');
    await refundOrder({ actor: staff, id: refunded, input: { reason: 'Returned' } });
    await createOrder({ actor: staff, input: { customerId: ids.cat, items: [{ sku: 'P', name: 'Pending', quantity: 1, unitPrice: 9_999 }], placedAt: '2026-06-01T10:00:00Z' } });
    const cancelled = await createOrder({ actor: staff, input: { customerId: ids.cat, items: [{ sku: 'C', name: 'Cancelled', quantity: 1, unitPrice: 4_000 }], placedAt: '2026-06-01T11:00:00Z' } });
    await cancelOrder({ actor: staff, id: cancelled.id });
    // Dan (Wholesaler) joined long ago; his one order is a minute before the window opens.
    ids.dan = await customer('Dan', '2024-01-01T00:00:00Z', 'Wholesaler');
    await completed(ids.dan, 7_000, '2025-06-30T23:59:00Z');
    // Eve (Retail) joined on the window's first instant and never ordered.
    ids.eve = await customer('Eve', '2025-07-01T00:00:00Z', 'Retail');

    const overview = await getOverview({ now: NOW });
    // A customer is new when first seen: Amy was added in June but first ordered in May, and Ben's first order was
    // in March 2025, before the window. Cat's refunded order still counts, so she is new when she bought (February).
    // Four buyers (Cat's refunded order among them); revenue 150.00 + 250.00 + 0 over Amy's 2, Ben's 1 and Cat's 1.
    expect(overview).toMatchObject({ customers: 5, buyers: 4, repeatBuyers: 2, newThisMonth: 0, newLastMonthToDate: 1, revenue12m: 40_000, orders12m: 4 });
    expect(overview.asOfSetting).toBeNull();
    expect(overview.windowStart.toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(Object.fromEntries(overview.newPerMonth.filter((m) => m.count > 0).map((m) => [m.month, m.count]))).toEqual({ '2025-07': 1, '2026-02': 1, '2026-05': 1 });
    expect(overview.revenueByGroup.map(({ name, revenue, customers }) => [name, revenue, customers])).toEqual([
      ['VIP', 45_000, 1],
      ['Retail', 15_000, 2],
      ['Wholesaler', 7_000, 1],
      ['No group', 0, 1],
    ]);
    expect(overview.topCustomers.map(({ name, totalSpend, orderCount, groupName }) => [name, totalSpend, orderCount, groupName])).toEqual([
      ['Ben Test', 45_000, 2, 'VIP'],
      ['Amy Test', 15_000, 2, 'Retail'],
      ['Dan Test', 7_000, 1, 'Wholesaler'],
    ]);
    expect(overview.metrics).toBeNull();
  });

  it('compares new customers this month so far with the same days of last month, not with all of it', async () => {
    // 5 December: Fay joined on the 3rd; Gus on 2 November (inside 1–5 Nov) and Hal on 20 November (after it).
    const fay = await customer('Fay', '2026-12-03T09:00:00Z');
    const gus = await customer('Gus', '2026-11-02T09:00:00Z');
    const hal = await customer('Hal', '2026-11-20T09:00:00Z');
    try {
      const overview = await getOverview({ now: new Date('2026-12-05T10:00:00Z') });
      expect(overview).toMatchObject({ newThisMonth: 1, newLastMonthToDate: 1 });
      expect(overview.newPerMonth.at(-2)).toEqual({ month: '2026-11', count: 2 });
      expect(overview.lastMonthSpan).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-05T10:00:00Z') });
    } finally {
      await getDb().execute(sql`delete from customers where id in (${fay}, ${gus}, ${hal})`);
    }
  });

  it.each([
    ['2026-03-31T12:00:00Z', '2026-02-01T00:00:00.000Z', '2026-02-28T23:59:59.999Z'],
    ['2026-03-01T08:00:00Z', '2026-02-01T00:00:00.000Z', '2026-02-01T08:00:00.000Z'],
    ['2026-01-15T00:00:00Z', '2025-12-01T00:00:00.000Z', '2025-12-15T00:00:00.000Z'],
  ])('on %s compares with %s to %s (a shorter month is clamped to its end)', (now, from, to) => {
    const span = sameSpanLastMonth(new Date(now));
    expect([span.from.toISOString(), span.to.toISOString()]).toEqual([from, to]);
  });

  it("reads the 12-month figures as of the shop's metrics date when one is set", async () => {
    await updateMetricsSettings({ actor: staff, input: { asOf: '2026-01-31' } });
    try {
      const overview = await getOverview();
      expect(overview.asOfSetting).toBe('2026-01-31');
      expect(overview.now.toISOString()).toBe('2026-01-31T23:59:59.999Z');
      expect(overview.windowStart.toISOString()).toBe('2025-02-01T00:00:00.000Z');
      // Ben's 200.00 (March 2025) and 300.00 less 50.00 (January 2026), Dan's 70.00 (June 2025); nothing after January.
      // New: Ben (first ordered March 2025) and Eve (added July 2025); Dan was added in 2024.
      expect(overview).toMatchObject({ revenue12m: 52_000, orders12m: 3, newThisMonth: 0, newLastMonthToDate: 0 });
      expect(Object.fromEntries(overview.newPerMonth.filter((m) => m.count > 0).map((m) => [m.month, m.count]))).toEqual({ '2025-03': 1, '2025-07': 1 });
      // An explicit moment wins over the setting.
      expect((await getOverview({ now: NOW })).revenue12m).toBe(40_000);
    } finally {
      await updateMetricsSettings({ actor: staff, input: { asOf: null } });
    }
  });

  it('sizes the RFM segments and lists high-value customers who are slipping away, most valuable first', async () => {
    const asOf = new Date('2026-06-15T00:00:00Z');
    const computedAt = new Date('2026-06-15T03:00:00Z');
    // P(alive) is computed when read, from each row's purchase days and the run's model: one repeat purchase day,
    // the first order ten weeks before the as-of day, and the last one `repeatSpanDays` after the first.
    await putMetricBasis(getDb(), { asOf, bgNbd: BG_NBD });
    const row = (customerId: string, rfmSegment: string | null, repeatSpanDays: number | null, monetaryScore: number | null) => ({
      customerId,
      computedAt,
      rfmSegment,
      monetaryScore,
      ...(repeatSpanDays === null ? {} : { firstOrderOn: '2026-04-06', repeatDays: 1, repeatSpanDays }),
    });
    await getDb()
      .insert(customerMetricRows)
      .values([
        // Bought again at the end of the ten weeks: P(alive) 2/3.
        row(ids.amy, 'Champions', 70, 5),
        // In a segment that means "at risk", whatever the model says.
        row(ids.ben, "Can't lose them", 49, 5),
        // High value, probably gone (the repeat day was the first day): at risk by pAlive.
        row(ids.dan, 'Hibernating', 0, 4),
        // Customers without orders have no segment.
        row(ids.cat, null, null, null),
        row(ids.eve, null, null, null),
      ]);

    const { metrics } = await getOverview({ now: NOW });
    expect(metrics?.asOf.toISOString()).toBe(asOf.toISOString());
    expect(metrics?.computedAt.toISOString()).toBe(computedAt.toISOString());
    expect(metrics?.segments).toEqual([
      { segment: "Can't lose them", count: 1 },
      { segment: 'Champions', count: 1 },
      { segment: 'Hibernating', count: 1 },
    ]);
    expect(metrics?.atRiskCount).toBe(2);
    expect(metrics?.atRisk.map(({ name, totalSpend, rfmSegment, pAlive }) => [name, totalSpend, rfmSegment, pAlive])).toEqual([
      ['Ben Test', 45_000, "Can't lose them", expect.closeTo(probabilityAlive(BG_NBD, 1, 7, 10), 12)],
      ['Dan Test', 7_000, 'Hibernating', expect.closeTo(probabilityAlive(BG_NBD, 1, 0, 10), 12)],
    ]);
    expect(probabilityAlive(BG_NBD, 1, 10, 10)).toBeGreaterThan(AT_RISK_P_ALIVE);
    expect(probabilityAlive(BG_NBD, 1, 0, 10)).toBeLessThan(AT_RISK_P_ALIVE);
  });

  it('does not count a low-value customer with a low pAlive as at risk', async () => {
    await getDb().execute(sql`update customer_metric_rows set repeat_span_days = 0, monetary_score = 2 where customer_id = ${ids.amy}`);
    const { metrics } = await getOverview({ now: NOW });
    expect(metrics?.atRiskCount).toBe(2);
    expect(metrics?.atRisk.map((c) => c.name)).toEqual(['Ben Test', 'Dan Test']);
  });

  it('leaves an erased customer out of the counts but keeps their money in the spend', async () => {
    const before = await getOverview({ now: NOW });
    await eraseCustomer({ actor: staff, customerId: ids.dan, input: { confirm: 'ERASE' } });
    const after = await getOverview({ now: NOW });
    expect(after).toMatchObject({ customers: before.customers - 1, buyers: before.buyers - 1, revenue12m: before.revenue12m });
    expect(after.revenueByGroup.find((group) => group.name === 'Wholesaler')).toMatchObject({ revenue: 7_000, customers: 0 });
  });
});
