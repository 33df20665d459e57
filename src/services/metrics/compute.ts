import { sql } from 'drizzle-orm';

import { getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import { endOfDayUtc, metricsRecomputeSchema, type MetricsRun } from '@/lib/validation/metrics';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';
import { assertCan } from '@/services/permissions';
import { parseInput } from '@/services/validate';

import { expectedPurchasesIfAlive, fitBgNbd, type BgNbdParams } from './bg-nbd';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma';
import { ordersFingerprint } from './fingerprint';
import { readLastRun, readMetricsSettings, writeLastRun } from './settings';
import { expectedValueSql, pAliveSql, quintileOfRank, segmentCase } from './sql-parts';

// One metrics run at a time, shop-wide (pg advisory lock key; any constant unlikely to clash).
export const METRICS_LOCK_KEY = 6_240_517;
// Customers the models are fitted on, chosen by id (random UUIDs, so a fair and repeatable sample).
export const FIT_SAMPLE_SIZE = 20_000;
// Gamma-Gamma has one row per repeat customer (no grouping), and its likelihood is costlier per row.
const SPEND_FIT_SAMPLE_SIZE = 5_000;
// Fewer customers than this give parameters too uncertain to show; predictions are then left empty.
const MIN_FIT_CUSTOMERS = 20;
const HORIZON_WEEKS = 365 / 7;

export interface ComputeMetricsOptions {
  actor: Actor;
  /** YYYY-MM-DD: as of the end of that day (UTC), this run only. Default: the shop setting, else now. */
  asOf?: string;
  trigger?: MetricsRun['trigger'];
  /** Background runs skip (return null) rather than wait when a run is already going. */
  skipIfRunning?: boolean;
}

/**
 * Recomputes every customer's engagement metrics and the purchase models as of one moment, in one transaction of
 * set-based statements. Needs 'metrics:compute'. Returns the run's summary, or null when `skipIfRunning` and
 * another run holds the lock. Throws ForbiddenError, ValidationFailedError.
 */
export async function computeAllCustomerMetrics(options: ComputeMetricsOptions): Promise<MetricsRun | null> {
  assertCan(options.actor, 'metrics:compute');
  const input = parseInput(metricsRecomputeSchema, { asOf: options.asOf });
  const started = performance.now();
  const startedAt = new Date();
  return getDb().transaction(async (tx) => {
    if (options.skipIfRunning) {
      const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${METRICS_LOCK_KEY}) as locked`);
      if (!locked) return null;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(${METRICS_LOCK_KEY})`);
    }
    // Read after the lock, so that a run that waited sees the setting and orders as they are now.
    const requestedAsOf = input.asOf ?? (await readMetricsSettings(tx)).asOf;
    const fingerprint = await ordersFingerprint(tx);
    const shared = await runFinishedMeanwhile(tx, startedAt, requestedAsOf, fingerprint);
    if (shared) return shared;
    const asOf = requestedAsOf ? endOfDayUtc(requestedAsOf) : new Date();
    // Sorts for the quintiles and aggregates stay in memory at a million customers.
    await tx.execute(sql`set local work_mem = '256MB'`);
    const steps: Record<string, number> = {};
    const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      const stepStarted = performance.now();
      const result = await step();
      steps[name] = Math.round(performance.now() - stepStarted);
      return result;
    };
    await timed('aggregate', () => buildBase(tx, asOf));
    const bgNbd = await timed('fitBgNbd', () => fitPurchaseModel(tx));
    const gammaGamma = bgNbd ? await timed('fitGammaGamma', () => fitSpendModel(tx)) : null;
    if (bgNbd) await timed('expectations', () => tabulateExpectations(tx, bgNbd));
    const [{ customersWithOrders }] = await queryRows<{ customersWithOrders: number }>(tx, sql`select count(*)::int as "customersWithOrders" from metrics_base`);
    const customers = await timed('write', () => writeMetrics(tx, asOf, customersWithOrders, bgNbd, gammaGamma));
    const segments = await timed('segments', () => segmentSizes(tx));
    const run: MetricsRun = {
      asOf: asOf.toISOString(),
      requestedAsOf: requestedAsOf ?? null,
      startedAt: startedAt.toISOString(),
      durationMs: 0,
      customers,
      customersWithOrders,
      segments,
      models: { bgNbd: bgNbd && { ...bgNbd }, gammaGamma: gammaGamma && { ...gammaGamma } },
      trigger: options.trigger ?? 'manual',
      stepsMs: steps,
    };
    await storeModels(tx, asOf, run, customersWithOrders);
    run.durationMs = Math.round(performance.now() - started);
    await writeLastRun(tx, { ...run, fingerprint }, options.actor);
    return run;
  });
}

/**
 * The run that finished while this request waited for the lock, when it computed what this one would (same as-of
 * request, no order changed since): two managers pressing Recompute at once, on one instance or two, get one run.
 */
