import { sql, type SQL } from 'drizzle-orm';

import { getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import { endOfDayUtc, metricsRecomputeSchema, type MetricsRun } from '@/lib/validation/metrics';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';
import { resyncSegmentKeys } from '@/services/customers/segment-keys';
import { assertCan } from '@/services/permissions';
import { parseInput } from '@/services/validate';

import { expectedPurchasesIfAlive, fitBgNbd, type BgNbdParams } from './bg-nbd';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma';
import { ordersFingerprint } from './fingerprint';
import { publicRun, readLastRun, readMetricsSettings, writeLastRun } from './settings';
import { SCORE_KEYS, scoreBounds, scoreCase, type ScoreBounds } from './scores';
import { expectedValueSql, pAliveSql, segmentCase, uuidArray } from './sql-parts';

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
  /**
   * 'keep' predicts with the last run's purchase models instead of fitting them again (the incremental path does so
   * between full runs; this gives the full result it must match). Default 'refit'.
   */
  models?: 'refit' | 'keep';
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
  const finished = await getDb().transaction(async (tx) => {
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
    if (shared) return { run: shared, transaction: null };
    const kept = options.models === 'keep' ? (await readLastRun(tx))?.models : undefined;
    // Before the orders are read: a change committed from here on stays recorded for the next run.
    await tx.execute(sql`delete from metric_changes`);
    // "Now" is the end of today (UTC): every figure then stays put until the day ends or an order changes, which is
    // what lets a single order's change be applied to its customer alone (incremental.ts).
    const asOf = endOfDayUtc(requestedAsOf ?? new Date().toISOString().slice(0, 10));
    // Sorts for the quintiles and aggregates stay in memory at a million customers.
    await tx.execute(sql`set local work_mem = '256MB'`);
    const steps: Record<string, number> = {};
    const timed = async <T>(name: string, step: () => T | Promise<T>): Promise<T> => {
      const stepStarted = performance.now();
      const result = await step();
      steps[name] = Math.round(performance.now() - stepStarted);
      return result;
    };
    const sample = kept ? null : await timed('fitSample', () => readFitSample(tx, asOf));
    // The models are fitted here, in this process, while PostgreSQL aggregates every customer's orders: the two took
    // turns on one core each (about 1.5 s of fitting and 6 s of aggregate at a million customers).
    const aggregate = timed('aggregate', () => buildBase(tx, asOf));
    // Settled by the await below; handled now so that a fit that throws does not leave its rejection unhandled.
    aggregate.catch(() => undefined);
    await statementSent();
    const bgNbd = sample ? await timed('fitBgNbd', () => fitPurchaseModel(sample.purchases)) : asBgNbd(kept?.bgNbd);
    const gammaGamma = !bgNbd ? null : sample ? await timed('fitGammaGamma', () => fitSpendModel(sample.repeatSpend)) : asGammaGamma(kept?.gammaGamma);
    await aggregate;
    // Compiling the statements below took longer than running them (1.5 s of JIT for each of the write's statements
    // at a million customers, against 0.3 s for the aggregate, which it speeds up by 2 s).
    await tx.execute(sql`set local jit = off`);
    if (bgNbd) await timed('expectations', () => tabulateExpectations(tx, bgNbd));
    const [{ customersWithOrders }] = await queryRows<{ customersWithOrders: number }>(tx, sql`select count(*)::int as "customersWithOrders" from metrics_base`);
    const bounds = await timed('scores', () => scoreBounds(tx, sql`metrics_base`, customersWithOrders));
    const { customers, inserted } = await timed('write', () => writeMetrics(tx, { asOf, bounds, bgNbd, gammaGamma, percentiles: percentilesOfBase }));
    // The list estimates a segment with other filters from the statistics of customer_segments (which the write filled
    // through its triggers): after a first run, until autovacuum comes by, they would still say the table is empty.
    // Later runs move segments a little at a time, which autovacuum follows.
    if (inserted * 10 >= customers && inserted > 0) await timed('analyze', () => tx.execute(sql`analyze customer_segments`));
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
    await writeLastRun(tx, { ...run, fingerprint, bounds }, options.actor);
    const [{ transaction }] = await queryRows<{ transaction: string }>(tx, sql`select pg_current_xact_id()::text as transaction`);
    return { run, transaction };
  });
  if (finished?.transaction) await resyncSegmentKeys({ writtenByTransaction: finished.transaction });
  return finished?.run ?? null;
}

