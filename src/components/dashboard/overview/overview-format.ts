import { DISPLAY_LOCALE } from '@/lib/format';

// Labels and one-line summaries shared by the overview's server parts and its charts (no server imports).

/** "2026-03" → "Mar 26" (charts) or "March 2026" (tables and summaries); months are calendar months in UTC. */
export function monthLabel(month: string, style: 'short' | 'long' = 'short'): string {
  const [year, monthIndex] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthIndex - 1, 1));
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, options).format(date);
}

/** 0.4213 → "42%"; 0.004 → "0.4%"; with no denominator "–". */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const share = (part / whole) * 100;
  return `${share > 0 && share < 1 ? share.toFixed(1) : Math.round(share)}%`;
}

export const formatCount = (value: number) => value.toLocaleString(DISPLAY_LOCALE);

/** "1–5 Nov", "1 Nov" or "1–30 Nov": the days (UTC, as the months are) of a span within one month. */
export function daySpanLabel(from: Date, to: Date): string {
  const month = new Intl.DateTimeFormat(DISPLAY_LOCALE, { month: 'short', timeZone: 'UTC' }).format(from);
  const [first, last] = [from.getUTCDate(), to.getUTCDate()];
  return first === last ? `${first} ${month}` : `${first}–${last} ${month}`;
}

/**
 * "+3 (+25%) vs 1–5 Nov (12)", "−2 vs 1–5 Nov (0)"… or "Same as 1–5 Nov": this month so far against the same days of
 * last month, named, so nobody reads 5 days against a whole month as a fall.
 */
export function changeOnSameSpan(current: number, previous: number, span: { from: Date; to: Date }): string {
  const label = daySpanLabel(span.from, span.to);
  if (current === previous) return `Same as ${label} (${formatCount(previous)})`;
  const difference = current - previous;
  const percent = previous > 0 ? ` (${difference > 0 ? '+' : '−'}${Math.round((Math.abs(difference) / previous) * 100)}%)` : '';
  return `${difference > 0 ? '+' : '−'}${formatCount(Math.abs(difference))}${percent} vs ${label} (${formatCount(previous)})`;
}
