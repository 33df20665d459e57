/** The import as a background job: reads the stored file, checkpoints after each batch, deletes the file when done. */
import type { ColumnTarget } from '@/lib/customer-import-formats';
import type { Actor } from '@/lib/types';

import { getDb } from '@/db/client';

import type { JobDefinition } from '../jobs/run';
import { emitWebhookEvent } from '../webhooks';
import { deleteImportFile, getImportFile, readImportFile } from './file-store';
import type { ImportReport } from './report';
import { runImport, type ImportCheckpoint } from './run-import';

export const CUSTOMER_IMPORT_JOB = 'customers.import';

export interface CustomerImportPayload {
  fileId: string;
  fileName: string;
  overwrite: boolean;
  mapping: Record<string, ColumnTarget>;
  /** Who started it: named on every timeline event the import writes. */
  actor: Actor;
  /** Rows per transaction and checkpoint (tests use small ones); DEFAULT_BATCH_SIZE when absent. */
  batchSize?: number;
}

export const customerImportJob: JobDefinition<CustomerImportPayload, ImportReport> = {
  kind: CUSTOMER_IMPORT_JOB,
  readPermission: 'customers:import',
  async run({ job, checkpoint }) {
    const { fileId, fileName, overwrite, mapping, actor, batchSize } = job.payload;
    const file = await getImportFile(fileId);
    // The line count less the header: exact unless quoted fields hold line breaks, so the end sets it to what was read.
    const total = Math.max(0, file.lineCount - 1);
    await checkpoint({ total });
    const report = await runImport({
      source: readImportFile(fileId),
      fileName,
      actor,
      overwrite,
      dryRun: false,
      mapping,
      jobId: job.id,
      batchSize,
      resumeFrom: (job.cursor as ImportCheckpoint | null) ?? null,
      onCheckpoint: (cursor, tx) => checkpoint({ cursor, done: Math.min(cursor.rowsDone, total), total }, tx),
    });
    // The event commits with the final checkpoint, which holds the lease: a worker that lost the job emits nothing. A
    // crash before the job is marked done resumes at the end and emits again (webhooks are at least once anyway).
    // Counts only: the problems quote rows, which hold personal data.
    const { problems: _problems, ...counts } = report;
    await getDb().transaction(async (tx) => {
      await checkpoint({ done: report.rows, total: report.rows }, tx);
      await emitWebhookEvent(tx, 'customers.import_finished', { jobId: job.id, ...counts });
    });
    await deleteImportFile(fileId);
    return report;
  },
};
