import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { BENCH_USAGE, parseBenchArgs } from '../../bench/args';
import { compareRuns, formatComparison } from '../../bench/compare';
import { checkPlan, planOf, type PlanNode } from '../../bench/plan-rows';
import { formatFigures } from '../../bench/report';
import { parseRun, readRun, RESULTS_VERSION, writeRun, type BenchRun, type Figure } from '../../bench/results';

// The bench's own arithmetic: what --compare says changed, what --json keeps, and which plans the sweep flags. A
// bench that misreports itself sends the next person after the wrong commit.

const figure = (name: string, p50: number, extra: Partial<Figure> = {}): Figure => ({
  name,
  section: 'reads',
  p50,
  p95: p50 * 1.5,
  rows: 50,
  floorP50: null,
  floorRows: null,
  ratio: null,
  ...extra,
});

const run = (figures: Figure[], commit = 'abc123'): BenchRun => ({
  version: RESULTS_VERSION,
  machine: {
    date: '2026-12-06T08:00:00.000Z',
    commit,
    isDirty: false,
    cpus: 2,
    cpuModel: 'test cpu',
    memoryGb: 8,
    loadAverage: [1, 1, 1],
    node: 'v20',
    database: { kind: 'postgres', version: '15.20', sizeMb: 1300, customers: 100_000, orders: 500_000 },
  },
  options: { iterations: 50 },
  figures,
  sweep: [],
});

describe('bench --compare', () => {
  const old = run([figure('first page', 10), figure('search', 20), figure('overview', 100), figure('dropped case', 5)], 'old111');
  const current = run([figure('first page', 11.5), figure('search', 20.5), figure('overview', 80), figure('new case', 3)], 'new222');

  it('marks a case more than 10% slower, one more than 10% faster, and leaves the rest as the same', () => {
    const changes = new Map(compareRuns(old, current).map((change) => [change.name, change]));
    expect(changes.get('first page')).toMatchObject({ oldP50: 10, newP50: 11.5, verdict: 'slower' });
    expect(changes.get('first page')!.change).toBeCloseTo(0.15);
    expect(changes.get('search')).toMatchObject({ verdict: 'same' });
    expect(changes.get('overview')).toMatchObject({ verdict: 'faster' });
    expect(changes.get('overview')!.change).toBeCloseTo(-0.2);
    expect(changes.get('new case')).toMatchObject({ oldP50: null, verdict: 'new' });
    expect(changes.get('dropped case')).toMatchObject({ newP50: null, verdict: 'gone' });
  });

  it('prints old and new p50 with the change in %, the slower case marked and named in the summary, and both commits', () => {
    const text = formatComparison(old, current);
    const line = (name: string) => text.split('\n').find((row) => row.startsWith(name))!;
    expect(line('first page')).toMatch(/10\.00\s+11\.50\s+\+15\.0%\s+<< SLOWER/);
    expect(line('search')).toMatch(/20\.00\s+20\.50\s+\+2\.5%$/);
    expect(line('overview')).toMatch(/100\.00\s+80\.00\s+-20\.0%\s+faster/);
    expect(line('new case')).toMatch(/-\s+3\.00\s+-\s+new case/);
    expect(text).toContain('1 case more than 10% slower: first page');
    expect(text).toMatch(/Old: old111 .*100,000 customers/);
    expect(text).toMatch(/New: new222 /);
  });

  it('says so when nothing got slower', () => {
    expect(formatComparison(old, run([figure('first page', 10.5)]))).toContain('No case more than 10% slower.');
  });
});

describe('bench --json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, so a later run can compare against it', () => {
    const written = run([figure('first page', 1.25, { floorP50: 0.5, floorRows: 50, ratio: 2.5, note: 'a note' })]);
    const file = path.join(dir, 'run.json');
    writeRun(file, written);
    const read = readRun(file);
    expect(read).toEqual(written);
    expect(compareRuns(read, written).every((change) => change.verdict === 'same')).toBe(true);
  });

  it('refuses a file that is not a bench run of this version', () => {
    expect(() => parseRun(JSON.stringify({ ...run([]), version: RESULTS_VERSION + 1 }), 'old.json')).toThrow(/old\.json is not the JSON of a bench run/);
    expect(() => parseRun('{"figures": []}')).toThrow(/not the JSON of a bench run/);
  });
});

