// How a span of time maps onto the rollups' keys. The rollups count whole UTC days (and, for the staff sales, whole
// months); what a span holds beyond them is read from customers or orders directly, over a few hours at most.

const DAY_MS = 86_400_000;

/** Whole UTC days counted from a daily rollup, both ends included (yyyy-mm-dd). */
export interface DayRange {
  from: string;
  to: string;
}

/** An instant range [from, end) read from the table itself, added (+1) or taken off (−1). */
export interface InstantRange {
  from: Date;
  end: Date;
  sign: 1 | -1;
}

export interface DaySplit {
  days: DayRange[];
  instants: InstantRange[];
}

/** yyyy-mm-dd of a UTC day. Not toISOString: it writes the year 10000 (the day after 9999-12-31) as "+010000". */
export function isoDay(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
const floorDay = (time: number) => Math.floor(time / DAY_MS) * DAY_MS;

/** The instants [start, end) of the whole UTC days `from`..`to` (yyyy-mm-dd, both included), as timestamptz text. */
export function daysAsInstants(from: string, to: string): { start: string; end: string } {
  return { start: `${from}T00:00:00Z`, end: `${isoDay(Date.parse(`${to}T00:00:00Z`) + DAY_MS)}T00:00:00Z` };
}

/**
 * Splits the instants from `from` to `to` (both included; timestamps have millisecond precision) into whole UTC days
 * and the instants of the part-days at either end. A part-day is read directly, or as its whole day less the rest of
 * that day, whichever holds less of the past (`current`, default the clock): rows are spread over the past, and the
 * future holds next to none. So the overview "up to now" reads the orders placed after now today (none) rather than
 * all of today's, and a span ending in the past reads at most half a day.
 */
export function splitIntoDays(from: Date, to: Date, current: number = Date.now()): DaySplit {
  const start = from.getTime();
  const end = to.getTime() + 1;
  const split: DaySplit = { days: [], instants: [] };
  if (end <= start) return split;
  const firstWhole = Math.ceil(start / DAY_MS) * DAY_MS;
  const wholeEnd = floorDay(end);
  if (firstWhole > wholeEnd) {
    // Both ends inside one day.
    split.instants.push({ from, end: new Date(end), sign: 1 });
    return split;
  }
  if (firstWhole < wholeEnd) split.days.push({ from: isoDay(firstWhole), to: isoDay(wholeEnd - DAY_MS) });
  if (start < firstWhole) addPartDay(split, firstWhole - DAY_MS, start, firstWhole, current);
  if (wholeEnd < end) addPartDay(split, wholeEnd, wholeEnd, end, current);
  return split;
}

/** The part [partStart, partEnd) of the day starting at dayStart, touching one of its ends. */
function addPartDay(split: DaySplit, dayStart: number, partStart: number, partEnd: number, current: number): void {
  const dayEnd = dayStart + DAY_MS;
  const rest = partStart === dayStart ? { from: partEnd, end: dayEnd } : { from: dayStart, end: partStart };
  const past = (from: number, end: number) => Math.max(0, Math.min(end, current) - from);
  if (past(partStart, partEnd) <= past(rest.from, rest.end)) {
    split.instants.push({ from: new Date(partStart), end: new Date(partEnd), sign: 1 });
    return;
  }
  split.days.push({ from: isoDay(dayStart), to: isoDay(dayStart) });
  split.instants.push({ from: new Date(rest.from), end: new Date(rest.end), sign: -1 });
}

/**
 * A staff period of whole days split for rollup_staff_sales: the whole calendar months inside it (as their first
 * days, with the range of days they cover) and the loose days before and after them (each run a range of days).
 */
export interface PeriodGrains {
  months: string[];
  /** [first day of the first whole month, first day after the last), when there are whole months. */
  monthSpan: { from: string; end: string } | null;
  looseDays: string[];
  looseRuns: { from: string; to: string }[];
}

const monthStartOf = (time: number) => {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
};
const nextMonth = (time: number) => {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
};

/** Splits the days `from`..`to` (yyyy-mm-dd, both included) into whole months and loose days. */
export function splitIntoGrains(from: string, to: string): PeriodGrains {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
  const firstWhole = monthStartOf(start) === start ? start : nextMonth(start);
  const wholeEnd = monthStartOf(end);
  const grains: PeriodGrains = { months: [], monthSpan: null, looseDays: [], looseRuns: [] };
  const addLoose = (runStart: number, runEnd: number) => {
    if (runStart >= runEnd) return;
    grains.looseRuns.push({ from: isoDay(runStart), to: isoDay(runEnd - DAY_MS) });
    for (let day = runStart; day < runEnd; day += DAY_MS) grains.looseDays.push(isoDay(day));
  };
  if (firstWhole >= wholeEnd) {
    addLoose(start, end);
    return grains;
  }
  for (let month = firstWhole; month < wholeEnd; month = nextMonth(month)) grains.months.push(isoDay(month));
  grains.monthSpan = { from: isoDay(firstWhole), end: isoDay(wholeEnd) };
  addLoose(start, firstWhole);
  addLoose(wholeEnd, end);
  return grains;
}

/** A list of days as a PostgreSQL array literal, for `= any(${dateArray(days)}::date[])`. */
export const dateArray = (days: string[]) => `{${days.join(',')}}`;
