// The whole run's results as one JSON document (--json FILE), and the facts of the machine it ran on, so that a run
// can be compared with a later one (--compare) and a figure can be read with what produced it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

import type { PlanCheck } from './plan-rows';

/** Bumped when a field changes meaning; --compare refuses a file of another version. */
export const RESULTS_VERSION = 1;

/** What a figure measures; every figure is in milliseconds, and lower is better. */
export type FigureSection = 'reads' | 'writes' | 'completions' | 'export' | 'import' | 'duplicates';

export interface Figure {
  name: string;
  section: FigureSection;
  /** Median, and 95th percentile when there were several runs (null for a single run, like the export). */
  p50: number;
  p95: number | null;
  /** Rows (or count) of the answer; null when the figure has none. */
  rows: number | null;
  /** The floor's median: the best single SQL statement for the same answer, measured in the same run. */
  floorP50: number | null;
  /** Rows of the floor's answer, which should equal `rows`. */
  floorRows: number | null;
  /** p50 / floorP50, null without a floor. */
  ratio: number | null;
  note?: string;
}

export interface MachineFacts {
  date: string;
  commit: string;
  /** Uncommitted changes to tracked files when the run started. */
  isDirty: boolean;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1, 5 and 15-minute load averages when the results were written: other work on the machine skews every figure. */
  loadAverage: number[];
  node: string;
  database: { kind: 'postgres' | 'pglite'; version: string; sizeMb: number; customers: number; orders: number };
}

export interface SweepRow {
  list: 'customers' | 'orders';
  filter: string;
  sort: string;
  ms: number;
  returned: number;
  /** The statements of the call, each with the rows its plan read (EXPLAIN ANALYZE). */
  plans: PlanCheck[];
  /** The largest rows read / rows returned of its statements. */
  worstReadRatio: number;
  isFlagged: boolean;
}

export interface BenchRun {
  version: typeof RESULTS_VERSION;
  machine: MachineFacts;
  options: Record<string, unknown>;
  figures: Figure[];
  sweep: SweepRow[];
}

/** The current commit (short) and whether tracked files differ from it; "unknown" outside a git checkout. */
export function gitState(): { commit: string; isDirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return { commit, isDirty: status.length > 0 };
  } catch {
    return { commit: 'unknown', isDirty: false };
  }
}

export function hostFacts(): Omit<MachineFacts, 'database' | 'commit' | 'isDirty' | 'date'> {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
  };
}

export function writeRun(file: string, run: BenchRun): void {
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
}

/** Reads a --json file of an earlier run. Throws when it is not one (another version, or not the bench's JSON). */
export function readRun(file: string): BenchRun {
  return parseRun(readFileSync(file, 'utf8'), file);
}

export function parseRun(text: string, source = 'the JSON'): BenchRun {
  const run = JSON.parse(text) as Partial<BenchRun>;
  if (run.version !== RESULTS_VERSION || !Array.isArray(run.figures) || !run.machine) {
    throw new Error(`${source} is not the JSON of a bench run of version ${RESULTS_VERSION} (npm run bench -- --json FILE writes one)`);
  }
  return run as BenchRun;
}