describe('bench arguments', () => {
  it('has defaults that bench 100,000 customers, writing no file and comparing with none', () => {
    const args = parseBenchArgs([]);
    expect(args).toMatchObject({ customers: 100_000, iterations: 50, completions: 1000, importRows: 100_000, jsonFile: null, compareFile: null, againstFile: null, webhookEvents: null });
    expect(args.skip.size).toBe(0);
  });

  it('takes --json, --compare, --skip and numbers written with underscores', () => {
    const args = parseBenchArgs(['--json', 'new.json', '--compare', 'old.json', '--skip', 'sweep, import', '--customers', '1_000_000', '--import-rows', '0']);
    expect(args).toMatchObject({ jsonFile: 'new.json', compareFile: 'old.json', customers: 1_000_000, importRows: 0 });
    expect([...args.skip]).toEqual(['sweep', 'import']);
  });

  it('refuses an unknown section, a bad number and an unknown flag, with the usage', () => {
    expect(() => parseBenchArgs(['--skip', 'reads'])).toThrow(/--skip takes writes, completions/);
    expect(() => parseBenchArgs(['--iterations', '0'])).toThrow(/--iterations must be a whole number ≥ 1/);
    expect(() => parseBenchArgs(['--iterations', 'many'])).toThrow(BENCH_USAGE.split('\n')[0]);
    expect(() => parseBenchArgs(['--itrations', '5'])).toThrow(/itrations/);
    expect(() => parseBenchArgs(['--against', 'new.json'])).toThrow(/--against compares with the file of --compare/);
  });

  it('documents every flag it takes in --help', () => {
    for (const flag of ['--json', '--compare', '--against', '--skip', '--iterations', '--completions', '--import-rows', '--webhooks', '--explain-all']) expect(BENCH_USAGE).toContain(flag);
  });
});

describe('bench plan check', () => {
  // A page of 50 found by walking an index and probing another table per row: 2,000 index rows (1,950 filtered
  // out) and 2,000 probes of one row each, against a seq scan of 100,000 rows for no rows at all.
  const walk: PlanNode = {
    'Node Type': 'Limit',
    'Actual Rows': 50,
    'Actual Loops': 1,
    Plans: [
      {
        'Node Type': 'Nested Loop',
        'Actual Rows': 50,
        'Actual Loops': 1,
        Plans: [
          { 'Node Type': 'Index Scan', 'Relation Name': 'customers', 'Index Name': 'customers_created_at_idx', 'Actual Rows': 50, 'Rows Removed by Filter': 1950, 'Actual Loops': 1 },
          { 'Node Type': 'Index Scan', 'Relation Name': 'customer_metrics', 'Index Name': 'customer_metrics_pkey', 'Actual Rows': 1, 'Actual Loops': 2000 },
          { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'not_counted_idx', 'Actual Rows': 999, 'Actual Loops': 1 },
        ],
      },
    ],
  };

  it('counts every row each table scan read, over all its loops, against the rows returned', () => {
    const check = checkPlan(walk);
    expect(check).toMatchObject({ rowsRead: 4000, rowsReturned: 50, readRatio: 80 });
    expect(check.scans).toEqual(['Index Scan customers_created_at_idx on customers: 2,000 rows', 'Index Scan customer_metrics_pkey on customer_metrics: 2,000 rows']);
  });

  it('counts an empty answer as one row, so a scan of the whole table for nothing is flagged', () => {
    const empty: PlanNode = { 'Node Type': 'Seq Scan', 'Relation Name': 'customers', 'Actual Rows': 0, 'Rows Removed by Filter': 100_000, 'Actual Loops': 1 };
    expect(checkPlan(empty).readRatio).toBe(100_000);
  });

  it('reads the plan whether the driver hands it over parsed or as text', () => {
    const cell = [{ Plan: walk }];
    expect(planOf(cell)).toEqual(walk);
    expect(planOf(JSON.stringify(cell))).toEqual(walk);
  });
});

describe('bench table', () => {
  it('prints the case, its floor and the ratio, and says when the floor answered with other rows', () => {
    const text = formatFigures([
      figure('first page', 5, { floorP50: 0.5, floorRows: 50, ratio: 10 }),
      figure('count', 2, { rows: 10, floorP50: 1, floorRows: 9, ratio: 2 }),
      figure('staff page', 80),
    ]);
    const line = (name: string) => text.split('\n').find((row) => row.startsWith(name))!;
    expect(line('first page')).toMatch(/5\.00\s+7\.50\s+0\.50\s+10\.00\s+50$/);
    expect(line('count')).toMatch(/floor gave 9 rows$/);
    expect(line('staff page')).toMatch(/80\.00\s+120\.00\s+-\s+-\s+50$/);
  });
});
