// BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer
// buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
// Time is in weeks. x = repeat purchases (purchase days after the first), tx = weeks from first to last purchase,
// T = weeks from first purchase to the as-of moment.
import { lgamma, logAddExp, logHyp2f1 } from './special';
import { nelderMead } from './nelder-mead';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's summary, or `count` customers with the same summary. */
export interface PurchaseSummary {
  x: number;
  tx: number;
  T: number;
  count?: number;
}

interface Prepared {
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
  maxX: number;
  customers: number;
}

function prepare(data: readonly PurchaseSummary[]): Prepared {
  const prepared: Prepared = {
    x: Int32Array.from(data, (row) => row.x),
    tx: Float64Array.from(data, (row) => row.tx),
    T: Float64Array.from(data, (row) => row.T),
    count: Float64Array.from(data, (row) => row.count ?? 1),
    maxX: 0,
    customers: 0,
  };
  for (let i = 0; i < data.length; i += 1) {
    prepared.maxX = Math.max(prepared.maxX, prepared.x[i]);
    prepared.customers += prepared.count[i];
  }
  return prepared;
}

function logLikelihood({ r, alpha, a, b }: BgNbdParams, data: Prepared): number {
  // The gamma terms depend on x alone, and x takes few values: compute them once per x.
  const gammas = new Float64Array(data.maxX + 1);
  for (let x = 0; x <= data.maxX; x += 1) gammas[x] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
  const logA = Math.log(a);
  let total = 0;
  for (let i = 0; i < data.x.length; i += 1) {
    const x = data.x[i];
    const alive = -(r + x) * Math.log(alpha + data.T[i]);
    const dropped = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]) : -Infinity;
    total += data.count[i] * (gammas[x] + logAddExp(alive, dropped));
  }
  return total + data.customers * (-lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b));
}

/** The log-likelihood of the summaries (the closed form of FHL 2005 eq. 6; no hypergeometric function needed). */
export function bgNbdLogLikelihood(params: BgNbdParams, data: readonly PurchaseSummary[]): number {
  return logLikelihood(params, prepare(data));
}

/** Maximum-likelihood BG/NBD parameters, by Nelder-Mead on their logarithms (so they stay positive). */
export function fitBgNbd(data: readonly PurchaseSummary[]): BgNbdParams & { logLikelihood: number; isConverged: boolean } {
  const toParams = ([r, alpha, a, b]: number[]): BgNbdParams => ({ r: Math.exp(r), alpha: Math.exp(alpha), a: Math.exp(a), b: Math.exp(b) });
  const prepared = prepare(data);
  const objective = (point: number[]) => -logLikelihood(toParams(point), prepared) / prepared.customers;
  // Restart from the first optimum: Nelder-Mead can stall on a ridge, and a fresh simplex moves it on.
  let result = nelderMead(objective, [0, 0, 0, 0]);
  result = nelderMead(objective, result.point, { step: 0.1 });
  return { ...toParams(result.point), logLikelihood: -result.value * prepared.customers, isConverged: result.isConverged };
}

/**
 * The part of E[purchases in the next `t` weeks | x, tx, T] that depends on x and T only (FHL 2005 eq. 10 without
 * its denominator): the full expectation is this times P(alive | x, tx, T).
 */
export function expectedPurchasesIfAlive({ r, alpha, a, b }: BgNbdParams, x: number, T: number, t: number): number {
  const z = t / (alpha + T + t);
  const logTerm = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + logHyp2f1(r + x, b + x, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * (1 - Math.exp(logTerm));
}

/** P(alive | x, tx, T) (FHL 2005 eq. 11, as in the SQL of compute.ts); 1 for x = 0, as the model has it. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}
