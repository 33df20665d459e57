/**
 * Batch classification runs: every customer (or a customer-list filter) classified in id order, 500 at a time, in
 * the background of the server process. Each batch's suggestions and the run's cursor and counts are written in one
 * transaction, guarded by the cursor the batch started from, so a crash loses at most the batch in flight and a batch
 * is never counted twice. A run left 'running' without a heartbeat for a minute was interrupted and can be resumed.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm';

import { getDb, type Db } from '@/db/client';
import { classificationRuns, customers, type ClassificationRunRow } from '@/db/schema';
import { classificationRunCreateSchema, classificationRunFilterSchema, type ClassificationRun, type ClassificationRunCreateInput } from '@/lib/validation/classification-suggestions';
import type { Actor } from '@/lib/types';

import { customerFilterConditions } from '../customers/list';
import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { classifyCustomers, loadClassificationContext, type ClassificationContext } from './index';
import { storeSuggestions } from './suggestions';

const NOT_FOUND = 'No classification run with this id';
export const RUN_BATCH_SIZE = 500;
/** A running run whose heartbeat is older than this was interrupted (the process that ran it stopped). */
export const RUN_STALE_AFTER_MS = 60_000;
const HEARTBEAT_EVERY_MS = 15_000;
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

const globalForRuns = globalThis as unknown as { classificationRunsInFlight?: Set<string> };
const inFlight = () => (globalForRuns.classificationRunsInFlight ??= new Set());

function spawn(id: string, options: RunOptions): void {
  if (options.inBackground === false || inFlight().has(id)) return;
  inFlight().add(id);
  void processClassificationRun({ id, batchSize: options.batchSize, context: options.context })
    .catch((error: unknown) => console.error(`classification run ${id} stopped; resume it to continue`, error))
    .finally(() => inFlight().delete(id));
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
    await tx
      .update(classificationRuns)
      .set({ status: 'failed', error: 'Replaced by a newer run', finishedAt: sql`now()` })
      .where(eq(classificationRuns.status, 'paused'));
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(customers).where(and(...conditions));
    const [created] = await tx
      .insert(classificationRuns)
      .values({ filter: storedFilter, total: Number(count), startedById: actor.type === 'staff' ? actor.id : null, heartbeatAt: sql`now()` })
      .returning();
    return created;
  });
  spawn(row.id, options);
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
    const [row] = await tx.select().from(classificationRuns).where(eq(classificationRuns.id, id)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.status === 'completed' || row.status === 'failed') throw new ConflictError(`This run has ${row.status === 'completed' ? 'finished' : 'stopped'}; start a new one`);
    if (row.status === 'running' && !isInterrupted(row)) return row;
    await assertNoOtherRun(tx as unknown as Db, id);
    const [resumed] = await tx.update(classificationRuns).set({ status: 'running', error: null, heartbeatAt: sql`now()` }).where(eq(classificationRuns.id, id)).returning();
    return resumed;
  });
  spawn(row.id, options);
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
  await db
    .update(classificationRuns)
    .set(status === 'paused' ? { status } : { status, error: `Cancelled by ${actor.name}`, finishedAt: sql`now()` })
    .where(and(eq(classificationRuns.id, id), from));
  const [row] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  if (row.status !== status) throw new ConflictError(`This run is ${row.status}, so it cannot be ${status === 'paused' ? 'paused' : 'cancelled'}`);
  return toRun(row);
}

/**
 * Processes a running run from its cursor until done, paused or cancelled: the next batch of customer ids after the
 * cursor, classified with one context, then suggestions + cursor + counts in one transaction that commits only if
 * the run is still running from the same cursor. `maxBatches` stops early (as a crash would, between batches).
 * Returns the run as it was left.
 */
export async function processClassificationRun({ id, batchSize = RUN_BATCH_SIZE, context, maxBatches = Infinity }: { id: string; batchSize?: number; context?: ClassificationContext; maxBatches?: number }): Promise<ClassificationRunRow> {
  const db = getDb();
  const [start] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  if (!start) throw new NotFoundError(NOT_FOUND);
  const where = filterWhere(start.filter);
  const ctx = context ?? (await loadClassificationContext());
  let cursor = start.cursor;
  const heartbeat = setInterval(() => {
    void db
      .update(classificationRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(classificationRuns.id, id), eq(classificationRuns.status, 'running')))
      .catch(() => undefined);
  }, HEARTBEAT_EVERY_MS);
  try {
    for (let batches = 0; batches < maxBatches; batches += 1) {
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
        break;
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
        return true;
      });
      if (!isCommitted) break;
      cursor = last;
    }
  } catch (error) {
    await db
      .update(classificationRuns)
      .set({ status: 'paused', error: `Stopped by an error: ${String((error as Error)?.message ?? error).slice(0, 300)}; resume to retry` })
      .where(and(eq(classificationRuns.id, id), eq(classificationRuns.status, 'running')));
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  const [row] = await db.select().from(classificationRuns).where(eq(classificationRuns.id, id));
  return row;
}
