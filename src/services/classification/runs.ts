/**
 * Batch classification runs: every customer (or a customer-list filter) classified in id order, 500 at a time, as a
 * background job (services/jobs) that references the run. The run stays the domain record the UI and the API read:
 * status, filter, counts and cursor. Each batch's suggestions, the run's cursor and counts and the job's checkpoint are
 * written in one transaction, guarded by the cursor the batch started from and by the job's lease, so a crash loses at
 * most the batch in flight, a batch is never counted twice, and a worker that lost its lease writes nothing. A worker
 * whose process stopped is replaced once its lease runs out; a run left 'running' without a heartbeat for a minute
 * shows as interrupted and can be resumed by hand.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm';

import { getDb, type Db, type Tx } from '@/db/client';
import { classificationRuns, customers, type ClassificationRunRow } from '@/db/schema';
import { classificationRunCreateSchema, classificationRunFilterSchema, type ClassificationRun, type ClassificationRunCreateInput } from '@/lib/validation/classification-suggestions';
import type { Actor } from '@/lib/types';

import { customerFilterConditions } from '../customers/list';
import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { LeaseLostError } from '../jobs/lease';
import { cancelJob, enqueueJob, pauseJob, resumeJob } from '../jobs/queue';
import { runJobInBackground, runJobNow, type JobContext, type JobDefinition } from '../jobs/run';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { classifyCustomers, loadClassificationContext, type ClassificationContext } from './index';
import { storeSuggestions } from './suggestions';

const NOT_FOUND = 'No classification run with this id';
export const RUN_BATCH_SIZE = 500;
/** A running run whose heartbeat is older than this was interrupted (the process that ran it stopped). */
export const RUN_STALE_AFTER_MS = 60_000;
export const CLASSIFICATION_RUN_JOB = 'classification.run';
const jobKey = (runId: string) => `${CLASSIFICATION_RUN_JOB}:${runId}`;
// Serialises starting and resuming, so that two callers cannot both start a run.
const RUN_LOCK = sql`select pg_advisory_xact_lock(hashtext('classification_runs'))`;

function isInterrupted(row: ClassificationRunRow, now = Date.now()): boolean {
  return row.status === 'running' && (!row.heartbeatAt || now - row.heartbeatAt.getTime() > RUN_STALE_AFTER_MS);
}

