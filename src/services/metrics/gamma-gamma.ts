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
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendSummary[]): number {
  return logLikelihoodOf(data)(params);
}

/**
 * The log-likelihood as a function of the parameters, for a fit that evaluates it thousands of times. Per customer it
 * is lgamma(px + q) − lgamma(px) + q·log γ − lgamma(q) + (px − 1)·log m + px·log x − (px + q)·log(x·m + γ): the
 * lgamma terms depend on x alone, which takes few values, so they are computed once per x, and the sums of log m once
 * per fit. What is left per customer is one logarithm (a fit of 5,000 customers went from 3.3 s to well under one).
 */
function logLikelihoodOf(data: readonly SpendSummary[]): (params: GammaGammaParams) => number {
  const groups = new Map<number, { count: number; sumLogMean: number }>();
  for (const { x, mean } of data) {
    const group = groups.get(x) ?? { count: 0, sumLogMean: 0 };
    group.count += 1;
    group.sumLogMean += Math.log(mean);
    groups.set(x, group);
  }
  const xs = Float64Array.from(data, (row) => row.x);
  const means = Float64Array.from(data, (row) => row.mean);
  return ({ p, q, gamma }) => {
    let total = data.length * (q * Math.log(gamma) - lgamma(q));
    for (const [x, { count, sumLogMean }] of groups) {
      const px = p * x;
      total += count * (lgamma(px + q) - lgamma(px) + px * Math.log(x)) + (px - 1) * sumLogMean;
    }
    for (let i = 0; i < xs.length; i++) total -= (p * xs[i] + q) * Math.log(xs[i] * means[i] + gamma);
    return total;
  };
}

/** Maximum-likelihood Gamma-Gamma parameters, by Nelder-Mead on their logarithms. */
export function fitGammaGamma(data: readonly SpendSummary[]): GammaGammaParams & { logLikelihood: number; isConverged: boolean } {
  const toParams = ([p, q, gamma]: number[]): GammaGammaParams => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const scale = data.reduce((sum, row) => sum + row.mean, 0) / Math.max(1, data.length);
  // Start with γ near the mean spend: the likelihood is flat far from the data's scale.
  const start = [0, Math.log(2), Math.log(Math.max(scale, 1e-9))];
  const logLikelihood = logLikelihoodOf(data);
  const objective = (point: number[]) => -logLikelihood(toParams(point)) / Math.max(1, data.length);
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
