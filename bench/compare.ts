// --compare OLD.json: each figure's median against an earlier run's, so that a commit that made something slower shows
// at once. Figures are matched by name; every figure is a time, so a rise is a slowdown.
import { formatTable } from './report';
import type { BenchRun } from './results';

/** A change above this share of the old median is marked as slower (or faster); below it is noise on a shared machine. */
export const SLOWER_SHARE = 0.1;

export interface FigureChange {
  name: string;
  oldP50: number | null;
  newP50: number | null;
  /** (new - old) / old, null when the figure is in one run only or the old median is 0. */
  change: number | null;
  verdict: 'slower' | 'faster' | 'same' | 'new' | 'gone';
}

export function compareRuns(old: BenchRun, current: BenchRun, share = SLOWER_SHARE): FigureChange[] {
  const before = new Map(old.figures.map((figure) => [figure.name, figure.p50]));
  const changes: FigureChange[] = current.figures.map(({ name, p50 }) => {
    const oldP50 = before.get(name);
    if (oldP50 === undefined) return { name, oldP50: null, newP50: p50, change: null, verdict: 'new' };
    const change = oldP50 > 0 ? (p50 - oldP50) / oldP50 : null;
    const verdict = change === null ? 'same' : change > share ? 'slower' : change < -share ? 'faster' : 'same';
    return { name, oldP50, newP50: p50, change, verdict };
  });
  const now = new Set(current.figures.map((figure) => figure.name));
  for (const figure of old.figures) if (!now.has(figure.name)) changes.push({ name: figure.name, oldP50: figure.p50, newP50: null, change: null, verdict: 'gone' });
  return changes;
}

const MARKS: Record<FigureChange['verdict'], string> = { slower: '<< SLOWER', faster: 'faster', same: '', new: 'new case', gone: 'not run now' };

/** The table of changes, a line on what differs between the two runs' machines and data, and a count of slower cases. */
export function formatComparison(old: BenchRun, current: BenchRun, share = SLOWER_SHARE): string {
  const changes = compareRuns(old, current, share);
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(2));
  const percent = (change: number | null) => (change === null ? '-' : `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}%`);
  const table = formatTable(
    ['case', 'old p50 ms', 'new p50 ms', 'change', ''],
    changes.map((c) => [c.name, ms(c.oldP50), ms(c.newP50), percent(c.change), MARKS[c.verdict]]),
  );
  const slower = changes.filter((c) => c.verdict === 'slower');
  const describe = (run: BenchRun) => {
    const { machine } = run;
    const db = machine.database;
    return `${machine.commit}${machine.isDirty ? '+changes' : ''} on ${machine.date.slice(0, 16)}, ${machine.cpus} cpus, ${db.kind} ${db.version}, ${db.customers.toLocaleString('en')} customers, ${db.orders.toLocaleString('en')} orders, ${db.sizeMb.toLocaleString('en')} MB`;
  };
  return [
    `Old: ${describe(old)}`,
    `New: ${describe(current)}`,
    table,
    slower.length
      ? `${slower.length} case${slower.length === 1 ? '' : 's'} more than ${share * 100}% slower: ${slower.map((c) => c.name).join('; ')}`
      : `No case more than ${share * 100}% slower.`,
  ].join('\n');
}
