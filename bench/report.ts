import type { ThroughputResult } from './completions';
import type { Timing } from './measure';

export interface CaseResult {
  name: string;
  timing: Timing;
}

/** A plain, aligned table: name, p50, p95, mean (milliseconds) and rows. */
export function formatResults(results: CaseResult[]): string {
  const header = ['case', 'p50 ms', 'p95 ms', 'mean ms', 'rows'];
  return formatTable(header, results.map(({ name, timing }) => [name, ms(timing.p50), ms(timing.p95), ms(timing.mean), String(timing.rows)]));
}

/** Workers, orders completed, wall-clock seconds, orders per second, and completions that were not applied. */
export function formatThroughput(results: ThroughputResult[]): string {
  const header = ['workers', 'orders', 'seconds', 'orders/s', 'not applied'];
  return formatTable(
    header,
    results.map((r) => [String(r.workers), String(r.orders), r.seconds.toFixed(2), (r.orders / r.seconds).toFixed(0), String(r.notApplied)]),
  );
}

// The first column is left-aligned, the others right-aligned (numbers).
function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ms(value: number): string {
  return value.toFixed(2);
}
