/**
 * What the holder of a job's lease may do: renew it (heartbeat) with progress and cursor, and finish, fail or release
 * the job. Each is one UPDATE that matches only while the job is running under this owner, so a worker that lost its
 * lease (taken over after it ran out, paused or cancelled) is refused. A lease that ran out but that nobody took over
 * is still the owner's: renewing it is safe, since taking over and renewing are updates of the same row.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';

import { getDb, type Db, type Tx } from '@/db/client';
import { jobs } from '@/db/schema';

import { LEASE_MS } from './queue';

/** Thrown to a worker whose lease is gone: it must stop, and leave the job to whoever holds it now. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`The lease on job ${jobId} was lost (taken over, paused or cancelled)`);
    this.name = 'LeaseLostError';
  }
}

export interface Lease {
  id: string;
  owner: string;
  leaseMs?: number;
}

export interface Checkpoint {
  /** Where the work got to; omitted leaves it as it was. */
  cursor?: unknown;
  done?: number;
  total?: number | null;
}

const held = (lease: Lease) => and(eq(jobs.id, lease.id), eq(jobs.leaseOwner, lease.owner), eq(jobs.status, 'running'));

/**
 * Renews the lease and saves progress and cursor, in `db`'s transaction when given one (so that they commit with the
 * work they describe). Returns false, changing nothing, when the lease is no longer this owner's.
 */
export async function renewLease(lease: Lease, checkpoint: Checkpoint = {}, db: Db | Tx = getDb()): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      leaseExpiresAt: sql`now() + ${lease.leaseMs ?? LEASE_MS} * interval '1 millisecond'`,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
      ...('cursor' in checkpoint ? { cursor: sql`${JSON.stringify(checkpoint.cursor ?? null)}::jsonb` } : {}),
      ...(checkpoint.done !== undefined ? { progressDone: checkpoint.done } : {}),
      ...(checkpoint.total !== undefined ? { progressTotal: checkpoint.total } : {}),
    })
    .where(held(lease))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** renewLease that throws LeaseLostError when refused: for handlers, whose work must not go on without the lease. */
export async function checkpointJob(lease: Lease, checkpoint: Checkpoint, db: Db | Tx = getDb()): Promise<void> {
  if (!(await renewLease(lease, checkpoint, db))) throw new LeaseLostError(lease.id);
}

async function endLease(lease: Lease, set: PgUpdateSetSource<typeof jobs>, db: Db | Tx): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...set, leaseOwner: null, leaseExpiresAt: null, updatedAt: sql`now()` })
    .where(held(lease))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Marks the job succeeded with its result. False when the lease was lost (the job is someone else's now). */
export function completeJob(lease: Lease, result: unknown = null, db: Db | Tx = getDb()): Promise<boolean> {
  return endLease(lease, { status: 'succeeded', result: sql`${JSON.stringify(result ?? null)}::jsonb`, error: null, finishedAt: sql`now()` }, db);
}

/** Marks the job failed with the error's message. False when the lease was lost. */
export function failJob(lease: Lease, error: unknown, db: Db | Tx = getDb()): Promise<boolean> {
  const message = String((error as Error)?.message ?? error).slice(0, 500);
  return endLease(lease, { status: 'failed', error: message, finishedAt: sql`now()` }, db);
}

/** Gives the job back to the queue unfinished (cursor kept), for any worker to continue. False when the lease was lost. */
export function releaseJob(lease: Lease, db: Db | Tx = getDb()): Promise<boolean> {
  return endLease(lease, { status: 'queued' }, db);
}
