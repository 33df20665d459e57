/**
 * Importing customers from CSV (Shopify's exports and template, WooCommerce's customer downloads, this shop's own
 * export, or any columns mapped by hand): a dry run says what would be created, updated and skipped, row by row; the
 * import itself runs as a background job (customer-import/job.ts) that any instance can take over and resume.
 */
import type { ColumnTarget } from '@/lib/customer-import-formats';
import type { Actor } from '@/lib/types';

import { deleteImportFile, getImportFile, pruneImportFiles, readImportFile, storeImportFile } from './customer-import/file-store';
import { CUSTOMER_IMPORT_JOB, customerImportJob, type CustomerImportPayload } from './customer-import/job';
import type { ImportReport } from './customer-import/report';
import { planColumns, runImport } from './customer-import/run-import';
import { readCsv } from './csv/read-csv';
import { ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { enqueueJob } from './jobs/queue';
import { readJob } from './jobs/read';
import { runJobInBackground } from './jobs/run';
import { assertCan } from './permissions';
import type { Job } from '@/lib/job-types';

export { CUSTOMER_IMPORT_JOB, customerImportJob } from './customer-import/job';
export { deleteImportFile, MAX_IMPORT_BYTES, storeImportFile } from './customer-import/file-store';
export type { ImportReport } from './customer-import/report';
export type { RowProblem } from './customer-import/row';

export interface ImportOptions {
  actor: Actor;
  fileId: string;
  overwrite?: boolean;
  mapping?: Record<string, ColumnTarget>;
}

/** What importing the stored file would do, writing nothing. Throws ForbiddenError, NotFoundError, ValidationFailedError (header). */
export async function dryRunCustomerImport({ actor, fileId, overwrite = false, mapping = {} }: ImportOptions): Promise<ImportReport & { fileId: string }> {
  assertCan(actor, 'customers:import');
  assertUuid(fileId, 'No uploaded file with this id');
  const file = await getImportFile(fileId);
  const report = await runImport({ source: readImportFile(fileId), fileName: file.fileName, actor, overwrite, dryRun: true, mapping });
  return { ...report, fileId };
}

/** Queues the import of a stored file and starts it in this process. Throws ForbiddenError, NotFoundError, ValidationFailedError (header). */
export async function startCustomerImport({ actor, fileId, overwrite = false, mapping = {} }: ImportOptions): Promise<Job> {
  assertCan(actor, 'customers:import');
  assertUuid(fileId, 'No uploaded file with this id');
  const file = await getImportFile(fileId);
  await assertReadableHeader(fileId, mapping);
  await pruneImportFiles();
  const payload: CustomerImportPayload = { fileId, fileName: file.fileName, overwrite, mapping, actor };
  // One import per file at a time: a double submit finds the same job.
  const job = await enqueueJob({ kind: CUSTOMER_IMPORT_JOB, key: `${CUSTOMER_IMPORT_JOB}:${fileId}`, payload: payload as unknown as Record<string, unknown> });
  runJobInBackground({ id: job.id, definition: customerImportJob });
  return (await readJob(job.id))!;
}

/** Refuses, before a job is queued, a file whose header is unknown (ValidationFailedError naming the columns). */
async function assertReadableHeader(fileId: string, mapping: Record<string, ColumnTarget>): Promise<void> {
  for await (const record of readCsv(readImportFile(fileId))) {
    if ('fields' in record) {
      planColumns(record.fields, mapping);
      return;
    }
    break;
  }
  throw new ValidationFailedError('The file has no header row', [{ path: 'file', message: 'The first line must name the columns' }]);
}

/**
 * Stores an uploaded CSV, then dry-runs it (the file is kept a day for the import to follow, by its `fileId`) or
 * starts its import. Throws ForbiddenError, PayloadTooLargeError, ValidationFailedError.
 */
export async function importCustomersCsv({ actor, fileName, body, overwrite = false, dryRun, mapping = {} }: { actor: Actor; fileName: string; body: AsyncIterable<Uint8Array>; overwrite?: boolean; dryRun: boolean; mapping?: Record<string, ColumnTarget> }) {
  assertCan(actor, 'customers:import');
  const file = await storeImportFile({ actor, fileName, body });
  try {
    return dryRun ? { report: await dryRunCustomerImport({ actor, fileId: file.id, overwrite, mapping }) } : { job: await startCustomerImport({ actor, fileId: file.id, overwrite, mapping }) };
  } catch (error) {
    await deleteImportFile(file.id);
    throw error;
  }
}
