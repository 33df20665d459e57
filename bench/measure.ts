import type { BenchCase } from './cases';
import type { Figure, FigureSection } from './results';

export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  /** Rows returned by the last run. */
  rows: number;
  /** Timed calls (fewer than asked when the case ran out of its time budget). */
  runs: number;
}

export const WARM_UP_RUNS = 3;
// A case of a second a call would take minutes at 50 iterations: past this much time, a case stops at MIN_ITERATIONS
// (or later), which is enough for a median of something that slow; fast cases always run every iteration.
export const CASE_BUDGET_MS = 3000;
export const MIN_ITERATIONS = 5;
const WARM_UP_BUDGET_MS = 1000;

/**
 * Times `run` over `iterations` calls (fewer, at least MIN_ITERATIONS, once they have taken CASE_BUDGET_MS) after a
 * short warm-up; `run` gets the iteration number (0 to iterations - 1 for the timed calls, iterations and on for the
 * warm-up, so that write cases can give every call a row of its own) and returns its row count.
 */
export async function measure(iterations: number, run: (i: number) => Promise<number>): Promise<Timing> {
  const warmUpStarted = performance.now();
  for (let i = 0; i < WARM_UP_RUNS && (i === 0 || performance.now() - warmUpStarted < WARM_UP_BUDGET_MS); i++) await run(iterations + i);
  const samples: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    if (i >= MIN_ITERATIONS && performance.now() - started > CASE_BUDGET_MS) break;
    const callStarted = performance.now();
    rows = await run(i);
    samples.push(performance.now() - callStarted);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    mean: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
    rows,
    runs: samples.length,
  };
}

/** A case and, unless `isWithoutFloor`, its floor (the fastest of its candidate statements), as a figure of the run. */
export async function measureCase(benchCase: BenchCase, section: FigureSection, iterations: number, isWithoutFloor = false): Promise<Figure> {
  const timing = await measure(iterations, benchCase.run);
  let floor: Timing | null = null;
  for (const candidate of isWithoutFloor ? [] : (benchCase.floors ?? [])) {
    const candidateTiming = await measure(iterations, candidate);
    if (!floor || candidateTiming.p50 < floor.p50) floor = candidateTiming;
  }
  return {
    name: benchCase.name,
    section,
    p50: timing.p50,
    p95: timing.p95,
    rows: timing.rows,
    floorP50: floor?.p50 ?? null,
    floorRows: floor?.rows ?? null,
    ratio: floor && floor.p50 > 0 ? timing.p50 / floor.p50 : null,
    ...(timing.runs < iterations && { note: `${timing.runs} runs` }),
  };
}

// Nearest-rank percentile of sorted samples.
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
