/**
 * Runs a claimed job's handler under its lease: a heartbeat renews the lease every third of its length, the handler
 * checkpoints progress and cursor, and the job ends succeeded (the handler's result), failed (its error), released
 * back to the queue, or lost (another worker, a pause or a cancel took it: the handler stops at its next checkpoint).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import type { Db, Tx } from '@/db/client';
import type { JobRow } from '@/db/schema';

import type { Permission } from '../permissions';
import { checkpointJob, completeJob, failJob, LeaseLostError, releaseJob, renewLease, type Checkpoint, type Lease } from './lease';
import { claimJob, LEASE_MS, reclaimExpiredJobs } from './queue';

/** This process, as named in lease_owner; each claim adds a token of its own, so two runs in one process differ too. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;
export const newLeaseOwner = () => `${WORKER_NAME}:${randomUUID().slice(0, 8)}`;

export interface JobContext<Payload> {
  /** The job as claimed: its payload, and the cursor and progress to resume from. */
  readonly job: JobRow & { payload: Payload };
  /** Aborted when the lease is lost; the next checkpoint then throws LeaseLostError. */
  readonly signal: AbortSignal;
  /** Saves progress and cursor and renews the lease, in `tx` when given. Throws LeaseLostError when the lease is gone. */
  checkpoint(checkpoint: Checkpoint, tx?: Db | Tx): Promise<void>;
  /** Ends this run without finishing the job: it goes back to the queue, cursor kept. Return after calling it. */
  release(): Promise<void>;
}

export interface JobDefinition<Payload = Record<string, unknown>, Result = unknown> {
  kind: string;
  /** Who may read these jobs (getJob): the permission to read what they work on. */
  readPermission: Permission;
  run(context: JobContext<Payload>): Promise<Result>;
  /** More to do on each heartbeat, such as keeping a domain record's own heartbeat current. */
  onHeartbeat?(job: JobRow & { payload: Payload }): Promise<void>;
}

export type JobOutcome<Result> =
  | { status: 'succeeded'; result: Result }
  | { status: 'failed'; error: unknown }
  | { status: 'released' }
  // The handler may have finished, but the job was no longer this worker's to complete.
  | { status: 'lost'; result?: Result };

/** Runs a job this worker has claimed (see claimJob) to its end, heartbeating meanwhile. Never throws the handler's error. */
export async function executeJob<Payload, Result>(claimed: JobRow, definition: JobDefinition<Payload, Result>, { leaseMs = LEASE_MS }: { leaseMs?: number } = {}): Promise<JobOutcome<Result>> {
  const job = claimed as JobRow & { payload: Payload };
  const lease: Lease = { id: job.id, owner: job.leaseOwner!, leaseMs };
  const lost = new AbortController();
  let isReleased = false;
  const heartbeat = setInterval(() => {
    void renewLease(lease)
      .then(async (isHeld) => {
        if (!isHeld) return lost.abort(new LeaseLostError(job.id));
        await definition.onHeartbeat?.(job);
      })
      .catch(() => undefined);
  }, Math.max(10, Math.floor(leaseMs / 3)));
  heartbeat.unref?.();
  const context: JobContext<Payload> = {
    job,
    signal: lost.signal,
    checkpoint: (checkpoint, tx) => checkpointJob(lease, checkpoint, tx),
    release: async () => {
      isReleased = true;
      await releaseJob(lease);
    },
  };
  try {
    const result = await definition.run(context);
    if (isReleased) return { status: 'released' };
    return (await completeJob(lease, result)) ? { status: 'succeeded', result } : { status: 'lost', result };
  } catch (error) {
    if (error instanceof LeaseLostError) return { status: 'lost' };
    return (await failJob(lease, error)) ? { status: 'failed', error } : { status: 'lost' };
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Claims the job `id` (first taking it back from a worker whose lease ran out) and runs it here, now. Null when it
 * is not there to take: running elsewhere, paused or finished.
 */
export async function runJobNow<Payload, Result>({ id, definition, leaseMs }: { id: string; definition: JobDefinition<Payload, Result>; leaseMs?: number }): Promise<JobOutcome<Result> | null> {
  await reclaimExpiredJobs({ id });
  const claimed = await claimJob({ owner: newLeaseOwner(), id, leaseMs });
  return claimed ? executeJob(claimed, definition, { leaseMs }) : null;
}

/** runJobNow in the background of this process, logging a failure. */
export function runJobInBackground<Payload, Result>(options: { id: string; definition: JobDefinition<Payload, Result> }): void {
  void runJobNow(options)
    .then((outcome) => {
      if (outcome?.status === 'failed') console.error(`[jobs] ${options.definition.kind} ${options.id} failed`, outcome.error);
    })
    .catch((error: unknown) => console.error(`[jobs] ${options.definition.kind} ${options.id} could not run`, error));
}
