/**
 * The jobs table as a queue shared by every app instance on one database: enqueue, claim with a lease, reclaim jobs
 * whose lease ran out, and the outside state changes (pause, resume, cancel). What the lease holder may do is in
 * lease.ts; running a claimed job in run.ts.
 */
import { and, eq, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';

import { getDb, type Db, type Tx } from '@/db/client';
import { jobs, type JobRow } from '@/db/schema';

/** How long a claim holds a job unless renewed (heartbeats renew it every third of this). */
export const LEASE_MS = 30_000;

const ACTIVE = sql`${jobs.status} in ('queued', 'running', 'paused')`;
const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

export type JobRef = { id: string } | { key: string };
const refWhere = (ref: JobRef): SQL => ('id' in ref ? eq(jobs.id, ref.id) : and(eq(jobs.key, ref.key), ACTIVE)!);

export interface EnqueueInput {
  kind: string;
  /** One active job per key: enqueueing a key that has a queued, running or paused job returns that job instead. */
  key?: string;
  payload?: Record<string, unknown>;
  total?: number | null;
  maxAttempts?: number;
  /** Not claimed before this moment. */
  runAfter?: Date | null;
  db?: Db | Tx;
}

/** Adds a queued job, or returns the active job with the same key. Inside `db`'s transaction when given one. */
export async function enqueueJob({ kind, key, payload = {}, total = null, maxAttempts, runAfter = null, db = getDb() }: EnqueueInput): Promise<JobRow> {
  // A job with the key may finish between the insert that conflicts and the read: then insert again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [created] = await db
      .insert(jobs)
      .values({ kind, key, payload, progressTotal: total, maxAttempts, runAfter })
      .onConflictDoNothing({ target: jobs.key, where: ACTIVE })
      .returning();
    if (created) return created;
    const [existing] = await db.select().from(jobs).where(refWhere({ key: key! }));
    if (existing) return existing;
  }
  throw new Error(`enqueueJob: the active job for ${key} kept changing`);
}

/**
 * Takes the oldest queued job (of `kinds`, or the one with `id`) for `owner`, with a lease of `leaseMs`; null when
 * there is none to take. SKIP LOCKED: workers claiming at once take different jobs, never the same one.
 */
export async function claimJob({ owner, kinds, id, leaseMs = LEASE_MS, db = getDb() }: { owner: string; kinds?: string[]; id?: string; leaseMs?: number; db?: Db }): Promise<JobRow | null> {
  const next = sql`(select ${jobs.id} from ${jobs}
    where ${jobs.status} = 'queued' and (${jobs.runAfter} is null or ${jobs.runAfter} <= now()) ${kinds ? sql`and ${inArray(jobs.kind, kinds)}` : sql``} ${id ? sql`and ${jobs.id} = ${id}` : sql``}
    order by ${jobs.createdAt}, ${jobs.id}
    limit 1
    for update skip locked)`;
  const [claimed] = await db
    .update(jobs)
    .set({
      status: 'running',
      leaseOwner: owner,
      leaseExpiresAt: leaseUntil(leaseMs),
      heartbeatAt: sql`now()`,
      attempts: sql`${jobs.attempts} + 1`,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      updatedAt: sql`now()`,
    })
    // Re-checked on the locked row: a job another worker claimed meanwhile is no longer queued.
    .where(and(eq(jobs.id, next), eq(jobs.status, 'queued')))
    .returning();
  return claimed ?? null;
}

/**
 * Puts running jobs whose lease ran out (their worker stopped) back in the queue, cursor kept, or fails those that
 * used up their attempts. Only `id` when given. Returns how many were requeued and failed.
 */
export async function reclaimExpiredJobs({ id, db = getDb() }: { id?: string; db?: Db } = {}): Promise<{ requeued: number; failed: number }> {
  const expired = and(eq(jobs.status, 'running'), lt(jobs.leaseExpiresAt, sql`now()`), id ? eq(jobs.id, id) : undefined);
  const rows = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then 'queued' else 'failed' end`,
      error: sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then ${jobs.error} else 'Its worker stopped ' || ${jobs.attempts} || ' times without finishing' end`,
      finishedAt: sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then null else now() end`,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: sql`now()`,
    })
    .where(expired)
    .returning({ status: jobs.status });
  const failed = rows.filter((row) => row.status === 'failed').length;
  return { requeued: rows.length - failed, failed };
}

/** Pauses a queued or running job (its worker stops at its next heartbeat or checkpoint). Returns it, or null. */
export async function pauseJob(ref: JobRef, db: Db | Tx = getDb()): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'paused', leaseOwner: null, leaseExpiresAt: null, updatedAt: sql`now()` })
    .where(and(refWhere(ref), inArray(jobs.status, ['queued', 'running'])))
    .returning();
  return row ?? null;
}

/** Puts a paused job back in the queue, where it resumes from its cursor. Returns it, or null. */
export async function resumeJob(ref: JobRef, db: Db | Tx = getDb()): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'queued', updatedAt: sql`now()` })
    .where(and(refWhere(ref), eq(jobs.status, 'paused')))
    .returning();
  return row ?? null;
}

/** Moves a job that is still queued to run after `runAfter` instead. Returns it, or null when it is no longer queued. */
export async function rescheduleJob(ref: JobRef, runAfter: Date, db: Db | Tx = getDb()): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ runAfter, updatedAt: sql`now()` })
    .where(and(refWhere(ref), eq(jobs.status, 'queued')))
    .returning();
  return row ?? null;
}

/** Cancels a queued, running or paused job for good (its worker stops at its next heartbeat or checkpoint). */
export async function cancelJob(ref: JobRef, reason: string | null = null, db: Db | Tx = getDb()): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'cancelled', error: reason, leaseOwner: null, leaseExpiresAt: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(refWhere(ref), ACTIVE))
    .returning();
  return row ?? null;
}

/**
 * Deletes jobs that finished more than `olderThanDays` ago: what they did stays in their domain's records (the
 * campaign's deliveries, the classification run, the metrics' last run). Returns how many went.
 */
export async function pruneFinishedJobs({ olderThanDays = 30, db = getDb() }: { olderThanDays?: number; db?: Db } = {}): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(notInArray(jobs.status, ['queued', 'running', 'paused']), lt(jobs.finishedAt, sql`now() - ${olderThanDays} * interval '1 day'`)))
    .returning({ id: jobs.id });
  return rows.length;
}
