import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { csvDownload } from '@/http/csv-download';
import type { CustomerExportFormat } from '@/lib/csv-formats';
import type { Actor } from '@/lib/types';
import { exportCustomersCsv } from '@/services/customer-export';

const OWNER: Actor = { type: 'system', id: null, role: 'owner', name: 'bench' };
const RSS_SAMPLE_MS = 25;

export interface ExportResult {
  format: CustomerExportFormat;
  rows: number;
  bytes: number;
  /** From the call to the header's bytes, and to the first page of rows, in ms. */
  firstByteMs: number;
  firstRowsMs: number;
  totalSeconds: number;
  rssBeforeMb: number;
  /** The highest resident set size sampled while the export ran. */
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/**
 * Exports every customer to /dev/null through the route's own stream (csvDownload's ReadableStream, the service's
 * pages), as a download would, timing the first bytes and the whole, and sampling memory as it goes.
 */
export async function measureExport(format: CustomerExportFormat): Promise<ExportResult> {
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), RSS_SAMPLE_MS);
  const started = performance.now();
  let firstByteMs = 0;
  let firstRowsMs = 0;
  let bytes = 0;
  try {
    const exported = exportCustomersCsv({ actor: OWNER, query: { format } });
    const body = csvDownload(exported).body as unknown as NodeReadableStream<Uint8Array>;
    const counted = Readable.fromWeb(body).on('data', (chunk: Buffer) => {
      const elapsed = performance.now() - started;
      if (bytes === 0) firstByteMs = elapsed;
      else if (firstRowsMs === 0) firstRowsMs = elapsed;
      bytes += chunk.length;
    });
    await pipeline(counted, createWriteStream('/dev/null'));
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { format, rows: exported.progress.rows, bytes, firstByteMs, firstRowsMs, totalSeconds: (performance.now() - started) / 1000, rssBeforeMb: mb(rssBefore), peakRssMb: mb(peakRss) };
  } finally {
    clearInterval(sampler);
  }
}

/** One line per export: rows, bytes, first byte, first rows, total, rows/s, RSS before and at peak. */
export function formatExport(result: ExportResult): string {
  const { format, rows, bytes, firstByteMs, firstRowsMs, totalSeconds, rssBeforeMb, peakRssMb } = result;
  return (
    `  ${format.padEnd(8)} ${rows.toLocaleString('en')} rows, ${mb(bytes).toLocaleString('en')} MB: first byte ${firstByteMs.toFixed(1)} ms, ` +
    `first rows ${firstRowsMs.toFixed(1)} ms, total ${totalSeconds.toFixed(1)} s, ${Math.round(rows / totalSeconds).toLocaleString('en')} rows/s, ` +
    `RSS ${rssBeforeMb} MB before, ${peakRssMb} MB peak`
  );
}
