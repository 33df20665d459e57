import type { Timing } from './measure';

export interface CaseResult {
  name: string;
  timing: Timing;
}

/** A plain, aligned table: name, p50, p95, mean (milliseconds) and rows. */
export function formatResults(results: CaseResult[]): string {
  const header = ['case', 'p50 ms', 'p95 ms', 'mean ms', 'rows'];
  const rows = results.map(({ name, timing }) => [name, ms(timing.p50), ms(timing.p95), ms(timing.mean), String(timing.rows)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ms(value: number): string {
  return value.toFixed(2);
}
