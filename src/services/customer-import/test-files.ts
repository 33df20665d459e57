// Builds test CSVs on the real header files with invented rows (tests only).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Actor } from '@/lib/types';

import { enqueueJob } from '../jobs/queue';
import { runJobNow } from '../jobs/run';
import { storeImportFile } from './file-store';
import { CUSTOMER_IMPORT_JOB, customerImportJob, type CustomerImportPayload } from './job';

export const HEADER_FILES = {
  shopifyCurrent: 'shopify_customers_export_current.header.csv',
  shopifyWhatsapp: 'shopify_customers_export_current_with_whatsapp_and_metafields.header.csv',
  shopifyLegacy: 'shopify_customers_template_and_export_legacy.header.csv',
  shopifyLegacyId: 'shopify_customers_export_legacy_with_id.header.csv',
  wooServer: 'woocommerce_analytics_customers_export_server.header.csv',
  wooBrowser: 'woocommerce_analytics_customers_table_browser.header.csv',
} as const;

/** The header's columns, read from the fixture. */
export function headerOf(name: keyof typeof HEADER_FILES): string[] {
  return readFileSync(path.join(import.meta.dirname, 'fixtures', HEADER_FILES[name]), 'utf8').trim().split(',');
}

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A CSV with `header` and one line per row, each row given by column name (missing columns blank). */
export function csvOf(header: string[], rows: Record<string, string>[]): string {
  return [header.map(quote).join(','), ...rows.map((row) => header.map((column) => quote(row[column] ?? '')).join(','))].join('\n') + '\n';
}

/** Stores text as an uploaded file. */
export async function storeText(actor: Actor, text: string, fileName = 'customers.csv') {
  return storeImportFile({ actor, fileName, body: [Buffer.from(text)] as unknown as AsyncIterable<Uint8Array> });
}

/** Stores the text and imports it now, in this test (no background run); returns the job's report and id. */
export async function importNow(actor: Actor, text: string, { overwrite = false, fileName = 'customers.csv', batchSize }: { overwrite?: boolean; fileName?: string; batchSize?: number } = {}) {
  const file = await storeText(actor, text, fileName);
  const payload: CustomerImportPayload = { fileId: file.id, fileName, overwrite, mapping: {}, actor, batchSize };
  const job = await enqueueJob({ kind: CUSTOMER_IMPORT_JOB, payload: payload as unknown as Record<string, unknown> });
  const outcome = await runJobNow({ id: job.id, definition: customerImportJob });
  if (outcome?.status !== 'succeeded') throw new Error(`import ${outcome?.status}: ${String((outcome as { error?: unknown })?.error)}`);
  return { report: outcome.result, jobId: job.id };
}
