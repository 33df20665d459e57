import type { Actor } from '@/lib/types';
import { getDb } from '@/db/client';

import { enqueueJob } from '../jobs/queue';
import { runJobNow, type JobDefinition } from '../jobs/run';
import { computeAllCustomerMetrics } from './compute';
import { ordersFingerprint } from './fingerprint';
import { applyOrderChanges } from './incremental';
import { readLastRun, readMetricsSettings } from './settings';

const SYSTEM_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'metrics job' };

/**
 * Why metrics should be recomputed now, or null when they are current: never computed, orders changed since the
 * last run, the as-of setting changed, or (as of "now") the last run was on an earlier UTC day, so that "days since
 * last order" moves on even when nobody orders.
 */
export async function metricsStaleReason(now = new Date()): Promise<string | null> {
  const db = getDb();
  const last = await readLastRun(db);
  if (!last) return 'never computed';
  if ((await ordersFingerprint(db)) !== last.fingerprint) return 'orders changed';
  const { asOf } = await readMetricsSettings(db);
  if (asOf !== last.requestedAsOf) return 'as-of setting changed';
  if (asOf === null && last.asOf.slice(0, 10) !== now.toISOString().slice(0, 10)) return 'a new day';
  return null;
}

export const METRICS_RECOMPUTE_JOB = 'metrics.recompute';

/** `incremental` when only the changed customers were applied (incremental.ts), rather than everyone recomputed. */
type RecomputeResult = { reason: string | null; ran: boolean; incremental?: true };

/**
 * The automatic recompute as a job under one key (the changed customers alone when orders changed within the day and
 * that gives the full result, else everyone): there is at most one active, and only its lease holder runs it, so
 * instances never recompute at once (the advisory lock in computeAllCustomerMetrics still queues manual runs). It asks
 * metricsStaleReason again, so a job taken over after a crash, or queued by two instances, runs only if still needed.
 */
export const metricsRecomputeJob: JobDefinition<Record<string, never>, RecomputeResult> = {
  kind: METRICS_RECOMPUTE_JOB,
  readPermission: 'metrics:read',
  async run() {
    const stale = await metricsStaleReason();
    if (!stale) return { reason: stale, ran: false };
    let reason = stale;
    let models: 'refit' | 'keep' = 'refit';
    // Orders changed within the day: apply the changed customers alone, unless that would not give what a full
    // recompute gives (then `fullNeeded` says why, and everyone is recomputed, with the day's models unless a refit
    // is due: the models are fitted once a day, and by the Recompute button).
    if (stale === 'orders changed') {
      const result = await applyOrderChanges();
      if (!result) return { reason, ran: false };
      if (result.applied) return { reason, ran: true, incremental: true };
      reason = `${stale}; ${result.fullNeeded}`;
      if (!result.refitDue) models = 'keep';
    }
    const run = await computeAllCustomerMetrics({ actor: SYSTEM_ACTOR, trigger: 'automatic', skipIfRunning: true, models });
    return { reason, ran: run !== null };
  },
};

/**
 * Recomputes when metricsStaleReason says so, as the metrics job run here and now, unless another instance holds it;
 * returns what it did. Throws the recompute's error.
 */
export async function recomputeMetricsIfStale(): Promise<RecomputeResult> {
  const reason = await metricsStaleReason();
  if (!reason) return { reason, ran: false };
  const job = await enqueueJob({ kind: METRICS_RECOMPUTE_JOB, key: METRICS_RECOMPUTE_JOB });
  const outcome = await runJobNow({ id: job.id, definition: metricsRecomputeJob });
  if (outcome?.status === 'failed') throw outcome.error;
  if (outcome?.status === 'succeeded' || (outcome?.status === 'lost' && outcome.result)) return outcome.result!;
  return { reason, ran: false };
}

/**
 * Starts the automatic recompute: every `intervalMs`, recompute if stale. One tick at a time in this process, and the
 * job's lease keeps processes from running at once. Returns a stop function.
 */
export function startMetricsJob(intervalMs: number, log: (message: string) => void = console.info): () => void {
  let isBusy = false;
  const tick = async () => {
    if (isBusy) return;
    isBusy = true;
    try {
      const started = Date.now();
      const { reason, ran, incremental } = await recomputeMetricsIfStale();
      if (ran) log(`[metrics] ${incremental ? 'applied the changed customers' : 'recomputed'} (${reason}) in ${Date.now() - started} ms`);
    } catch (error) {
      log(`[metrics] recompute failed: ${(error as Error).message}`);
    } finally {
      isBusy = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  void tick();
  return () => clearInterval(timer);
}
