// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999): a customer's order values
// are Gamma(p, ν) around their own mean p/ν, with ν ~ Gamma(q, γ) across customers. Fitted on customers with repeat
// purchases from (x, mean value of their repeat purchases).
import { lgamma } from './special';
import { nelderMead } from './nelder-mead';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendSummary {
  /** Repeat purchases (> 0). */
  x: number;
  /** Mean value of those purchases (> 0). */
  mean: number;
}

/** Log-likelihood of the mean repeat-purchase values (Fader, Hardie & Lee 2005b, eq. 3 marginalised over ν). */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, data: readonly SpendSummary[]): number {
  let total = 0;
  const constant = -lgamma(q) + q * Math.log(gamma);
  for (const { x, mean } of data) {
    const px = p * x;
    total += lgamma(px + q) - lgamma(px) + constant + (px - 1) * Math.log(mean) + px * Math.log(x) - (px + q) * Math.log(x * mean + gamma);
  }
  return total;
}

/** Maximum-likelihood Gamma-Gamma parameters, by Nelder-Mead on their logarithms. */
export function fitGammaGamma(data: readonly SpendSummary[]): GammaGammaParams & { logLikelihood: number; isConverged: boolean } {
  const toParams = ([p, q, gamma]: number[]): GammaGammaParams => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const scale = data.reduce((sum, row) => sum + row.mean, 0) / Math.max(1, data.length);
  // Start with γ near the mean spend: the likelihood is flat far from the data's scale.
  const start = [0, Math.log(2), Math.log(Math.max(scale, 1e-9))];
  const objective = (point: number[]) => -gammaGammaLogLikelihood(toParams(point), data) / Math.max(1, data.length);
  // When order values barely vary within a customer, p runs off towards infinity (the likelihood keeps creeping up):
  // cap the iterations; by then the predictions no longer change.
  let result = nelderMead(objective, start, { maxIterations: 1500 });
  result = nelderMead(objective, result.point, { step: 0.1, maxIterations: 500 });
  return { ...toParams(result.point), logLikelihood: -result.value * data.length, isConverged: result.isConverged };
}

/** E[mean order value | x, mean] (the posterior mean: a weighted average of the customer's mean and the population's). */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, mean: number): number {
  return (p * (gamma + x * mean)) / (p * x + q - 1);
}