/**
 * Resolves once a statement just issued has left for the server: the driver sends it a few promise steps after the
 * call, and synchronous work started before then would hold it back until that work ends.
 */
function statementSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The run that finished while this request waited for the lock, when it computed what this one would (same as-of
 * request, no order changed since): two managers pressing Recompute at once, on one instance or two, get one run.
 */
async function runFinishedMeanwhile(tx: Tx, requestedAt: Date, requestedAsOf: string | null, fingerprint: string): Promise<MetricsRun | null> {
  const last = await readLastRun(tx);
  if (!last || last.fingerprint !== fingerprint || last.requestedAsOf !== requestedAsOf) return null;
  if (Date.parse(last.startedAt) + last.durationMs < requestedAt.getTime()) return null;
  return publicRun(last);
}

/** The purchase models of a stored run, as parameters (null when it had none). */
export function asBgNbd(stored: Record<string, number> | null | undefined): (BgNbdParams & { logLikelihood: number }) | null {
  return stored ? { r: stored.r, alpha: stored.alpha, a: stored.a, b: stored.b, logLikelihood: stored.logLikelihood } : null;
}

export function asGammaGamma(stored: Record<string, number> | null | undefined): (GammaGammaParams & { logLikelihood: number }) | null {
  return stored ? { p: stored.p, q: stored.q, gamma: stored.gamma, logLikelihood: stored.logLikelihood } : null;
}

// Per customer with counted orders up to asOf: totals, windows, and the BG/NBD summary in days (x = purchase days
// after the first, tx = first to last purchase day, t = first purchase day to the as-of day) with the spend of those
// repeat days for Gamma-Gamma.
// One pass over the orders in customer and placed order, which orders_customer_placed_idx gives with every column read
// here (an index-only scan, no sort): a window marks each order that starts a new purchase day and carries the first
// day, and one aggregate per customer sums them. Grouping by customer and day first, then by customer, took twice as
// long at a million customers (the 4.9 M orders read from the table and sorted by day).
export async function buildBase(tx: Tx, asOf: Date, customerIds?: readonly string[]): Promise<void> {
  const only = customerIds ? sql`and customer_id = any(${uuidArray(customerIds)})` : sql``;
  await tx.execute(sql`create temp table metrics_base on commit drop as ${baseQuery(asOf, only)}`);
  await tx.execute(sql`analyze metrics_base`);
}

/** The rows of metrics_base (buildBase) for the customers whose orders match `only` (`and …` on orders, or empty), in customer order. */
function baseQuery(asOf: Date, only: SQL): SQL {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  // timestamptz - interval is only stable (it depends on the time zone), so PostgreSQL would compute it for every order
  // row; as subqueries it is computed once.
  const since90 = sql`(select ${at} - interval '90 days')`;
  const since365 = sql`(select ${at} - interval '365 days')`;
  return sql`
    with counted as (
      select customer_id, placed_at, total - refunded_total as spend, item_count, (placed_at at time zone 'UTC')::date as day
      from orders
      where status in ${COUNTED_STATUSES} and placed_at <= ${at} ${only}
    ),
    marked as (
      select counted.*, day is distinct from lag(day) over w as new_day, first_value(day) over w as first_day
      from counted
      window w as (partition by customer_id order by placed_at)
    )
    select customer_id,
      count(*)::int as orders,
      sum(spend)::bigint as spend,
      sum(item_count)::bigint as items,
      floor(extract(epoch from ${at} - min(placed_at)) / 86400)::int as days_since_first,
      floor(extract(epoch from ${at} - max(placed_at)) / 86400)::int as days_since_last,
      count(*) filter (where placed_at > ${since90})::int as orders_90d,
      count(*) filter (where placed_at > ${since365})::int as orders_365d,
      coalesce(sum(spend) filter (where placed_at > ${since365}), 0)::bigint as spend_365d,
      (count(*) filter (where new_day) - 1)::int as x,
      (max(day) - min(day))::int as tx_days,
      ((${at} at time zone 'UTC')::date - min(day))::int as t_days,
      -- Mean spend of the repeat purchase days (null without any).
      (coalesce(sum(spend) filter (where day > first_day), 0)::float8 / nullif(count(*) filter (where new_day) - 1, 0)) as repeat_spend
    from marked
    group by customer_id`;
}

