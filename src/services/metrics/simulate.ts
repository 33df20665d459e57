// Seeded simulation of customers from known BG/NBD and Gamma-Gamma parameters, for checking that the fits recover
// them (tests, bench). Not used by the shop.
import type { BgNbdParams, PurchaseSummary } from './bg-nbd';
import type { GammaGammaParams, SpendSummary } from './gamma-gamma';

/** mulberry32: a small, fast, seedable uniform generator on [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function gammaVariate(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Customers who made a first purchase at 0 and are observed for T weeks (T drawn uniformly from `ages`). */
export function simulateBgNbd(params: BgNbdParams, customers: number, ages: [number, number], random: () => number): PurchaseSummary[] {
  const rows: PurchaseSummary[] = [];
  for (let i = 0; i < customers; i += 1) {
    const T = ages[0] + (ages[1] - ages[0]) * random();
    const lambda = gammaVariate(random, params.r, params.alpha);
    const pa = gammaVariate(random, params.a, 1);
    const p = pa / (pa + gammaVariate(random, params.b, 1));
    let time = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (time > T) break;
      x += 1;
      tx = time;
      // Each repeat purchase may be the last: the customer drops out with probability p (not at the first, at 0).
      if (random() < p) break;
    }
    rows.push({ x, tx, T });
  }
  return rows;
}

/** Mean spend of `x` purchases for each customer, from Gamma-Gamma with the given parameters. */
export function simulateGammaGamma(params: GammaGammaParams, repeatCounts: readonly number[], random: () => number): SpendSummary[] {
  return repeatCounts.map((x) => {
    const nu = gammaVariate(random, params.q, params.gamma);
    let total = 0;
    for (let i = 0; i < x; i += 1) total += gammaVariate(random, params.p, nu);
    return { x, mean: total / x };
  });
}
