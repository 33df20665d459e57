import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import type { Actor } from '@/lib/types';
import { seedDemoData } from '@/seed/demo';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, deleteCustomer } from '../customers';
import { computeAllCustomerMetrics } from '../metrics';
import { applyOrderChanges } from '../metrics/incremental';
import { createOrder } from '../orders';
import { AT_RISK_P_ALIVE, AT_RISK_SEGMENTS, HIGH_MONETARY_SCORE, getOverview } from '../overview';

withTestDatabase();

// The RFM rollups (rollup_metric_segments, rollup_metric_moments: kept by triggers on customer_metric_rows, and
// counted again by each full run) against a full count of the view customer_metrics, after every kind of write the
// metrics rows take.

type Counts = { rfmSegment: string | null; isAtRisk: boolean; customers: number }[];
type Moments = { kind: string; moment: string; customers: number }[];

const atRisk = sql`(rfm_segment in (${sql.join(AT_RISK_SEGMENTS.map((segment) => sql`${segment}`), sql`, `)})
  or (p_alive <= ${AT_RISK_P_ALIVE} and monetary_score >= ${HIGH_MONETARY_SCORE})) is true`;

async function fullCounts() {
  const db = getDb();
  return {
    segments: await queryRows<Counts[number]>(db, sql`
      select rfm_segment as "rfmSegment", ${atRisk} as "isAtRisk", count(*)::int as customers
      from customer_metrics group by 1, 2 order by 1 nulls first, 2`),
    moments: await queryRows<Moments[number]>(db, sql`
      select 'computed_at' as kind, computed_at::text as moment, count(*)::int as customers
      from customer_metrics group by 2 order by 2`),
  };
}

async function rollupCounts() {
  const db = getDb();
  return {
    segments: await queryRows<Counts[number]>(db, sql`
      select rfm_segment as "rfmSegment", is_at_risk as "isAtRisk", customers from rollup_metric_segments order by 1 nulls first, 2`),
    moments: await queryRows<Moments[number]>(db, sql`select kind, moment::text, customers from rollup_metric_moments order by 1, 2`),
  };
}

/** The rollups equal the full count, and the overview shows what a scan of customer_metrics shows. */
async function expectExact() {
  const full = await fullCounts();
  expect(await rollupCounts()).toEqual(full);
  const { metrics } = await getOverview();
  const [scan] = await queryRows<{ atRisk: number; asOf: string; computedAt: string }>(getDb(), sql`
    select (count(*) filter (where ${atRisk}))::int as "atRisk", max(as_of) as "asOf", max(computed_at) as "computedAt" from customer_metrics`);
  expect(metrics?.atRiskCount).toBe(scan.atRisk);
  expect(metrics?.asOf).toEqual(new Date(scan.asOf));
  expect(metrics?.computedAt).toEqual(new Date(scan.computedAt));
  const bySegment = new Map<string, number>();
  for (const row of full.segments) if (row.rfmSegment) bySegment.set(row.rfmSegment, (bySegment.get(row.rfmSegment) ?? 0) + row.customers);
  expect(new Map(metrics?.segments.map((row) => [row.segment, row.count]))).toEqual(bySegment);
  return full;
}

describe(`the RFM rollups (${TEST_DB_KIND})`, () => {
  let admin: Actor;
  let withoutOrders: string;

  beforeAll(async () => {
    admin = await createStaffActor('admin', 'Ann Admin');
    await seedDemoData({ customers: 600, seed: 5 });
    withoutOrders = (await createCustomer({ actor: admin, input: { firstName: 'No', lastName: 'Orders', email: 'no-orders@segments.test' } })).id;
  });

  it('equal the full count after a recompute, an incremental update and a customer deletion', async () => {
    expect(await rollupCounts()).toEqual({ segments: [], moments: [] });
    await computeAllCustomerMetrics({ actor: admin });
    const afterRecompute = await expectExact();
    expect(afterRecompute.segments.some((row) => row.isAtRisk)).toBe(true);
    expect(afterRecompute.segments.some((row) => row.rfmSegment === null)).toBe(true);

    // An order for a customer without any: they leave the null segment, and the incremental run leaves a second
    // computed_at behind.
    await createOrder({ actor: admin, input: { customerId: withoutOrders, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: 90_000 }] } });
    const [{ id: buyer }] = await queryRows<{ id: string }>(getDb(), sql`select customer_id as id from customer_metrics where rfm_segment is null limit 1`);
    await createOrder({ actor: admin, input: { customerId: buyer, items: [{ sku: 'S', name: 'Scarf', quantity: 2, unitPrice: 4_000 }] } });
    expect(await applyOrderChanges()).toMatchObject({ applied: true });
    await expectExact();

    // Another day with the same models: rows whose figures stay are not written, but who is at risk moves with P(alive).
    const aMonthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await computeAllCustomerMetrics({ actor: admin, asOf: aMonthAgo, models: 'keep' });
    await expectExact();
    await computeAllCustomerMetrics({ actor: admin, models: 'keep' });
    await expectExact();

    // A customer without orders (after the recompute that gave them a row): the metrics row goes by the cascade.
    const gone = (await createCustomer({ actor: admin, input: { firstName: 'Gone', lastName: 'Soon', email: 'gone@segments.test' } })).id;
    await computeAllCustomerMetrics({ actor: admin, models: 'keep' });
    const before = await expectExact();
    await deleteCustomer({ actor: admin, id: gone });
    const after = await expectExact();
    const withoutSegment = (counts: typeof before) => counts.segments.find((row) => row.rfmSegment === null)?.customers;
    expect(withoutSegment(after)).toBe((withoutSegment(before) ?? 0) - 1);

    // The at-risk customers' rows deleted: the at-risk count falls to zero and the segments drain.
    await getDb().execute(sql`delete from customer_metric_rows where customer_id in (select customer_id from customer_metrics where ${atRisk})`);
    await expectExact();
    expect((await getOverview()).metrics?.atRiskCount).toBe(0);
  });

  it('stay unchanged when a write of the metrics rows rolls back, and empty when the table is truncated', async () => {
    const before = await rollupCounts();
    expect(before.segments.length).toBeGreaterThan(0);
    await expect(
      getDb().transaction(async (tx) => {
        await tx.execute(sql`update customer_metric_rows set rfm_segment = 'At risk', computed_at = now()`);
        await tx.execute(sql`delete from customer_metric_rows where customer_id in (select customer_id from customer_metric_rows limit 10)`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rollupCounts()).toEqual(before);
    await expectExact();

    await getDb().execute(sql`truncate customer_metric_rows`);
    expect(await rollupCounts()).toEqual({ segments: [], moments: [] });
    expect((await getOverview()).metrics).toBeNull();
  });
});
