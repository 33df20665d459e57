import { describe, expect, it } from 'vitest';

import { bgNbdLogLikelihood, expectedPurchasesIfAlive, fitBgNbd, probabilityAlive } from './bg-nbd';
import { expectedAverageValue, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma';
import { seededRandom, simulateBgNbd, simulateGammaGamma } from './simulate';
import { lgamma, logHyp2f1 } from './special';

// CDNOW estimates (Fader, Hardie & Lee 2005a, 2005b), time in weeks and money in dollars.
const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('special functions', () => {
  it('lgamma matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 13);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(150.5)).toBeCloseTo(602.5139548705855, 9);
  });

  it('2F1 matches closed forms', () => {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    expect(Math.exp(logHyp2f1(1, 1, 2, 0.9))).toBeCloseTo(-Math.log(0.1) / 0.9, 12);
    // 2F1(a, b; b; z) = (1 - z)^-a
    expect(logHyp2f1(2.5, 3, 3, 0.95)).toBeCloseTo(-2.5 * Math.log(0.05), 10);
  });
});

describe('BG/NBD', () => {
  it('gives the CDNOW log-likelihood and predictions of the paper for its worked example', () => {
    // FHL 2005a: the customer with x = 2, tx = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
    const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4259 };
    const expected = expectedPurchasesIfAlive(params, 2, 38.86, 39) * probabilityAlive(params, 2, 30.43, 38.86);
    expect(expected).toBeCloseTo(1.226, 2);
    expect(Number.isFinite(bgNbdLogLikelihood(params, [{ x: 2, tx: 30.43, T: 38.86 }]))).toBe(true);
  });

  it('recovers known parameters from 20,000 simulated customers (within 15% for r and α, 25% for a and b)', () => {
    const data = simulateBgNbd(BG_NBD, 20_000, [30, 78], seededRandom(7));
    const fit = fitBgNbd(data);
    console.info('BG/NBD recovered', fit, 'true', BG_NBD);
    expect(fit.isConverged).toBe(true);
    expect(Math.abs(fit.r / BG_NBD.r - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.alpha / BG_NBD.alpha - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.a / BG_NBD.a - 1)).toBeLessThan(0.25);
    expect(Math.abs(fit.b / BG_NBD.b - 1)).toBeLessThan(0.25);
  });
});

describe('Gamma-Gamma', () => {
  it('recovers known parameters from 20,000 simulated repeat customers (within 15%)', () => {
    const random = seededRandom(11);
    const counts = Array.from({ length: 20_000 }, () => 1 + Math.floor(random() * 8));
    const fit = fitGammaGamma(simulateGammaGamma(GAMMA_GAMMA, counts, random));
    console.info('Gamma-Gamma recovered', fit, 'true', GAMMA_GAMMA);
    expect(fit.isConverged).toBe(true);
    expect(Math.abs(fit.p / GAMMA_GAMMA.p - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.q / GAMMA_GAMMA.q - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.gamma / GAMMA_GAMMA.gamma - 1)).toBeLessThan(0.15);
  });

  it('sums the likelihood of each customer (eq. 3 of FHL 2005b), grouped by purchase count or not', () => {
    const random = seededRandom(5);
    const counts = Array.from({ length: 500 }, () => 1 + Math.floor(random() * 6));
    const data = simulateGammaGamma(GAMMA_GAMMA, counts, random);
    const oneByOne = (params: typeof GAMMA_GAMMA) =>
      data.reduce((sum, { x, mean }) => {
        const { p, q, gamma } = params;
        return sum + lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(mean) + p * x * Math.log(x) - (p * x + q) * Math.log(x * mean + gamma);
      }, 0);
    for (const params of [GAMMA_GAMMA, { p: 0.4, q: 12, gamma: 900 }, { p: 2e7, q: 1.1, gamma: 0.0003 }]) {
      const expected = oneByOne(params);
      expect(Math.abs(gammaGammaLogLikelihood(params, data) - expected)).toBeLessThan(Math.abs(expected) * 1e-9);
    }
  });

  it('pulls a customer with few purchases towards the population mean', () => {
    const population = (GAMMA_GAMMA.p * GAMMA_GAMMA.gamma) / (GAMMA_GAMMA.q - 1);
    expect(expectedAverageValue(GAMMA_GAMMA, 0, 0)).toBeCloseTo(population, 10);
    const one = expectedAverageValue(GAMMA_GAMMA, 1, 100);
    const many = expectedAverageValue(GAMMA_GAMMA, 50, 100);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });
});
