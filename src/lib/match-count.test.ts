import { describe, expect, it } from 'vitest';

import { formatMatchCount, roundEstimate } from './match-count';

const customers = { one: 'customer', other: 'customers' };

describe('formatMatchCount', () => {
  it('says an exact count as it is, with thousands separators and the singular for one', () => {
    expect(formatMatchCount({ count: 1240, exact: true, atLeast: false }, customers)).toBe('1,240 customers');
    expect(formatMatchCount({ count: 1, exact: true, atLeast: false }, customers)).toBe('1 customer');
    expect(formatMatchCount({ count: 0, exact: true, atLeast: false }, customers)).toBe('0 customers');
  });

  it('rounds an estimate to 2 significant figures and says "about"', () => {
    expect(formatMatchCount({ count: 1_003_417, exact: false, atLeast: false }, customers)).toBe('about 1,000,000 customers');
    expect(formatMatchCount({ count: 12_345, exact: false, atLeast: false }, { one: 'order', other: 'orders' })).toBe('about 12,000 orders');
    expect(roundEstimate(87)).toBe(87);
    expect(roundEstimate(1_250_000)).toBe(1_300_000);
  });

  it('says "more than" when counting stopped at its cap', () => {
    expect(formatMatchCount({ count: 10_000, exact: false, atLeast: true }, customers)).toBe('more than 10,000 customers');
  });
});
