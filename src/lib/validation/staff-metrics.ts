import { z } from 'zod';

import { blankToNull } from './common';

// A staff performance period: whole UTC days, `from` and `to` both included, as yyyy-mm-dd.

/** The longest period one request may ask for, so a month series stays small (10 years). */
export const STAFF_PERIOD_MAX_MONTHS = 120;
/** The default period: the current month and the 11 before it. */
export const STAFF_PERIOD_DEFAULT_MONTHS = 12;

const day = z.preprocess(
  blankToNull,
  z.iso
    .date({ error: 'Use a date like 2025-05-31' })
    .refine((value) => value >= '1900-01-01', 'Use a date after 1900')
    .nullable()
    .optional(),
);

/** ?from=&to= of the staff list and a member's metrics; either may be left out (see resolveStaffPeriod). */
export const staffMetricsQuerySchema = z
  .object({
    from: day.describe('First day of the period (UTC, included); default: the first day of the month 11 months ago'),
    to: day.describe('Last day of the period (UTC, included); default: today'),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be on or after the start date' });
  });

export type StaffMetricsQuery = z.input<typeof staffMetricsQuerySchema>;

export interface StaffPeriod {
  /** yyyy-mm-dd, included. */
  from: string;
  /** yyyy-mm-dd, included. */
  to: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The period a query names, with the defaults filled in relative to `now`: to = today, from = the first day of the
 * month 11 months before `to`'s month (12 calendar months).
 */
export function resolveStaffPeriod(query: { from?: string | null; to?: string | null }, now: Date = new Date()): StaffPeriod {
  const to = query.to ?? isoDay(now);
  const toDate = new Date(`${to}T00:00:00Z`);
  const from = query.from ?? isoDay(new Date(Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() - (STAFF_PERIOD_DEFAULT_MONTHS - 1), 1)));
  return { from, to };
}

/** How many calendar months the period touches (Jan 31 to Feb 1 is 2). */
export function staffPeriodMonths({ from, to }: StaffPeriod): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + toMonth - fromMonth + 1;
}