async function runFinishedMeanwhile(tx: Tx, requestedAt: Date, requestedAsOf: string | null, fingerprint: string): Promise<MetricsRun | null> {
  const last = await readLastRun(tx);
  if (!last || last.fingerprint !== fingerprint || last.requestedAsOf !== requestedAsOf) return null;
  if (Date.parse(last.startedAt) + last.durationMs < requestedAt.getTime()) return null;
  const { fingerprint: _fingerprint, ...run } = last;
  return run;
}

// Per customer with counted orders up to asOf: totals, windows, and the BG/NBD summary in days (x = purchase days
// after the first, tx = first to last purchase day, t = first purchase day to the as-of day) with the spend of those
// repeat days for Gamma-Gamma.
async function buildBase(tx: Tx, asOf: Date): Promise<void> {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  await tx.execute(sql`
    create temp table metrics_base on commit drop as
    with days as (
      select customer_id, (placed_at at time zone 'UTC')::date as day,
        count(*)::int as orders,
        sum(total - refunded_total)::bigint as spend,
        sum(item_count)::bigint as items,
        min(placed_at) as first_at,
        max(placed_at) as last_at,
        count(*) filter (where placed_at > ${at} - interval '90 days')::int as orders_90d,
        count(*) filter (where placed_at > ${at} - interval '365 days')::int as orders_365d,
        coalesce(sum(total - refunded_total) filter (where placed_at > ${at} - interval '365 days'), 0)::bigint as spend_365d
      from orders
      where status in ${COUNTED_STATUSES} and placed_at <= ${at}
      group by 1, 2
    )
    select customer_id,
      sum(orders)::int as orders,
      sum(spend)::bigint as spend,
      sum(items)::bigint as items,
      floor(extract(epoch from ${at} - min(first_at)) / 86400)::int as days_since_first,
      floor(extract(epoch from ${at} - max(last_at)) / 86400)::int as days_since_last,
      sum(orders_90d)::int as orders_90d,
      sum(orders_365d)::int as orders_365d,
      sum(spend_365d)::bigint as spend_365d,
      (count(*) - 1)::int as x,
      (max(day) - min(day))::int as tx_days,
      ((${at} at time zone 'UTC')::date - min(day))::int as t_days,
      -- Mean spend of the repeat purchase days (null without any).
      ((sum(spend) - (array_agg(spend order by day))[1])::float8 / nullif(count(*) - 1, 0)) as repeat_spend
    from days
    group by customer_id`);
  await tx.execute(sql`analyze metrics_base`);
}

async function fitPurchaseModel(tx: Tx): Promise<(BgNbdParams & { logLikelihood: number }) | null> {
  const rows = await queryRows<{ x: number; txDays: number; tDays: number; count: number }>(
    tx,
    sql`select x, tx_days as "txDays", t_days as "tDays", count(*)::int as count
        from (select x, tx_days, t_days from metrics_base order by customer_id limit ${FIT_SAMPLE_SIZE}) sample
        group by 1, 2, 3`,
  );
  const customers = rows.reduce((sum, row) => sum + row.count, 0);
  // Without repeat purchases there is nothing to learn the purchase rhythm from.
  if (customers < MIN_FIT_CUSTOMERS || !rows.some((row) => row.x > 0)) return null;
  const fit = fitBgNbd(rows.map((row) => ({ x: row.x, tx: row.txDays / 7, T: row.tDays / 7, count: row.count })));
  const { r, alpha, a, b, logLikelihood } = fit;
  // a <= 1 is fine; a == 1 makes the expectation 0/0, and non-finite values mean the fit failed.
  if (![r, alpha, a, b, logLikelihood].every(Number.isFinite) || Math.abs(a - 1) < 1e-9) return null;
  return { r, alpha, a, b, logLikelihood };
}

async function fitSpendModel(tx: Tx): Promise<(GammaGammaParams & { logLikelihood: number }) | null> {
  const rows = await queryRows<{ x: number; mean: number }>(
    tx,
    sql`select x, repeat_spend as mean from metrics_base where x > 0 and repeat_spend > 0 order by customer_id limit ${SPEND_FIT_SAMPLE_SIZE}`,
  );
  if (rows.length < MIN_FIT_CUSTOMERS) return null;
  const { p, q, gamma, logLikelihood } = fitGammaGamma(rows.map((row) => ({ x: row.x, mean: Number(row.mean) })));
  // q <= 1 gives no finite population mean spend.
  if (![p, q, gamma, logLikelihood].every(Number.isFinite) || q <= 1) return null;
  return { p, q, gamma, logLikelihood };
}

// The hypergeometric part of the expected purchases depends on (x, t) only, which take few distinct values even at a
// million customers: computed here once per pair, then joined in SQL.
async function tabulateExpectations(tx: Tx, params: BgNbdParams): Promise<void> {
  const pairs = await queryRows<{ x: number; t: number }>(tx, sql`select distinct x, t_days as t from metrics_base`);
  const table = pairs.map(({ x, t }) => ({ ex_x: x, ex_t: t, if_alive: expectedPurchasesIfAlive(params, x, t / 7, HORIZON_WEEKS) }));
  await tx.execute(sql`create temp table metrics_expected (ex_x int, ex_t int, if_alive float8, primary key (ex_x, ex_t)) on commit drop`);
  const CHUNK = 20_000;
  for (let i = 0; i < table.length; i += CHUNK) {
    const chunk = table.slice(i, i + CHUNK).filter((row) => Number.isFinite(row.if_alive));
    await tx.execute(sql`insert into metrics_expected select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as v(ex_x int, ex_t int, if_alive float8)`);
  }
  await tx.execute(sql`analyze metrics_expected`);
}

