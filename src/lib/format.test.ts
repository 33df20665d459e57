import { describe, expect, it } from 'vitest';

import { currencyDigits, currencySymbol, formatConfidence, formatDate, formatMoney, formatRelative, minorToMajorString, parseMajorToMinor, toDateInputValue } from './format';

describe('formatMoney', () => {
  it.each([
    [123456, 'GBP', '£1,234.56'],
    [5, 'GBP', '£0.05'],
    [0, 'USD', 'US$0.00'],
    [1500, 'JPY', 'JP¥1,500'],
    [1234, 'BHD', 'BHD 1.234'],
    [-250, 'EUR', '-€2.50'],
  ])('formats %i minor units of %s as %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('keeps amounts beyond 2^53 / 100 exact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'GBP')).toBe('£90,071,992,547,409.91');
  });

  it('knows the symbol amounts are typed beside', () => {
    expect([currencySymbol('GBP'), currencySymbol('eur')]).toEqual(['£', '€']);
  });

  it('has a compact form', () => {
    expect(formatMoney(1_234_500, 'GBP', { compact: true })).toBe('£12.3k');
  });
});

describe('minorToMajorString and parseMajorToMinor', () => {
  it('knows each currency’s minor-unit digits', () => {
    expect([currencyDigits('gbp'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it.each([
    [1, 'GBP', '0.01'],
    [100, 'GBP', '1.00'],
    [42, 'JPY', '42'],
  ])('writes %i %s as %s', (minor, currency, expected) => {
    expect(minorToMajorString(minor, currency)).toBe(expected);
  });

  it.each([
    ['12.5', 'GBP', 1250],
    ['1,250.00', 'GBP', 125000],
    ['.5', 'GBP', 50],
    ['7', 'JPY', 7],
    ['', 'GBP', null],
    ['  ', 'GBP', null],
  ])('reads %j %s as %j minor units', (text, currency, expected) => {
    expect(parseMajorToMinor(text, currency)).toBe(expected);
  });

  it.each([['abc'], ['-5'], ['1.234'], ['.'], ['1e3']])('refuses %j', (text) => {
    expect(parseMajorToMinor(text, 'GBP')).toBeNaN();
  });

  it('round-trips', () => {
    for (const minor of [0, 1, 99, 100, 123456, 9_007_199_254_740_991]) {
      expect(parseMajorToMinor(minorToMajorString(minor, 'GBP'), 'GBP')).toBe(minor);
    }
  });
});

describe('formatDate', () => {
  it('prints a day in the display time zone', () => {
    expect(formatDate('2025-03-03T23:30:00Z')).toBe('3 Mar 2025');
    expect(formatDate(new Date('2025-03-03T14:05:00Z'), 'datetime')).toBe('3 Mar 2025, 14:05');
    expect(toDateInputValue('2025-03-03T14:05:00Z')).toBe('2025-03-03');
  });

  it('answers "" for an invalid date', () => {
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatRelative', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  it.each([
    ['2025-06-10T11:59:50Z', 'now'],
    ['2025-06-10T09:00:00Z', '3 hours ago'],
    ['2025-06-09T12:00:00Z', 'yesterday'],
    ['2025-06-01T12:00:00Z', 'last week'],
    ['2024-06-01T12:00:00Z', '1 year ago'],
    // 20 months: whole years that have passed, not rounded up to 2.
    ['2023-10-10T12:00:00Z', '1 year ago'],
    ['2023-05-10T12:00:00Z', '2 years ago'],
    // 50 days: 1 whole month, not 2.
    ['2025-04-21T12:00:00Z', '1 month ago'],
    ['2026-02-10T12:00:00Z', 'in 8 months'],
    ['2025-06-10T14:00:00Z', 'in 2 hours'],
  ])('prints %s as %j', (value, expected) => {
    expect(formatRelative(value, now)).toBe(expected);
  });
});

describe('formatConfidence', () => {
  it.each([
    [0.9, '90%'],
    [0.895, '89%'],
    [0.29, '29%'],
    [0.6, '60%'],
    [1, '100%'],
    [0, '0%'],
  ])('shows %s as %s, never more than the "or more" filter lets through', (confidence, expected) => {
    expect(formatConfidence(confidence)).toBe(expected);
  });
});
