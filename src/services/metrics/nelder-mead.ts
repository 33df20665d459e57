// Nelder-Mead simplex minimisation (Lagarias et al. 1998 coefficients), enough for the 3-4 log-parameters of the
// purchase models; no gradients needed.

export interface MinimizeResult {
  point: number[];
  value: number;
  iterations: number;
  isConverged: boolean;
}

/** Minimises `f` from `start`; non-finite values count as +Infinity (outside the model's domain). */
export function nelderMead(f: (point: number[]) => number, start: number[], options: { step?: number; maxIterations?: number; tolerance?: number } = {}): MinimizeResult {
  const { step = 0.5, maxIterations = 5000, tolerance = 1e-10 } = options;
  const n = start.length;
  const value = (point: number[]) => {
    const v = f(point);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start, ...start.map((_, i) => start.map((x, j) => (i === j ? x + step : x)))].map((point) => ({ point, value: value(point) }));
  const combine = (a: number[], b: number[], t: number) => a.map((x, i) => x + t * (b[i] - x));
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0];
    const worst = simplex[n];
    const spread = Math.abs(worst.value - best.value);
    const size = Math.max(...simplex.slice(1).map((s) => Math.max(...s.point.map((x, i) => Math.abs(x - best.point[i])))));
    if (spread <= tolerance * (Math.abs(best.value) + tolerance) && size < 1e-7) return { point: best.point, value: best.value, iterations, isConverged: true };
    const centroid = start.map((_, i) => simplex.slice(0, n).reduce((sum, s) => sum + s.point[i], 0) / n);
    const reflected = combine(centroid, worst.point, -1);
    const reflectedValue = value(reflected);
    if (reflectedValue < best.value) {
      const expanded = combine(centroid, worst.point, -2);
      const expandedValue = value(expanded);
      simplex[n] = expandedValue < reflectedValue ? { point: expanded, value: expandedValue } : { point: reflected, value: reflectedValue };
      continue;
    }
    if (reflectedValue < simplex[n - 1].value) {
      simplex[n] = { point: reflected, value: reflectedValue };
      continue;
    }
    const isOutside = reflectedValue < worst.value;
    const contracted = combine(centroid, worst.point, isOutside ? -0.5 : 0.5);
    const contractedValue = value(contracted);
    if (contractedValue < (isOutside ? reflectedValue : worst.value)) {
      simplex[n] = { point: contracted, value: contractedValue };
      continue;
    }
    simplex = simplex.map((s, i) => (i === 0 ? s : { point: combine(best.point, s.point, 0.5), value: value(combine(best.point, s.point, 0.5)) }));
  }
  simplex.sort((p, q) => p.value - q.value);
  return { point: simplex[0].point, value: simplex[0].value, iterations, isConverged: false };
}