// RFM quintiles as ntile(5) among customers with orders, where equal values share the lower score, so two customers
// with the same figure never get different scores: the quintile of each value's rank (quintileOfRank), one sort per
// score. Recency ranks fewer days since the last order higher.
async function writeMetrics(
  tx: Tx,
  asOf: Date,
  customersWithOrders: number,
  bgNbd: BgNbdParams | null,
  gammaGamma: GammaGammaParams | null,
): Promise<number> {
  const expected = bgNbd ? sql`e.if_alive * ${pAliveSql(bgNbd)}` : sql`null::float8`;
  const pAlive = bgNbd ? pAliveSql(bgNbd) : sql`null::float8`;
  const value = bgNbd && gammaGamma ? sql`round(greatest(0, e.if_alive * ${pAliveSql(bgNbd)} * ${expectedValueSql(gammaGamma)}))::bigint` : sql`null::bigint`;
  const joinExpected = bgNbd ? sql`left join metrics_expected e on e.ex_x = s.x and e.ex_t = s.t_days` : sql``;
  const result = await tx.execute(sql`
    insert into customer_metrics (customer_id, as_of, computed_at, days_since_last_order, days_since_first_order, orders_90d,
      orders_365d, spend_365d, average_order_value, average_items_per_order, recency_score, frequency_score, monetary_score,
      rfm_segment, expected_orders_12m, predicted_value_12m, p_alive, spend_percentile_365d)
    select c.id, ${asOf.toISOString()}::timestamptz, now(), s.days_since_last, s.days_since_first,
      coalesce(s.orders_90d, 0), coalesce(s.orders_365d, 0), coalesce(s.spend_365d, 0),
      coalesce(round(s.spend::numeric / s.orders)::bigint, 0),
      coalesce(s.items::float8 / s.orders, 0),
      s.recency_score, s.frequency_score, s.monetary_score, s.segment,
      s.expected, s.value, s.p_alive, s.spend_percentile
    from customers c
    left join (
      select s.*, ${segmentCase()} as segment, ${expected} as expected, ${value} as value, ${pAlive} as p_alive
      from (
        select *,
          ${quintileOfRank(sql`r_rank`, customersWithOrders)} as recency_score,
          ${quintileOfRank(sql`f_rank`, customersWithOrders)} as frequency_score,
          ${quintileOfRank(sql`m_rank`, customersWithOrders)} as monetary_score
        from (
          select b.*,
            rank() over (order by days_since_last desc) as r_rank,
            rank() over (order by orders) as f_rank,
            rank() over (order by spend) as m_rank,
            case when spend_365d > 0 then cume_dist() over (partition by spend_365d > 0 order by spend_365d desc) end as spend_percentile
          from metrics_base b
        ) ranked
      ) s
      ${joinExpected}
    ) s on s.customer_id = c.id
    on conflict (customer_id) do update set
      as_of = excluded.as_of, computed_at = excluded.computed_at, days_since_last_order = excluded.days_since_last_order,
      days_since_first_order = excluded.days_since_first_order, orders_90d = excluded.orders_90d, orders_365d = excluded.orders_365d,
      spend_365d = excluded.spend_365d, average_order_value = excluded.average_order_value,
      average_items_per_order = excluded.average_items_per_order, recency_score = excluded.recency_score,
      frequency_score = excluded.frequency_score, monetary_score = excluded.monetary_score, rfm_segment = excluded.rfm_segment,
      expected_orders_12m = excluded.expected_orders_12m, predicted_value_12m = excluded.predicted_value_12m,
      p_alive = excluded.p_alive, spend_percentile_365d = excluded.spend_percentile_365d`);
  return (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as unknown as { affectedRows?: number }).affectedRows ?? 0;
}

async function segmentSizes(tx: Tx): Promise<Record<string, number>> {
  const rows = await queryRows<{ segment: string; count: number }>(
    tx,
    sql`select rfm_segment as segment, count(*)::int as count from customer_metrics where rfm_segment is not null group by 1 order by 2 desc`,
  );
  return Object.fromEntries(rows.map((row) => [row.segment, row.count]));
}

// Only the last run's models are kept: they are what the stored predictions came from.
async function storeModels(tx: Tx, asOf: Date, run: MetricsRun, customers: number): Promise<void> {
  await tx.execute(sql`delete from metric_models`);
  for (const [kind, params] of [['bg_nbd', run.models.bgNbd], ['gamma_gamma', run.models.gammaGamma]] as const) {
    if (!params) continue;
    await tx.execute(sql`insert into metric_models (as_of, kind, params, customers) values (${asOf.toISOString()}::timestamptz, ${kind}, ${JSON.stringify(params)}::jsonb, ${Math.min(customers, FIT_SAMPLE_SIZE)})`);
  }
}