/** What the purchase models are fitted on: the first customers by id with counted orders (see readFitSample). */
interface FitSample {
  purchases: { x: number; txDays: number; tDays: number }[];
  repeatSpend: { x: number; mean: number }[];
}

/**
 * The purchase models' sample, read before every customer is aggregated: the summaries of the first FIT_SAMPLE_SIZE
 * customers with counted orders by id, and of the first SPEND_FIT_SAMPLE_SIZE of them who bought again (the same rows
 * as metrics_base would give them). Each read walks orders_customer_placed_idx from its start and stops at its limit,
 * so it costs a few of the aggregate's customers, and the models can be fitted while the aggregate runs.
 */
async function readFitSample(tx: Tx, asOf: Date): Promise<FitSample> {
  const base = baseQuery(asOf, sql``);
  const purchases = await queryRows<{ x: number; txDays: number; tDays: number }>(
    tx,
    sql`select x, tx_days as "txDays", t_days as "tDays" from (${base}) b order by customer_id limit ${FIT_SAMPLE_SIZE}`,
  );
  const repeatSpend = await queryRows<{ x: number; mean: number }>(
    tx,
    sql`select x, repeat_spend as mean from (${base}) b where x > 0 and repeat_spend > 0 order by customer_id limit ${SPEND_FIT_SAMPLE_SIZE}`,
  );
  return { purchases, repeatSpend: repeatSpend.map((row) => ({ x: row.x, mean: Number(row.mean) })) };
}

function fitPurchaseModel(sample: FitSample['purchases']): (BgNbdParams & { logLikelihood: number }) | null {
  const counts = new Map<string, { x: number; tx: number; T: number; count: number }>();
  for (const { x, txDays, tDays } of sample) {
    const key = `${x}:${txDays}:${tDays}`;
    const group = counts.get(key);
    if (group) group.count += 1;
    else counts.set(key, { x, tx: txDays / 7, T: tDays / 7, count: 1 });
  }
  // Without repeat purchases there is nothing to learn the purchase rhythm from.
  if (sample.length < MIN_FIT_CUSTOMERS || !sample.some((row) => row.x > 0)) return null;
  const fit = fitBgNbd([...counts.values()]);
  const { r, alpha, a, b, logLikelihood } = fit;
  // a <= 1 is fine; a == 1 makes the expectation 0/0, and non-finite values mean the fit failed.
  if (![r, alpha, a, b, logLikelihood].every(Number.isFinite) || Math.abs(a - 1) < 1e-9) return null;
  return { r, alpha, a, b, logLikelihood };
}

function fitSpendModel(sample: FitSample['repeatSpend']): (GammaGammaParams & { logLikelihood: number }) | null {
  if (sample.length < MIN_FIT_CUSTOMERS) return null;
  const { p, q, gamma, logLikelihood } = fitGammaGamma(sample);
  // q <= 1 gives no finite population mean spend.
  if (![p, q, gamma, logLikelihood].every(Number.isFinite) || q <= 1) return null;
  return { p, q, gamma, logLikelihood };
}