function toRun(row: ClassificationRunRow): ClassificationRun {
  return {
    id: row.id,
    status: row.status,
    isInterrupted: isInterrupted(row),
    filter: row.filter,
    total: row.total,
    processed: row.processed,
    suggested: row.suggested,
    fallbacks: row.fallbacks,
    error: row.error,
    startedById: row.startedById,
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function filterWhere(filter: Record<string, unknown>) {
  return customerFilterConditions(parseInput(classificationRunFilterSchema, filter));
}

/** One run with its progress. Throws NotFoundError, ForbiddenError. */
export async function getClassificationRun({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationRun> {
  assertCan(actor, 'classification:read');
  assertUuid(id, NOT_FOUND);
  const [row] = await getDb().select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return toRun(row);
}

/** The most recent runs, newest first. Throws ForbiddenError. */
export async function listClassificationRuns({ actor, limit = 10 }: { actor: Actor; limit?: number }): Promise<ClassificationRun[]> {
  assertCan(actor, 'classification:read');
  const rows = await getDb().select().from(classificationRuns).orderBy(desc(classificationRuns.startedAt), desc(classificationRuns.id)).limit(Math.min(50, Math.max(1, limit)));
  return rows.map(toRun);
}

export interface RunOptions {
  /** Process in this process's background (the default); false leaves processing to processClassificationRun. */
  inBackground?: boolean;
  batchSize?: number;
  context?: ClassificationContext;
}

/** The run's job, queued (again, if it was paused) unless it is running or queued already. */
async function ensureRunJob(db: Db | Tx, runId: string) {
  await resumeJob({ key: jobKey(runId) }, db);
  return enqueueJob({ kind: CLASSIFICATION_RUN_JOB, key: jobKey(runId), payload: { runId }, db });
}

function spawn(jobId: string | undefined, options: RunOptions): void {
  if (!jobId || options.inBackground === false) return;
  runJobInBackground({ id: jobId, definition: classificationRunJob(options) });
}

/** Refuses when another run is going (or was interrupted and should be resumed instead). Call under RUN_LOCK. */
async function assertNoOtherRun(db: Db, exceptId?: string): Promise<void> {
  const running = await db.select().from(classificationRuns).where(eq(classificationRuns.status, 'running'));
  const other = running.find((row) => row.id !== exceptId);
  if (!other) return;
  throw new ConflictError(
    isInterrupted(other)
      ? 'A classification run was interrupted; resume or cancel it before starting another'
      : `A classification run is in progress (${other.processed.toLocaleString('en-GB')} of ${other.total.toLocaleString('en-GB')}); wait for it or pause it`,
  );
}

/**
 * Starts a run over every customer matching the filter ({} = all), counting them first, and processes it in the
 * background. Paused runs are superseded. Throws ForbiddenError, ValidationFailedError, ConflictError (one at a time).
 */
export async function startClassificationRun({ actor, input = {}, ...options }: { actor: Actor; input?: ClassificationRunCreateInput } & RunOptions): Promise<ClassificationRun> {
  assertCan(actor, 'classification:manage');
  const { filter } = parseInput(classificationRunCreateSchema, input);
  const conditions = customerFilterConditions(filter);
  // Store the filter as sent (dates as text), so that a resume parses it the same way.
  const storedFilter = Object.fromEntries(Object.entries((input as { filter?: Record<string, unknown> }).filter ?? {}).filter(([, v]) => v != null && v !== ''));
  const row = await getDb().transaction(async (tx) => {
    await tx.execute(RUN_LOCK);
    await assertNoOtherRun(tx as unknown as Db);
    const replaced = await tx
      .update(classificationRuns)
      .set({ status: 'failed', error: 'Replaced by a newer run', finishedAt: sql`now()` })
      .where(eq(classificationRuns.status, 'paused'))
      .returning({ id: classificationRuns.id });
    for (const { id } of replaced) await cancelJob({ key: jobKey(id) }, 'Replaced by a newer run', tx);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(customers).where(and(...conditions));
    const [created] = await tx
      .insert(classificationRuns)
      .values({ filter: storedFilter, total: Number(count), startedById: actor.type === 'staff' ? actor.id : null, heartbeatAt: sql`now()` })
      .returning();
    // In the foreground (inBackground: false) processClassificationRun queues the job when it starts.
    const job = options.inBackground === false ? undefined : await ensureRunJob(tx, created.id);
    return { ...created, jobId: job?.id };
  });
  spawn(row.jobId, options);
  return toRun(row);
}

/**
 * Continues a paused or interrupted run after its cursor. A run going in this process is returned as it is.
 * Throws NotFoundError, ForbiddenError, ConflictError (finished, or another run going).
 */
export async function resumeClassificationRun({ actor, id, ...options }: { actor: Actor; id: string } & RunOptions): Promise<ClassificationRun> {
  assertCan(actor, 'classification:manage');
  assertUuid(id, NOT_FOUND);
  const row = await getDb().transaction(async (tx) => {
    await tx.execute(RUN_LOCK);
    let [row] = await tx.select().from(classificationRuns).where(eq(classificationRuns.id, id)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.status === 'completed' || row.status === 'failed') throw new ConflictError(`This run has ${row.status === 'completed' ? 'finished' : 'stopped'}; start a new one`);
    if (!(row.status === 'running' && !isInterrupted(row))) {
      await assertNoOtherRun(tx as unknown as Db, id);
      [row] = await tx.update(classificationRuns).set({ status: 'running', error: null, heartbeatAt: sql`now()` }).where(eq(classificationRuns.id, id)).returning();
    }
    // A job already running elsewhere keeps it; one whose worker stopped is taken back by spawn.
    const job = options.inBackground === false ? undefined : await ensureRunJob(tx, id);
    return { ...row, jobId: job?.id };
  });
  spawn(row.jobId, options);
  return toRun(row);
}

/** Pauses a running run after the batch in flight (resume continues it). Throws NotFoundError, ForbiddenError, ConflictError. */
export async function pauseClassificationRun({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationRun> {
  return stopRun(actor, id, 'paused');
}

/** Cancels a running or paused run for good (its suggestions so far stay). Throws NotFoundError, ForbiddenError, ConflictError. */
export async function cancelClassificationRun({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationRun> {
  return stopRun(actor, id, 'failed');
}

async function stopRun(actor: Actor, id: string, status: 'paused' | 'failed'): Promise<ClassificationRun> {
  assertCan(actor, 'classification:manage');
  assertUuid(id, NOT_FOUND);
  const db = getDb();
  const from = status === 'paused' ? sql`status = 'running'` : sql`status in ('running', 'paused')`;
  const error = `Cancelled by ${actor.name}`;
  await db.transaction(async (tx) => {
    const stopped = await tx
      .update(classificationRuns)
      .set(status === 'paused' ? { status } : { status, error, finishedAt: sql`now()` })
      .where(and(eq(classificationRuns.id, id), from))
      .returning({ id: classificationRuns.id });
    // Its worker stops at its next checkpoint, which the job's new status refuses.
    if (stopped.length > 0) await (status === 'paused' ? pauseJob({ key: jobKey(id) }, tx) : cancelJob({ key: jobKey(id) }, error, tx));
  });
  const [row] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  if (row.status !== status) throw new ConflictError(`This run is ${row.status}, so it cannot be ${status === 'paused' ? 'paused' : 'cancelled'}`);
  return toRun(row);
}

interface ProcessOptions {
  batchSize?: number;
  context?: ClassificationContext;
  /** Stops after this many batches, leaving the rest to the next worker (as a crash would, between batches). */
  maxBatches?: number;
}

/** The job that processes one run; the worker loop runs it with the defaults. */
export function classificationRunJob(options: ProcessOptions = {}): JobDefinition<{ runId: string }, { status: string }> {
  return {
    kind: CLASSIFICATION_RUN_JOB,
    readPermission: 'classification:read',
    run: (job) => classifyBatches(job, options),
    // The run's own heartbeat is what shows it interrupted (isInterrupted), in the API and the dashboard.
    async onHeartbeat(job) {
      await getDb().update(classificationRuns).set({ heartbeatAt: sql`now()` }).where(and(eq(classificationRuns.id, job.payload.runId), eq(classificationRuns.status, 'running')));
    },
  };
}

/**
 * Processes a running run from its cursor until done, paused or cancelled, here and now, holding the run's job
 * (queued if it has none). A run whose job another worker holds, or that is not running, is returned as it is.
 * Returns the run as it was left. Throws NotFoundError, or the error that stopped the run (which pauses it).
 */
export async function processClassificationRun({ id, ...options }: { id: string } & ProcessOptions): Promise<ClassificationRunRow> {
  const db = getDb();
  const [start] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (!start) throw new NotFoundError(NOT_FOUND);
  if (start.status === 'running') {
    const job = await ensureRunJob(db, id);
    const outcome = await runJobNow({ id: job.id, definition: classificationRunJob(options) });
    if (outcome?.status === 'failed') throw outcome.error;
  }
  const [row] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  return row;
}

/**
 * The next batch of customer ids after the cursor, classified with one context, then suggestions + cursor + counts +
 * the job's checkpoint in one transaction that commits only if the run is still running from the same cursor and the
 * job is still this worker's; until none are left, or the run or the job is stopped.
 */
async function classifyBatches({ job, checkpoint, release }: JobContext<{ runId: string }>, { batchSize = RUN_BATCH_SIZE, context, maxBatches = Infinity }: ProcessOptions): Promise<{ status: string }> {
  const db = getDb();
  const id = job.payload.runId;
  const [start] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (start?.status !== 'running') return { status: start?.status ?? 'missing' };
  const where = filterWhere(start.filter);
  const ctx = context ?? (await loadClassificationContext());
  let cursor = start.cursor;
  try {
    for (let batches = 0; ; batches += 1) {
      if (batches >= maxBatches) {
        await release();
        return { status: 'running' };
      }
      const ids = (
        await db
          .select({ id: customers.id })
          .from(customers)
          .where(and(...where, cursor ? gt(customers.id, cursor) : undefined))
          .orderBy(customers.id)
          .limit(batchSize)
      ).map((row) => row.id);
      if (ids.length === 0) {
        await db.update(classificationRuns).set({ status: 'completed', finishedAt: sql`now()`, heartbeatAt: sql`now()` }).where(and(eq(classificationRuns.id, id), eq(classificationRuns.status, 'running')));
        return { status: 'completed' };
      }
      const results = [...(await classifyCustomers(ids, { context: ctx })).values()];
      const last = ids[ids.length - 1];
      const isCommitted = await db.transaction(async (tx) => {
        const [run] = await tx.select().from(classificationRuns).where(eq(classificationRuns.id, id)).for('update');
        // Paused, cancelled, or another worker got here first: this batch is not ours to write.
        if (!run || run.status !== 'running' || run.cursor !== cursor) return false;
        const suggested = await storeSuggestions(tx, results, id);
        await tx
          .update(classificationRuns)
          .set({
            cursor: last,
            processed: sql`${classificationRuns.processed} + ${ids.length}`,
            suggested: sql`${classificationRuns.suggested} + ${suggested}`,
            fallbacks: sql`${classificationRuns.fallbacks} + ${results.filter((r) => r.fallbackReason).length}`,
            heartbeatAt: sql`now()`,
          })
          .where(eq(classificationRuns.id, id));
        // Throws (rolling the batch back) when the job is no longer this worker's.
        await checkpoint({ cursor: last, done: run.processed + ids.length, total: run.total }, tx);
        return true;
      });
      if (!isCommitted) {
        // The run was stopped by hand (its job with it); anything else leaves the job to the next worker.
        await release();
        return { status: 'stopped' };
      }
      cursor = last;
    }
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    await db
      .update(classificationRuns)
      .set({ status: 'paused', error: `Stopped by an error: ${String((error as Error)?.message ?? error).slice(0, 300)}; resume to retry` })
      .where(and(eq(classificationRuns.id, id), eq(classificationRuns.status, 'running')));
    throw error;
  }
}
