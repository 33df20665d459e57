import { pruneIdempotencyKeys } from '../idempotency';
import { claimJob, pruneFinishedJobs, reclaimExpiredJobs } from './queue';
import { executeJob, newLeaseOwner, type JobDefinition } from './run';

export interface JobWorkerOptions {
  // Definitions of several payload types: the worker only hands each job to the definition of its kind.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definitions: JobDefinition<any, unknown>[];
  pollMs?: number;
  /** Jobs this process runs at once. */
  concurrency?: number;
  log?: (message: string) => void;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * The process-wide worker: every `pollMs` it puts back jobs whose worker stopped (lease ran out), then claims queued
 * jobs of the kinds it knows, up to `concurrency` at a time, and runs each under its lease. Every app instance may run
 * one; the claim gives each job to one of them. Once an hour it deletes jobs finished a month ago, and
 * Idempotency-Keys older than a day. Returns a function that stops claiming (running jobs go on).
 */
export function startJobWorker({ definitions, pollMs = 2_000, concurrency = 2, log = console.info }: JobWorkerOptions): () => void {
  const byKind = new Map(definitions.map((definition) => [definition.kind, definition]));
  const kinds = [...byKind.keys()];
  let running = 0;
  let isTicking = false;
  let prunedAt = 0;
  const tick = async () => {
    if (isTicking || running >= concurrency) return;
    isTicking = true;
    try {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneFinishedJobs();
        await pruneIdempotencyKeys();
      }
      const { requeued, failed } = await reclaimExpiredJobs();
      if (requeued + failed > 0) log(`[jobs] took back ${requeued + failed} job(s) whose worker stopped (${failed} failed for good)`);
      while (running < concurrency) {
        const claimed = await claimJob({ owner: newLeaseOwner(), kinds });
        if (!claimed) break;
        running += 1;
        void executeJob(claimed, byKind.get(claimed.kind)!)
          .then((outcome) => {
            if (outcome.status === 'failed') log(`[jobs] ${claimed.kind} ${claimed.id} failed: ${(outcome.error as Error)?.message ?? outcome.error}`);
          })
          .catch((error: unknown) => log(`[jobs] ${claimed.kind} ${claimed.id} could not run: ${(error as Error).message}`))
          .finally(() => {
            running -= 1;
          });
      }
    } catch (error) {
      log(`[jobs] worker tick failed: ${(error as Error).message}`);
    } finally {
      isTicking = false;
    }
  };
  const timer = setInterval(tick, pollMs);
  timer.unref?.();
  void tick();
  return () => clearInterval(timer);
}
