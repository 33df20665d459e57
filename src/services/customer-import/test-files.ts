// Builds test CSVs on the real header files with invented rows (tests only).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { getDb } from '@/db/client';
import type { Actor } from '@/lib/types';

import { storeImportFile } from './file-store';

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
  void getDb;
  return storeImportFile({ actor, fileName, body: [Buffer.from(text)] as unknown as AsyncIterable<Uint8Array> });
}
