// Special functions for the purchase models, in plain floating point (no dependency): log-gamma and the Gauss
// hypergeometric function 2F1 for the parameter ranges BG/NBD needs (all positive, 0 <= z < 1).

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, about 15 significant digits). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) sum += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const max = Math.max(a, b);
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}

const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1, by its power series (every term is positive, so there is no
 * cancellation); rescaled as it goes, so it stays finite where 2F1 itself would overflow a double.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`logHyp2f1 needs 0 <= z < 1 (got ${z})`);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < 1_000_000; n += 1) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
    // Once the terms shrink geometrically (ratio -> z), the tail is below term * z / (1 - z).
    if (ratio < 1 && term * (z / (1 - z) + 1) < sum * 1e-16) break;
  }
  return Math.log(sum) + logScale;
}
