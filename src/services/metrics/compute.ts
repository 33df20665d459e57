import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import { getDatabase, getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';
import { endOfDayUtc, metricsRecomputeSchema, type MetricsRun } from '@/lib/validation/metrics';
import { resyncSegmentKeys } from '@/services/customers/segment-keys';
import { assertCan } from '@/services/permissions';
import { parseInput } from '@/services/validate';

import { baseQuery, createBase } from './base-query';
import { fitBgNbd, type BgNbdParams } from './bg-nbd';
import { canCarryRows, createCarriedBase, ROWS_VERSION, takeChanges } from './carried-base';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma';
import { ordersFingerprint } from './fingerprint';
import { publicRun, readLastRun, readMetricsSettings, writeLastRun, type StoredMetricsRun } from './settings';
import { writeBasis } from './basis';
import { writeMetrics } from './metric-rows';
import { scoreBounds } from './scores';
import { segmentSizes } from './segment-counts';

// One metrics run at a time, shop-wide (pg advisory lock key; any constant unlikely to clash).
export const METRICS_LOCK_KEY = 6_240_517;
// Customers the models are fitted on, chosen by id (random UUIDs, so a fair and repeatable sample).
export const FIT_SAMPLE_SIZE = 20_000;
// Gamma-Gamma has one row per repeat customer (no grouping), and its likelihood is costlier per row.
const SPEND_FIT_SAMPLE_SIZE = 5_000;
// Fewer customers than this give parameters too uncertain to show; predictions are then left empty.
const MIN_FIT_CUSTOMERS = 20;

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
  /**
   * Read every customer's orders even when the stored rows could be carried (carried-base.ts): the run then checks
   * that the rows still agree with the orders, and writes only what does not. Default false.
   */
  readAllOrders?: boolean;
}

/**
 * Recomputes every customer's engagement metrics and the purchase models as of one moment, in one transaction of
 * set-based statements. Needs 'metrics:compute'. Returns the run's summary, or null when `skipIfRunning` and
 * another run holds the lock. Throws ForbiddenError, ValidationFailedError.
 */
export async function computeAllCustomerMetrics(options: ComputeMetricsOptions): Promise<MetricsRun | null> {
  assertCan(options.actor, 'metrics:compute');
  const input = parseInput(metricsRecomputeSchema, { asOf: options.asOf, readAllOrders: options.readAllOrders });
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
    const last = await readLastRun(tx);
    const shared = runFinishedMeanwhile(last, startedAt, requestedAsOf, fingerprint, input.readAllOrders ?? false);
    if (shared) return { run: shared, transaction: null };
    const kept = options.models === 'keep' ? last?.models : undefined;
    await takeChanges(tx);
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
    const carried = !input.readAllOrders && (await timed('changes', () => canCarryRows(tx, last, asOf)));
    // The models are fitted here, in this process, while PostgreSQL builds metrics_base: the two took turns on one
    // core each (about 1.5 s of fitting and 6 s of aggregating every order at a million customers).
    const aggregateStarted = performance.now();
    const sent = carried ? await sendCarriedBase(tx, asOf) : await sendFullBase(tx, asOf);
    const step = carried ? 'carry' : 'aggregate';
    const aggregate = sent.built.then(() => void (steps[step] = Math.round(performance.now() - aggregateStarted)));
    // Handled at once: the aggregate may fail while the fits run, before allSettled below looks.
    aggregate.catch(() => undefined);
    const fits = (async () => {
      const bgNbd = sample ? await timed('fitBgNbd', () => fitPurchaseModel(sample.purchases)) : asBgNbd(kept?.bgNbd);
      const gammaGamma = !bgNbd ? null : sample ? await timed('fitGammaGamma', () => fitSpendModel(sample.repeatSpend)) : asGammaGamma(kept?.gammaGamma);
      return { bgNbd, gammaGamma };
    })();
    // Both settle before either's failure ends the transaction: a fit that threw must not leave the aggregate's
    // statements queued on the connection after the rollback.
    const [built, fitted] = await Promise.allSettled([aggregate, fits]);
    if (built.status === 'rejected') throw built.reason;
    if (fitted.status === 'rejected') throw fitted.reason;
    const { bgNbd, gammaGamma } = fitted.value;
    // Compiling the statements below took longer than running them (1.5 s of JIT for each of the write's statements
    // at a million customers, against 0.3 s for the aggregate, which it speeds up by 2 s).
    await tx.execute(sql`set local jit = off`);
    // A customer deletion's cascade (a merge, a deletion) takes rows of the rollups in its triggers, which this run's writes take
    // too: it waits here for the run instead of holding the table while the recount below waits for it (a deadlock).
    await tx.execute(sql`lock table customer_metric_rows in share row exclusive mode`);
    const basis = await timed('basis', () => writeBasis(tx, { asOf, bgNbd, gammaGamma }));
    const [{ customersWithOrders }] = await queryRows<{ customersWithOrders: number }>(tx, sql`select count(*)::int as "customersWithOrders" from metrics_base`);
    const bounds = await timed('scores', () => scoreBounds(tx, sql`metrics_base`, customersWithOrders));
    const { customers, inserted } = await timed('write', () => writeMetrics(tx, { bounds, customersWithOrders, carried }));
    // Who is at risk moves with the run's moment and models (metric_basis), for customers whose rows it did not write;
    // with both as they were, the triggers kept the count.
    if (basis.moved) await timed('rollups', () => tx.execute(sql`select rollup_rebuild_metric_segments()`));
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
    run.durationMs = Math.round(performance.now() - started);
    const allOrdersReadAt = carried ? last?.allOrdersReadAt : run.startedAt;
    await writeLastRun(tx, { ...run, fingerprint, bounds, rowsVersion: ROWS_VERSION, allOrdersReadAt }, options.actor);
    const [{ transaction }] = await queryRows<{ transaction: string }>(tx, sql`select pg_current_xact_id()::text as transaction`);
    return { run, transaction };
  });
  if (finished?.transaction) await resyncSegmentKeys({ writtenByTransaction: finished.transaction });
  return finished?.run ?? null;
}

