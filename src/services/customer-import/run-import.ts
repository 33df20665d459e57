/**
 * The import's pipeline, shared by the dry run and the job: CSV records streamed from the stored file, each checked
 * (row.ts) and de-duplicated within the file (seen-keys.ts), then matched and written in batches (write-batch.ts).
 * While one batch is written, the next is read and checked, so the database and the parser work at once. Each batch
 * commits with its checkpoint (rows done, counts, problems so far): a job taken over after a crash reads the file
 * again from the start, checking the rows already done only to know their keys, and writes from the next one.
 */
import { readHeader, type ColumnTarget } from '@/lib/customer-import-formats';
import { getDb, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';

import { readCsv } from '../csv/read-csv';
import { ValidationFailedError } from '../errors';
import { LeaseLostError } from '../jobs/lease';
import { addRowProblems, emptyCounts, type ImportReport, type ReportCounts } from './report';
import { readRow, type ImportRow, type RowProblem } from './row';
import { SeenKeys } from './seen-keys';
import { planBatch, writeBatch, type BatchContext } from './write-batch';

/** What a checkpoint holds: enough to go on after the last committed batch. */
export interface ImportCheckpoint {
  rowsDone: number;
  counts: ReportCounts;
  problems: RowProblem[];
}

export interface RunImportOptions {
  source: AsyncIterable<Buffer | string>;
  fileName: string;
  actor: Actor;
  overwrite: boolean;
  dryRun: boolean;
  mapping?: Record<string, ColumnTarget>;
  jobId?: string | null;
  resumeFrom?: ImportCheckpoint | null;
  /** Called after each batch, in its transaction when writing, so the checkpoint commits with the rows. */
  onCheckpoint?: (checkpoint: ImportCheckpoint, tx?: Tx) => Promise<void>;
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 2_000;

interface Batch {
  rows: ImportRow[];
  problems: RowProblem[][];
  rowsDone: number;
}

/** The header checked: throws ValidationFailedError naming the unknown columns, or the file's problem. */
export function planColumns(header: string[], mapping: Record<string, ColumnTarget> = {}) {
  const reading = readHeader(header, mapping);
  if ('problem' in reading) throw new ValidationFailedError(reading.problem, [{ path: 'file', message: reading.problem }]);
  if ('unknown' in reading) {
    throw new ValidationFailedError(
      `Unknown columns: ${reading.unknown.map((column) => `"${column}"`).join(', ')}. Headers are case-sensitive; map each column to a field or skip it.`,
      reading.unknown.map((column) => ({ path: 'columns', message: `Unknown column "${column}"` })),
    );
  }
  return reading.plan;
}

/** Reads, checks and (unless a dry run) writes the whole file. Returns the report. Throws ValidationFailedError for the header. */
export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  const { actor, overwrite, dryRun, fileName, batchSize = DEFAULT_BATCH_SIZE } = options;
  const resumeFrom = options.resumeFrom ?? null;
  const counts = resumeFrom ? { ...resumeFrom.counts } : emptyCounts();
  const initialKept: RowProblem[] = resumeFrom ? [...resumeFrom.problems] : [];
  const context: BatchContext = { actor, overwrite, jobId: options.jobId ?? null, fileName };
  const records = readCsv(toAsyncIterable(options.source));
  const first = await records.next();
  if (first.done || !('fields' in first.value)) throw new ValidationFailedError('The file has no header row', [{ path: 'file', message: 'The first line must name the columns' }]);
  const plan = planColumns(first.value.fields, options.mapping);
  const seen = new SeenKeys();

  async function* batches(): AsyncGenerator<Batch> {
    let batch: Batch = { rows: [], problems: [], rowsDone: 0 };
    let rowsDone = 0;
    for await (const record of records) {
      if ('fields' in record && record.fields.every((field) => field.trim() === '')) continue;
      rowsDone += 1;
      const isReplay = resumeFrom !== null && rowsDone <= resumeFrom.rowsDone;
      if ('error' in record) {
        if (!isReplay) batch.problems.push([{ line: record.lineNumber, column: null, message: record.error, kind: 'error' }]);
      } else {
        const read = readRow(record.fields, record.lineNumber, plan);
        if ('problems' in read) {
          if (!isReplay) batch.problems.push(read.problems);
        } else {
          const { row } = read;
          const key = row.email ? `e:${row.email}` : `p:${row.phone}`;
          const firstLine = seen.firstLineOf(key, row.line);
          if (isReplay) continue;
          if (firstLine !== null) {
            const what = row.email ? 'e-mail' : 'phone';
            batch.problems.push([{ line: row.line, column: row.matchColumn, message: `Same ${what} as line ${firstLine}; only the first is imported`, kind: 'skipped' }]);
          } else batch.rows.push(row);
        }
      }
      if (isReplay) continue;
      batch.rowsDone = rowsDone;
      if (batch.rows.length + batch.problems.length >= batchSize) {
        yield batch;
        batch = { rows: [], problems: [], rowsDone };
      }
    }
    batch.rowsDone = Math.max(rowsDone, resumeFrom?.rowsDone ?? 0);
    yield batch;
  }

  let kept = initialKept;
  // One batch is written while the next is read: `writing` is the previous batch's write, awaited before the next.
  let writing: Promise<void> = Promise.resolve();
  for await (const batch of batches()) {
    await writing;
    writing = applyBatch(batch);
    // Keeps a failed write from being reported as unhandled while the next batch is read; it is awaited below.
    writing.catch(() => undefined);
  }
  await writing;
  return { fileName, format: plan.format, ignoredColumns: plan.ignored, overwrite, dryRun, ...counts, problems: kept };

  /** The counts and problems after a batch, without changing the running ones (a transaction may still roll back). */
  function tally(batch: Batch, outcome: Outcome) {
    const next = { ...counts, rows: batch.rowsDone, created: counts.created + outcome.created, updated: counts.updated + outcome.updated, unchanged: counts.unchanged + outcome.unchanged };
    const nextKept = [...kept];
    const perRow = [...batch.problems, ...outcome.problems.map((problem) => [problem])].sort((a, b) => a[0].line - b[0].line);
    for (const problems of perRow) addRowProblems(next, problems, nextKept);
    return { counts: next, kept: nextKept };
  }

  async function applyBatch(batch: Batch): Promise<void> {
    let result: ReturnType<typeof tally>;
    if (dryRun) {
      const planned = await planBatch(getDb(), batch.rows, context);
      result = tally(batch, { created: planned.creates.length, updated: planned.updates.length, unchanged: planned.unchanged, problems: planned.problems });
    } else {
      // Only a failed write falls back to row by row; a failed checkpoint (a lost lease, a lost connection) stops the run.
      let isWriteError = false;
      try {
        result = await getDb().transaction(async (tx) => {
          const outcome = await writeBatch(tx, await planBatch(tx, batch.rows, context), context).catch((error: unknown) => {
            isWriteError = true;
            throw error;
          });
          const next = tally(batch, outcome);
          await options.onCheckpoint?.({ rowsDone: batch.rowsDone, counts: next.counts, problems: next.kept }, tx);
          return next;
        });
      } catch (error) {
        if (!isWriteError) throw error;
        result = tally(batch, await writeRowByRow(batch.rows, error));
        await options.onCheckpoint?.({ rowsDone: batch.rowsDone, counts: result.counts, problems: result.kept });
      }
    }
    Object.assign(counts, result.counts);
    kept = result.kept;
  }

  /**
   * After a batch failed as a whole (a row the checks let through but the database refused), each row alone, so that
   * one bad row costs only itself.
   */
  async function writeRowByRow(rows: ImportRow[], batchError: unknown): Promise<Outcome> {
    console.error(`[customer-import] a batch of ${rows.length} rows failed; writing them one by one`, batchError);
    const outcome: Outcome = { created: 0, updated: 0, unchanged: 0, problems: [] };
    for (const row of rows) {
      try {
        const one = await getDb().transaction(async (tx) => writeBatch(tx, await planBatch(tx, [row], context), context));
        outcome.created += one.created;
        outcome.updated += one.updated;
        outcome.unchanged += one.unchanged;
        outcome.problems.push(...one.problems);
      } catch (error) {
        if (error instanceof LeaseLostError) throw error;
        outcome.problems.push({ line: row.line, column: null, message: 'The database refused this row; nothing of it was written', kind: 'error' });
      }
    }
    return outcome;
  }
}

interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

async function* toAsyncIterable(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* source;
}