// The hypergeometric part of the expected purchases depends on (x, t) only, which take few distinct values even at a
// million customers: computed here once per pair, then joined in SQL.
export async function tabulateExpectations(tx: Tx, params: BgNbdParams): Promise<void> {
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

// The columns written for each customer, in this order (metricsRows selects them).
const METRIC_COLUMNS_LIST = ['customer_id', 'as_of', 'computed_at', 'days_since_last_order', 'days_since_first_order', 'orders_90d',
  'orders_365d', 'spend_365d', 'average_order_value', 'average_items_per_order', 'order_count', 'total_spend', 'recency_score',
  'frequency_score', 'monetary_score', 'rfm_segment', 'expected_orders_12m', 'predicted_value_12m', 'p_alive', 'spend_percentile_365d'];
export const METRIC_COLUMNS = sql.raw(METRIC_COLUMNS_LIST.join(', '));
// Every written column but the customer, set from the row `from` (f, or excluded in an upsert).
export const assignedFrom = (from: 'f' | 'excluded') => sql.raw(METRIC_COLUMNS_LIST.slice(1).map((column) => `${column} = ${from}.${column}`).join(', '));
const UPDATED_COLUMNS = assignedFrom('f');

// METRIC_COLUMNS after customer_id, from a row f.
const COLUMNS_OF_F = sql.raw(
  METRIC_COLUMNS_LIST.slice(1)
    .map((column) => `f.${column}`)
    .join(', '),
);

// Every stored figure (all columns but the customer and computed_at), to tell whether a row changed.
const FIGURES = (table: 'm' | 'f') =>
  sql.raw(
    METRIC_COLUMNS_LIST.filter((column) => column !== 'customer_id' && column !== 'computed_at')
      .map((column) => `${table}.${column}`)
      .join(', '),
  );

export interface MetricFigures {
  asOf: Date;
  bounds: ScoreBounds;
  bgNbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  /** A relation (pv bigint, pct float8): the 12-month spend rank of each 12-month spend pv > 0. */
  percentiles: SQL;
}

export interface MetricRowsInput extends MetricFigures {
  /** Which customers (a condition on customers c). */
  customersWhere: SQL;
}

/**
 * One row of METRIC_COLUMNS per customer matching `customersWhere`, from metrics_base (and metrics_expected when
 * there is a purchase model): the figures of customers without counted orders are empty. RFM scores come from the
 * buckets (scores.ts), which give exactly the quintile of each value's rank among the customers with orders.
 */
export function metricRows(input: MetricRowsInput): SQL {
  return sql`select c.id as customer_id, ${figureColumns(input.asOf)}
    from customers c left join (${scoredBase(input)}) s on s.customer_id = c.id
    where ${input.customersWhere}`;
}

/** The rows of metricRows for the customers with counted orders alone, read from metrics_base without customers. */
function metricRowsWithOrders(input: MetricFigures): SQL {
  return sql`select s.customer_id, ${figureColumns(input.asOf)} from (${scoredBase(input)}) s`;
}

/**
 * The one row metricRows gives every customer without counted orders, less the customer: the same columns over a
 * scored row that is not there (a join on false is never read).
 */
function emptyMetricRow(input: MetricFigures): SQL {
  return sql`select ${figureColumns(input.asOf)} from (select) one left join (${scoredBase(input)}) s on false`;
}

/** The columns of METRIC_COLUMNS after customer_id, from a scored row s (scoredBase), which is null without orders. */
function figureColumns(asOf: Date): SQL {
  return sql`${asOf.toISOString()}::timestamptz as as_of, now() as computed_at,
      s.days_since_last as days_since_last_order, s.days_since_first as days_since_first_order,
      coalesce(s.orders_90d, 0) as orders_90d, coalesce(s.orders_365d, 0) as orders_365d, coalesce(s.spend_365d, 0) as spend_365d,
      coalesce(round(s.spend::numeric / s.orders)::bigint, 0) as average_order_value,
      coalesce(s.items::float8 / s.orders, 0) as average_items_per_order,
      coalesce(s.orders, 0) as order_count, coalesce(s.spend, 0) as total_spend,
      s.recency_score, s.frequency_score, s.monetary_score, s.segment as rfm_segment,
      s.expected as expected_orders_12m, s.value as predicted_value_12m, s.p_alive, s.spend_percentile as spend_percentile_365d`;
}

/** metrics_base with each customer's scores, segment, predictions and 12-month spend rank. */
function scoredBase({ bounds, bgNbd, gammaGamma, percentiles }: MetricFigures): SQL {
  const expected = bgNbd ? sql`e.if_alive * ${pAliveSql(bgNbd)}` : sql`null::float8`;
  const pAlive = bgNbd ? pAliveSql(bgNbd) : sql`null::float8`;
  const value = bgNbd && gammaGamma ? sql`round(greatest(0, e.if_alive * ${pAliveSql(bgNbd)} * ${expectedValueSql(gammaGamma)}))::bigint` : sql`null::bigint`;
  const joinExpected = bgNbd ? sql`left join metrics_expected e on e.ex_x = b.x and e.ex_t = b.t_days` : sql``;
  return sql`
    select scored.*, ${segmentCase()} as segment
    from (
      select b.*,
        ${scoreCase(SCORE_KEYS.recency, bounds.buckets.recency)} as recency_score,
        ${scoreCase(SCORE_KEYS.frequency, bounds.buckets.frequency)} as frequency_score,
        ${scoreCase(SCORE_KEYS.monetary, bounds.buckets.monetary)} as monetary_score,
        ${expected} as expected, ${value} as value, ${pAlive} as p_alive, p.pct as spend_percentile
      from metrics_base b
      ${joinExpected}
      left join ${percentiles} p on p.pv = b.spend_365d
    ) scored`;
}

/**
 * cume_dist() over the 12-month spend, highest first, among customers who spent in those 12 months, computed once per
 * distinct amount: (customers who spent as much or more) / (customers who spent).
 */
const percentilesOfBase = sql`(
  select spend_365d as pv, (sum(c) over (order by spend_365d desc rows between unbounded preceding and current row))::float8 / (sum(c) over ())::float8 as pct
  from (select spend_365d, count(*) as c from metrics_base where spend_365d > 0 group by 1) grouped)`;

// Every customer's row, in three statements, each reading no more than it needs:
// 1. a row for each customer who has none (a new customer, or everyone on the first run);
// 2. the rows of the customers with counted orders, computed from metrics_base alone and written where a figure moved;
// 3. the empty row, where it moved, for the customers without (their stored row had orders, or another as-of).
// Joining every customer to metrics_base and then to their stored rows in one statement, with the result materialised
// for the UPDATE and the INSERT to read, took twice as long at a million customers (8.3 s on a run that changed no
// row: a hash of every customer, a hash of every stored row and the materialised million). A plain UPDATE from a hash
// join: no per-row index probe and row lock as INSERT ... ON CONFLICT takes. A row whose figures all stay keeps its
// computed_at: rewriting a million unchanged rows is most of a recompute's cost (a new row version, its WAL and a
// full page image per page), and a second run of the day with the same models changes few of them.
// Missing rows are many when they are at least 1 / MANY_MISSING of the customers.
const MANY_MISSING = 10;

async function writeMetrics(tx: Tx, figures: MetricFigures): Promise<{ customers: number; inserted: number }> {
  const emptyRow = emptyMetricRow(figures);
  // Every join below pairs whole tables, which hash joins do in one pass each. On the first run customer_metrics is
  // empty, so the planner would probe it with a nested loop, one scan of it per customer, while the run fills it:
  // each scan then walks every page written so far (invisible to it, but read), which is quadratic (a million
  // customers did not finish in 15 minutes). A merge join would sort every customer's figures by their 12-month
  // spend to meet the percentiles (2 s at a million), where a hash holds their 180,000 distinct amounts.
  await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`set local enable_mergejoin = off`);
  // A metrics row belongs to a customer (a foreign key, deleted with it), so as many rows as customers means each
  // has one: two counts of primary keys instead of matching every customer against every row.
  const [counts] = await queryRows<{ customers: number; rows: number }>(
    tx,
    sql`select (select count(*) from customers)::int as customers, (select count(*) from customer_metrics)::int as rows`,
  );
  const missing = counts.customers - counts.rows;
  let inserted = 0;
  if (missing > 0) {
    const notStored = sql`not exists (select 1 from customer_metrics m where m.customer_id = c.id)`;
    // Many missing (the first run, an import): each row with its figures, written once (an empty row then its figures
    // took 142 s instead of 89 at a million). A few (the customers new since the last run): an empty row each, which
    // the update below fills in, rather than computing every customer's figures once more for them.
    const rows = missing * MANY_MISSING >= counts.customers
      ? metricRows({ ...figures, customersWhere: notStored })
      : sql`select c.id, ${COLUMNS_OF_F} from customers c cross join (${emptyRow}) f where ${notStored}`;
    [{ inserted }] = await queryRows<{ inserted: number }>(
      tx,
      sql`with inserted as (insert into customer_metrics (${METRIC_COLUMNS}) ${rows} returning 1) select count(*)::int as inserted from inserted`,
    );
  }
  await tx.execute(sql`
    update customer_metrics m set ${UPDATED_COLUMNS} from (${metricRowsWithOrders(figures)}) f
    where m.customer_id = f.customer_id and (${FIGURES('m')}) is distinct from (${FIGURES('f')})`);
  await tx.execute(sql`
    update customer_metrics m set ${UPDATED_COLUMNS} from (${emptyRow}) f
    where not exists (select 1 from metrics_base b where b.customer_id = m.customer_id)
      and (${FIGURES('m')}) is distinct from (${FIGURES('f')})`);
  await tx.execute(sql`reset enable_nestloop`);
  await tx.execute(sql`reset enable_mergejoin`);
  return { customers: counts.rows + inserted, inserted };
}

export async function segmentSizes(tx: Tx): Promise<Record<string, number>> {
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
