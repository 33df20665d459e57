import type { Figure, SweepRow } from './results';

/** Above this ratio to its floor, a write path misses the goal of issue 17 (completions within 1.3× at 1 and 8 workers). */
export const WRITE_FLOOR_GOAL = 1.3;

/** Case, p50 and p95 of the app, p50 of the floor, the ratio case/floor, and rows (milliseconds). */
export function formatFigures(figures: Figure[]): string {
  const header = ['case', 'p50 ms', 'p95 ms', 'floor p50', '× floor', 'rows', ''];
  return formatTable(
    header,
    figures.map((f) => [
      f.name,
      ms(f.p50),
      f.p95 === null ? '-' : ms(f.p95),
      f.floorP50 === null ? '-' : ms(f.floorP50),
      f.ratio === null ? '-' : f.ratio.toFixed(2),
      f.rows === null ? '-' : String(f.rows),
      // The floor must answer the same: a different row count makes its ratio meaningless, so it is said.
      [f.floorRows !== null && f.rows !== null && f.floorRows !== f.rows ? `floor gave ${f.floorRows} rows` : '', f.note ?? ''].filter(Boolean).join('; '),
    ]),
  );
}

export interface ThroughputRow {
  workers: number;
  orders: number;
  seconds: number;
  floorSeconds: number | null;
  /** Completions that were not applied (should be 0: each order is completed once), by the app and by the floor. */
  notApplied: number;
  floorNotApplied: number;
}

/** Workers, orders, seconds and orders/s of the app and of the floor, and their ratio against the 1.3× goal. */
export function formatThroughput(rows: ThroughputRow[]): string {
  const header = ['workers', 'orders', 'seconds', 'orders/s', 'floor orders/s', '× floor', 'not applied', ''];
  return formatTable(
    header,
    rows.map((r) => {
      const ratio = r.floorSeconds ? r.seconds / r.floorSeconds : null;
      return [
        String(r.workers),
        String(r.orders),
        r.seconds.toFixed(2),
        (r.orders / r.seconds).toFixed(0),
        r.floorSeconds ? (r.orders / r.floorSeconds).toFixed(0) : '-',
        ratio === null ? '-' : ratio.toFixed(2),
        `${r.notApplied}${r.floorSeconds ? ` / ${r.floorNotApplied}` : ''}`,
        ratio !== null && ratio > WRITE_FLOOR_GOAL && r.workers <= 8 ? `above ${WRITE_FLOOR_GOAL}× goal` : '',
      ];
    }),
  );
}

/** The sweep's table: filter, sort, time, rows returned, rows read per row returned, and a flag for plans gone wrong. */
export function formatSweep(rows: SweepRow[]): string {
  return formatTable(
    ['list', 'filter', 'sort', 'ms', 'rows', 'read/row', ''],
    rows.map((r) => [r.list, r.filter, r.sort, ms(r.ms), String(r.returned), r.worstReadRatio.toFixed(0), r.isFlagged ? 'READS TOO MUCH' : '']),
    3,
  );
}

// The first `textColumns` columns and notes (a column with an empty header) are left-aligned, the others
// right-aligned (numbers).
export function formatTable(header: string[], rows: string[][], textColumns = 1): string {
  // A notes column with no notes is left out.
  if (header.at(-1) === '' && rows.every((row) => row.at(-1) === '')) return formatTable(header.slice(0, -1), rows.map((row) => row.slice(0, -1)), textColumns);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < textColumns || header[i] === '' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ms(value: number): string {
  return value.toFixed(2);
}
