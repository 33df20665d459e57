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

/** "+3 (+25%) on last month", "2 fewer than last month", "same as last month". */
export function changeOnLastMonth(current: number, previous: number): string {
  if (current === previous) return 'Same as last month';
  const difference = current - previous;
  const percent = previous > 0 ? ` (${difference > 0 ? '+' : '−'}${Math.round((Math.abs(difference) / previous) * 100)}%)` : '';
  return `${difference > 0 ? '+' : '−'}${formatCount(Math.abs(difference))}${percent} on last month (${formatCount(previous)})`;
}
