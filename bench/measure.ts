export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  /** Rows returned by the last run. */
  rows: number;
}

const WARM_UP_RUNS = 3;

/** Times `run` over `iterations` calls after a short warm-up; `run` gets the iteration number and returns its row count. */
export async function measure(iterations: number, run: (i: number) => Promise<number>): Promise<Timing> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await run(iterations + i);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    rows = await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    mean: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
    rows,
  };
}

// Nearest-rank percentile of sorted samples.
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
