import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import { getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import type { MetricsRun } from '@/lib/validation/metrics';

import { resyncSegmentKeys } from '../customers/segment-keys';

import { moveSpendRanks, tabulateExpectations } from './basis';
import { asBgNbd, buildBase, METRICS_LOCK_KEY } from './compute';
import { ordersFingerprint } from './fingerprint';
import { assignedFrom, METRIC_COLUMNS, metricRows, rescoreRows, STORED_KEYS } from './metric-rows';
import { changeBounds, type ScoreKeys } from './score-changes';
import { readLastRun, readMetricsSettings, writeLastRun, type StoredMetricsRun } from './settings';
import { SCORE_DIMENSIONS, scoreBounds, type ScoreBounds } from './scores';
import { segmentSizes } from './segment-counts';

// The incremental path: between full recomputes, apply the customers whose orders changed (metric_changes) to their
// own rows, and move the figures that rank them against everyone else by exactly what their change moves.
//
// It gives what a full recompute would give for the same orders, as of the same moment, with the purchase models of
// the last full run held fixed (computeAllCustomerMetrics with models: 'keep'; incremental.test.ts compares the two).
// A full recompute is still needed, and is what this returns instead of applying anything (the automatic job then
// runs it, fitting the models again only when a refit is due: once a day), when:
//   - there is no full run to start from, or it was as of another day than today (as of a chosen day, or yesterday:
//     everyone's days since their last order move at midnight, and the models are refitted once a day);
//   - a changed customer was deleted (a merge): their old figures are gone with their row;
//   - more than MAX_CUSTOMERS customers changed (an import): ranking everyone again is then as cheap.
// When a recency, frequency or monetary score boundary moved, so that someone else's score changes (score-changes.ts
// decides it from the buckets), everyone is scored again from the keys stored on their rows, without reading the
// orders, and only the rows whose scores moved are written (rescore). The 12-month spend rank of everyone else, and
// their predictions, are computed when read (the view customer_metrics): only the ranks of the amounts move here.

/** More changed customers than this are taken in by a full recompute. */
export const MAX_CUSTOMERS = 1_000;

/**
 * `refitDue` when the full recompute should also fit the purchase models again (a new day, or no run to start from);
 * otherwise it keeps the models, as this path does, and writes only the rows whose figures moved.
 */
export type IncrementalResult =
  | { applied: true; customers: number; rescored: boolean; ms: number }
  | { applied: false; fullNeeded: string; refitDue: boolean }
  | null;

class FullNeeded extends Error {
  constructor(
    message: string,
    readonly refitDue = false,
  ) {
    super(message);
  }
}

interface OldRow {
  customerId: string;
  daysSinceLastOrder: number | null;
  orderCount: number;
  totalSpend: string;
  spend365d: string;
  rfmSegment: string | null;
}

interface NewRow {
  customerId: string;
  recency: string;
  frequency: string;
  monetary: string;
  spend365d: string;
}

/**
 * Applies the recorded order changes to their customers' metrics, when that gives exactly what a full recompute with
 * the same models would. Returns null when another metrics run holds the lock, `fullNeeded` (with why) when only a
 * full recompute will do (nothing is applied then, and the changes stay recorded), else what it did.
 */
export async function applyOrderChanges(): Promise<IncrementalResult> {
  const started = performance.now();
  try {
    const result = await getDb().transaction(async (tx): Promise<(IncrementalResult & { ids?: string[] }) | null> => {
      const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${METRICS_LOCK_KEY}) as locked`);
      if (!locked) return null;
      const last = await readLastRun(tx);
      const today = new Date().toISOString().slice(0, 10);
      if (!last?.bounds) throw new FullNeeded('no full run to start from', true);
      if ((await readMetricsSettings(tx)).asOf !== null || last.requestedAsOf !== null) throw new FullNeeded('metrics are as of a chosen day', true);
      if (last.asOf.slice(0, 10) !== today) throw new FullNeeded('a new day', true);
      const fingerprint = await ordersFingerprint(tx);
      // Taken before the orders are read: a change committed from here on stays recorded for the next run.
      const changed = await queryRows<{ customerId: string }>(tx, sql`delete from metric_changes returning customer_id as "customerId"`);
      const ids = [...new Set(changed.map((row) => row.customerId))];
      if (ids.length > MAX_CUSTOMERS) throw new FullNeeded(`${ids.length} customers changed`);
      const { rescored = false, ...applied } = ids.length ? await applyTo(tx, last, ids) : {};
      await writeLastRun(tx, { ...last, ...applied, fingerprint }, SYSTEM_ACTOR);
      return { applied: true, customers: ids.length, rescored, ms: Math.round(performance.now() - started), ids };
    });
    if (!result?.applied) return result;
    const { ids = [], ...applied } = result;
    if (ids.length) await resyncSegmentKeys({ customerIds: ids });
    return applied;
  } catch (error) {
    if (error instanceof FullNeeded) return { applied: false, fullNeeded: error.message, refitDue: error.refitDue };
    throw error;
  }
}

const SYSTEM_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'metrics job' };

/** Applies the change of the customers `ids`; returns the stored run's figures that it moved. Throws FullNeeded. */
async function applyTo(tx: Tx, last: StoredMetricsRun, ids: string[]): Promise<Partial<StoredMetricsRun> & { rescored: boolean }> {
  const asOf = new Date(last.asOf);
  const idArray = arrayParam(ids, 'uuid');
  const existing = await queryRows<{ id: string }>(tx, sql`select id from customers where id = any(${idArray})`);
  if (existing.length < ids.length) throw new FullNeeded('a changed customer was deleted');
  const old = await queryRows<OldRow>(
    tx,
    sql`select customer_id as "customerId", days_since_last_order as "daysSinceLastOrder", order_count as "orderCount",
          total_spend::text as "totalSpend", spend_365d::text as "spend365d", rfm_segment as "rfmSegment"
        from customer_metrics where customer_id = any(${idArray})`,
  );
  await tx.execute(sql`set local work_mem = '64MB'`);
  await buildBase(tx, asOf, ids);
  const fresh = await queryRows<NewRow>(
    tx,
    sql`select customer_id as "customerId", (-days_since_last)::text as recency, orders::text as frequency, spend::text as monetary,
          spend_365d::text as "spend365d" from metrics_base order by customer_id`,
  );
  const before: ScoreKeys[] = old
    .filter((row) => row.daysSinceLastOrder !== null)
    .map((row) => ({ recency: -(row.daysSinceLastOrder ?? 0), frequency: row.orderCount, monetary: Number(row.totalSpend) }));
  const after: ScoreKeys[] = fresh.map((row) => ({ recency: Number(row.recency), frequency: Number(row.frequency), monetary: Number(row.monetary) }));
  const change = changeBounds(last.bounds!, before, after);
  const customersWithOrders = last.bounds!.customers - before.length + after.length;
  // When a boundary moved, the changed customers' rows are written with the old buckets and then everyone is scored
  // again from the keys stored on their rows (rescore).
  const bounds = change.moved ? last.bounds! : change.bounds;

  const bgNbd = asBgNbd(last.models.bgNbd);
  if (bgNbd) await tabulateExpectations(tx, bgNbd);
  // The 12-month spend rank of everyone who spent moves with the changed customers' amounts; it is computed when read
  // from the ranks, which move here by what the change moved.
  const spendsOf = (rows: { spend365d: string }[]) => rows.map((row) => Number(row.spend365d)).filter((spend) => spend > 0);
  await moveSpendRanks(tx, spendsOf(old), spendsOf(fresh));
  await tx.execute(sql`
    insert into customer_metric_rows (${METRIC_COLUMNS})
    ${metricRows({ bounds, customersWhere: sql`c.id = any(${idArray})` })}
    on conflict (customer_id) do update set ${assignedFrom('excluded')}`);

  if (change.moved) {
    const rescored = await rescore(tx, customersWithOrders);
    return { segments: await segmentSizes(tx), customersWithOrders, bounds: rescored, rescored: true };
  }
  const now = await queryRows<{ segment: string | null }>(tx, sql`select rfm_segment as segment from customer_metrics where customer_id = any(${idArray})`);
  const segments: MetricsRun['segments'] = { ...last.segments };
  for (const { rfmSegment } of old) if (rfmSegment) segments[rfmSegment] = (segments[rfmSegment] ?? 0) - 1;
  for (const { segment } of now) if (segment) segments[segment] = (segments[segment] ?? 0) + 1;
  const sorted = Object.entries(segments).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  return { segments: Object.fromEntries(sorted), customersWithOrders, bounds: change.bounds, rescored: false };
}

/**
 * Scores everyone again from the keys on their rows (the buckets from one count per distinct value, as a full run
 * computes them from the orders) and updates the rows whose scores or segment moved; returns the buckets.
 */
async function rescore(tx: Tx, customersWithOrders: number): Promise<ScoreBounds> {
  const bounds = await scoreBounds(tx, STORED_KEYS, customersWithOrders);
  const counted = SCORE_DIMENSIONS.map((dimension) => bounds.buckets[dimension].reduce((sum, bucket) => sum + bucket.count, 0));
  if (counted.some((count) => count !== customersWithOrders)) throw new FullNeeded('the stored figures disagree with the last run');
  await rescoreRows(tx, bounds);
  return bounds;
}
