// Display formatting shared by server and client components. Locale and time zone are fixed (not the
// browser's) so that a server render and its hydration print the same text.

import { DISPLAY_LOCALE, DISPLAY_TIME_ZONE } from './config';

export { DISPLAY_LOCALE, DISPLAY_TIME_ZONE };

const digitsCache = new Map<string, number>();

/** How many minor-unit digits an ISO 4217 currency has (GBP 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/** The symbol people type amounts beside: "£" for GBP, "US$" for USD in en-GB. */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'currency', currency: currency.toUpperCase() }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency.toUpperCase();
}

/** Integer minor units as an exact decimal string in major units: (123456, 'GBP') → "1234.56". No float division. */
export function minorToMajorString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Money for display: (123456, 'GBP') → "£1,234.56". `minor` is integer minor units of `currency`;
 * `compact` gives "£1.2K" for tight spaces.
 */
export function formatMoney(minor: number, currency: string, options: { compact?: boolean } = {}): string {
  const code = currency.toUpperCase();
  const format = new Intl.NumberFormat(DISPLAY_LOCALE, {
    style: 'currency',
    currency: code,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  });
  // A decimal string keeps amounts beyond 2^53 / 100 exact (Intl.NumberFormat v3 formats strings as decimals).
  return format.format(minorToMajorString(minor, code) as unknown as number);
}

/**
 * Parses an amount typed in major units ("12.5", "1,250.00") into integer minor units of `currency`.
 * Returns null for blank input and NaN for text that is not a non-negative amount with at most the currency's digits.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  if (cleaned === '') return null;
  const digits = currencyDigits(currency);
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2]) || (match[2]?.length ?? 0) > digits) return Number.NaN;
  const minor = Number((match[1] || '0') + (match[2] ?? '').padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : Number.NaN;
}

type DateInput = string | number | Date;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

const DATE_STYLES = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  datetime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** "3 Mar 2025" (or with the time, "3 Mar 2025, 14:05") in the display time zone; "" for an invalid date. */
export function formatDate(value: DateInput, style: keyof typeof DATE_STYLES = 'date'): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { ...DATE_STYLES[style], timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** A date as yyyy-mm-dd in the display time zone, for <input type="date"> values and URLs. */
export function toDateInputValue(value: DateInput): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "3 days ago", "yesterday", "in 2 hours", "1 year ago". It depends on `now`, so client components that render it on
 * the server should pass a shared `now` (or render it after mount) to avoid a hydration mismatch.
 */
export function formatRelative(value: DateInput, now: DateInput = new Date()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.round((date.getTime() - toDate(now).getTime()) / 1000);
  if (Math.abs(seconds) < 45) return new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'auto' }).format(0, 'second');
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) < size) continue;
    // Months and years only ever count whole ones that have passed: 20 months is "1 year ago", never "2 years ago".
    // They say the number ("1 year ago"), as "last year" would read as the calendar year before this one.
    if (unit === 'year' || unit === 'month') {
      const whole = Math.trunc(seconds / size);
      return new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'always' }).format(whole, unit);
    }
    return new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
  }
  return new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'auto' }).format(seconds, 'second');
}

/**
 * A classifier's confidence (0–1) as a whole percent, rounded down, so that "90% confident" is always at least 0.9
 * and agrees with the "90% or more" filter. The epsilon keeps 0.29 (28.999… × 100) at 29%.
 */
export function formatConfidence(confidence: number): string {
  return `${Math.floor(confidence * 100 + 1e-9)}%`;
}