/** The statement run once, as a promise: a drizzle query runs again each time it is awaited. */
async function run<T>(statement: () => PromiseLike<T>): Promise<T> {
  return statement();
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
function runFinishedMeanwhile(
  last: StoredMetricsRun | null,
  requestedAt: Date,
  requestedAsOf: string | null,
  fingerprint: string,
  readAllOrders: boolean,
): MetricsRun | null {
  if (!last || last.fingerprint !== fingerprint || last.requestedAsOf !== requestedAsOf) return null;
  // A caller who asked for every order to be read is not answered by a run that carried the stored rows.
  if (readAllOrders && last.allOrdersReadAt !== last.startedAt) return null;
  if (Date.parse(last.startedAt) + last.durationMs < requestedAt.getTime()) return null;
  return publicRun(last);
}

/** The purchase models of a stored run, as parameters (null when it had none). */
export function asBgNbd(stored: Record<string, number> | null | undefined): (BgNbdParams & { logLikelihood: number }) | null {
  return stored ? { r: stored.r, alpha: stored.alpha, a: stored.a, b: stored.b, logLikelihood: stored.logLikelihood } : null;
}

function asGammaGamma(stored: Record<string, number> | null | undefined): (GammaGammaParams & { logLikelihood: number }) | null {
  return stored ? { p: stored.p, q: stored.q, gamma: stored.gamma, logLikelihood: stored.logLikelihood } : null;
}

export async function buildBase(tx: Tx, asOf: Date, customerIds?: readonly string[]): Promise<void> {
  const only = customerIds ? sql`and customer_id = any(${arrayParam(customerIds, 'uuid')})` : sql``;
  await tx.execute(createBase(asOf, only));
  await tx.execute(sql`analyze metrics_base`);
}

// The full run's aggregate is sent in two halves by customer id, one on the run's connection and one on a connection
// of its own, so that PostgreSQL, which runs the window of baseQuery (base-query.ts) in one process, uses two cores:
// the halves are about equal because customer ids are random (gen_random_uuid). The other half lands in an unlogged
// table (a temporary one is seen by its session alone), created from the same query, so that its columns are
// metrics_base's; it needs the CREATE privilege on the schema, which the app's migrations need too.
const ID_MIDDLE = '80000000-0000-0000-0000-000000000000';
const OTHER_HALF = sql.identifier('metrics_base_other_half');

/** metrics_base carried from the stored rows (carried-base.ts), sent as sendFullBase sends the aggregate. */
async function sendCarriedBase(tx: Tx, asOf: Date): Promise<{ built: Promise<void> }> {
  const created = run(() => tx.execute(createCarriedBase(asOf)));
  created.catch(() => undefined);
  await statementSent();
  const built = (async () => {
    await created;
    await tx.execute(sql`analyze metrics_base`);
  })();
  built.catch(() => undefined);
  return { built };
}

/**
 * Sends the aggregate of every customer (metrics_base, as buildBase makes it) and resolves once it has left for the
 * server, so that this process may compute meanwhile; `built` settles when metrics_base is complete. On PGlite (one
 * connection) it is one statement.
 */
async function sendFullBase(tx: Tx, asOf: Date): Promise<{ built: Promise<void> }> {
  const database = getDatabase();
  if (!database.beside) {
    const built = buildBase(tx, asOf);
    built.catch(() => undefined);
    await statementSent();
    return { built };
  }
  let markSent = () => {};
  const otherSent = new Promise<void>((resolve) => (markSent = resolve));
  // Committed on its own, in a transaction whose settings end with it (a connection pooler may hand the server
  // connection on): the next run drops what a run that rolled back left here, and only a run (under the metrics lock,
  // which this run holds) writes it. Kept from autovacuum, which the run's DROP would otherwise wait for.
  const other = database.beside((side) =>
    side.transaction(async (half) => {
      await half.execute(sql`set local work_mem = '256MB'`);
      // The run's transaction already holds a lock on orders and waits for this half in this process, where
      // PostgreSQL cannot see it: a request for the whole table queued in between (a migration's ALTER, a VACUUM
      // FULL) would leave the three waiting on each other for good. Failing ends the run, which a later one repeats.
      await half.execute(sql`set local lock_timeout = '10s'`);
      await half.execute(sql`drop table if exists ${OTHER_HALF}`);
      const created = run(() =>
        half.execute(sql`create unlogged table ${OTHER_HALF} with (autovacuum_enabled = false) as ${baseQuery(asOf, sql`and customer_id >= ${ID_MIDDLE}::uuid`)}`),
      );
      created.catch(() => undefined);
      await statementSent();
      markSent();
      await created;
    }),
  );
  other.catch(() => undefined);
  await Promise.race([otherSent, other]);
  const mine = run(() => tx.execute(createBase(asOf, sql`and customer_id < ${ID_MIDDLE}::uuid`)));
  mine.catch(() => undefined);
  await statementSent();
  const built = (async () => {
    const [mineDone, otherDone] = await Promise.allSettled([mine, other]);
    if (mineDone.status === 'rejected') throw mineDone.reason;
    if (otherDone.status === 'rejected') throw otherDone.reason;
    await tx.execute(sql`insert into metrics_base select * from ${OTHER_HALF}`);
    await tx.execute(sql`drop table ${OTHER_HALF}`);
    await tx.execute(sql`analyze metrics_base`);
  })();
  built.catch(() => undefined);
  return { built };
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
