import { formatMoney } from '@/lib/format';
import { importOrders, type ImportProgress, type ImportSummary } from '@/services/order-import/import';

import { UsageError, type CliCommand } from './types';

const number = (value: number) => value.toLocaleString('en');

const SKIP_LABELS: Record<keyof ImportSummary['skipped'], string> = {
  guest: 'guest checkout (no customer id)',
  adjustment: 'adjustment (A invoice)',
  zeroQuantity: 'zero quantity',
  negativeQuantity: 'negative quantity on a sale invoice',
  positiveCancellation: 'positive quantity on a cancellation',
  unparseable: 'unreadable',
  outOfSequence: 'invoice already written',
};

/** A one-line progress bar, redrawn in place on stderr (stdout stays clean for the summary). */
function progressBar(started: number): (progress: ImportProgress) => void {
  let lastDraw = 0;
  return ({ lines, bytesRead, totalBytes }) => {
    const now = performance.now();
    const isDone = bytesRead >= totalBytes;
    if (!isDone && now - lastDraw < 200) return;
    lastDraw = now;
    const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const perSecond = lines / Math.max((now - started) / 1000, 0.001);
    process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${number(lines)} lines  ${number(Math.round(perSecond))} lines/s `);
  };
}

function summaryLines(summary: ImportSummary, seconds: number, peakRssMb: number): string[] {
  const money = (minor: number) => formatMoney(minor, summary.currency);
  const { customers, orders, refunds, skipped } = summary;
  const skippedTotal = Object.values(skipped).reduce((sum, count) => sum + count, 0);
  const skips = (Object.keys(skipped) as (keyof typeof skipped)[]).filter((reason) => skipped[reason] > 0).map((reason) => `    ${number(skipped[reason]).padStart(9)}  ${SKIP_LABELS[reason]}`);
  return [
    `Imported ${summary.file}${summary.isGzip ? ' (gzip)' : ''} in ${seconds.toFixed(1)} s, peak memory ${peakRssMb} MB.`,
    `  lines read      ${number(summary.lines)}`,
    `  customers       ${number(customers.created)} created, ${number(customers.found)} found`,
    `  orders          ${number(orders.imported)} imported (${money(orders.total)}, ${number(orders.items)} items), ${number(orders.alreadyPresent)} already present`,
    `  refunds         ${number(refunds.cancellations)} cancellations refunded: ${money(refunds.amount)} over ${number(refunds.rows)} orders; ${number(refunds.alreadyRefunded)} already refunded`,
    `  not refunded    ${number(refunds.unmatched.lines)} lines of ${number(refunds.unmatched.cancellations)} cancellations, ${money(refunds.unmatched.amount)}: no earlier purchase of the product in the file to refund`,
    `  lines skipped   ${number(skippedTotal)}`,
    ...skips,
    ...summary.problems.map(({ lineNumber, problem }) => `      line ${number(lineNumber)}: ${problem}`),
    ...(summary.pricesRounded ? [`  prices rounded  ${number(summary.pricesRounded)} lines had fractions of a penny, rounded to the nearest penny`] : []),
    ...(summary.duplicateLines ? [`  duplicate lines ${number(summary.duplicateLines)} repeat an earlier line of their invoice; imported as they are`] : []),
  ];
}

export const importOrdersCommand: CliCommand = {
  usage: 'import-orders <file> [--batch-size N] [--time-zone Europe/London]',
  summary:
    'Import an invoice-line CSV (plain or gzip\'d; InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country) as customers, completed orders and refunds; safe to re-run.',
  options: { 'batch-size': { type: 'string' }, 'time-zone': { type: 'string' } },
  positionals: 1,
  async run({ values, positionals, actor, print }) {
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new UsageError('--batch-size takes a whole number of invoices per transaction');
    const timeZone = typeof values['time-zone'] === 'string' ? values['time-zone'] : undefined;
    const started = performance.now();
    const summary = await importOrders({ actor, path: positionals[0], batchSize, timeZone, onProgress: progressBar(started) });
    process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    // maxRSS is in kilobytes.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    summaryLines(summary, seconds, peakRssMb).forEach((line) => print(line));
  },
};
