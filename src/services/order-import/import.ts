import { basename } from 'node:path';

import { getDb } from '@/db/client';
import { SHOP_CURRENCY } from '@/lib/config';
import type { Actor } from '@/lib/types';

import { readCsv } from '../csv/read-csv';
import { ValidationFailedError } from '../errors';
import { assertCan } from '../permissions';
import { InvoiceBatcher, type Invoice } from './invoices';
import { InvoiceLineParser, SKIP_REASONS, type SkipReason } from './parse';
import { openImportSource } from './source';
import { writeInvoiceBatch, type BatchResult } from './write-batch';

export interface ImportProgress {
  lines: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportSummary {
  file: string;
  isGzip: boolean;
  currency: string;
  /** Data lines read (the header and the continuation lines of quoted line breaks not counted). */
  lines: number;
  customers: { created: number; found: number };
  orders: { imported: number; alreadyPresent: number; items: number; total: number };
  refunds: {
    /** Cancellation invoices refunded now (some line matched), the refund rows that made (one per order refunded), and their sum. */
    cancellations: number;
    rows: number;
    amount: number;
    alreadyRefunded: number;
    /**
     * What of the cancellations matched no earlier purchase of the product in the file (bought before it starts, or
     * by a customer who only returned things): the cancellations with such a part, their lines, and the amount.
     */
    unmatched: { cancellations: number; lines: number; amount: number };
  };
  skipped: Record<SkipReason, number>;
  /** The first few lines that could not be read, with why. */
  problems: { lineNumber: number; problem: string }[];
  /** Lines whose price had fractions of a penny, rounded to the nearest penny. */
  pricesRounded: number;
  /** Lines identical to an earlier line of their invoice; imported like any other line. */
  duplicateLines: number;
}

export interface ImportOrdersOptions {
  actor: Actor;
  path: string;
  /** Invoices per transaction. */
  batchSize?: number;
  /** How many lines apart two lines of one invoice may be (the file is in invoice order, nearly). */
  holdLines?: number;
  /** The zone of the file's wall-clock times. */
  timeZone?: string;
  onProgress?: (progress: ImportProgress) => void;
}

const MAX_PROBLEMS = 10;
const PROGRESS_EVERY_LINES = 10_000;

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ValidationFailedError('Unknown time zone', [{ path: 'timeZone', message: `"${timeZone}" is not an IANA time zone such as Europe/London` }]);
  }
}

function addBatch(summary: ImportSummary, result: BatchResult, seen: Set<string>): void {
  summary.customers.created += result.customersCreated;
  // A customer counts once per run: created in its first batch, found if it existed before the run.
  let newlySeen = 0;
  for (const id of result.customerExternalIds) {
    if (!seen.has(id)) {
      seen.add(id);
      newlySeen += 1;
    }
  }
  summary.customers.found += newlySeen - result.customersCreated;
  summary.orders.imported += result.ordersImported;
  summary.orders.alreadyPresent += result.ordersAlreadyPresent;
  summary.orders.items += result.itemsImported;
  summary.orders.total += result.importedTotal;
  summary.refunds.cancellations += result.cancellationsRefunded;
  summary.refunds.rows += result.refundRows;
  summary.refunds.amount += result.refundedAmount;
  summary.refunds.alreadyRefunded += result.cancellationsAlreadyRefunded;
  summary.refunds.unmatched.cancellations += result.unmatchedCancellations;
  summary.refunds.unmatched.lines += result.unmatchedLines;
  summary.refunds.unmatched.amount += result.unmatchedAmount;
}

/**
 * Imports an invoice-line CSV (plain or gzip'd) as customers, completed orders and refunds, streaming it and writing
 * each batch of invoices in one transaction; a re-run adds nothing already there. Prices are read as amounts of
 * the shop currency. Throws ValidationFailedError (not an invoice-line CSV, a quote never closed, unknown time
 * zone), ForbiddenError.
 */
export async function importOrders(options: ImportOrdersOptions): Promise<ImportSummary> {
  const { actor, path, batchSize = 2_000, holdLines, timeZone = 'Europe/London', onProgress } = options;
  assertCan(actor, 'orders:write');
  assertCan(actor, 'orders:refund');
  assertTimeZone(timeZone);
  const source = await openImportSource(path);
  const summary: ImportSummary = {
    file: basename(path),
    isGzip: source.isGzip,
    currency: SHOP_CURRENCY,
    lines: 0,
    customers: { created: 0, found: 0 },
    orders: { imported: 0, alreadyPresent: 0, items: 0, total: 0 },
    refunds: { cancellations: 0, rows: 0, amount: 0, alreadyRefunded: 0, unmatched: { cancellations: 0, lines: 0, amount: 0 } },
    skipped: Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>,
    problems: [],
    pricesRounded: 0,
    duplicateLines: 0,
  };
  const context = { actor, currency: SHOP_CURRENCY, source: summary.file };
  const batcher = new InvoiceBatcher(batchSize, holdLines);
  // External ids of this run's customers, to count each once; it grows with customers, not with lines.
  const seenCustomers = new Set<string>();
  const skip = (reason: SkipReason, lineNumber: number, problem?: string) => {
    summary.skipped[reason] += 1;
    if (problem && summary.problems.length < MAX_PROBLEMS) summary.problems.push({ lineNumber, problem });
  };

  // While one batch is written, the next is read and parsed: the database and the parser work at the same time.
  let writing: Promise<void> = Promise.resolve();
  const write = async (batch: Invoice[]) => {
    await writing;
    writing = getDb()
      .transaction((tx) => writeInvoiceBatch(tx, batch, context))
      .then((result) => addBatch(summary, result, seenCustomers));
    // The failure is rethrown by the next await of `writing`; this only stops Node calling it unhandled meanwhile.
    writing.catch(() => {});
  };

  let parser: InvoiceLineParser | undefined;
  let lastLineNumber = 0;
  try {
    for await (const record of readCsv(source.bytes)) {
      lastLineNumber = record.lineNumber;
      if (!parser) {
        if ('error' in record) throw new ValidationFailedError('The file is not an invoice-line CSV', [{ path: 'file', message: `Its header is not valid CSV (${record.error})` }]);
        parser = new InvoiceLineParser(record.fields, timeZone);
        continue;
      }
      summary.lines += 1;
      if (summary.lines % PROGRESS_EVERY_LINES === 0) onProgress?.({ lines: summary.lines, bytesRead: source.bytesRead(), totalBytes: source.totalBytes });
      if ('error' in record) {
        skip('unparseable', record.lineNumber, record.error);
        continue;
      }
      const result = parser.parse(record.fields);
      if ('skip' in result) {
        skip(result.skip, record.lineNumber, result.problem);
        continue;
      }
      if (result.line.isPriceRounded) summary.pricesRounded += 1;
      const refused = batcher.add(result.line, record.lineNumber, record.fields);
      if (refused) {
        skip(refused.skip, record.lineNumber, refused.problem);
        continue;
      }
      const batch = batcher.takeBatch(record.lineNumber);
      if (batch) await write(batch);
    }
    if (!parser) throw new ValidationFailedError('The file is empty', [{ path: 'file', message: 'The file has no header line' }]);
    const last = batcher.takeBatch(lastLineNumber, true);
    if (last) await write(last);
  } finally {
    // Also on failure: a batch still being written must settle before the caller closes the database.
    await writing.catch(() => {});
  }
  await writing;
  summary.duplicateLines = batcher.duplicateLines;
  onProgress?.({ lines: summary.lines, bytesRead: source.totalBytes, totalBytes: source.totalBytes });
  return summary;
}
