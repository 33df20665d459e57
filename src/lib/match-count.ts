/** How many rows a list's filters match: exact, the planner's estimate, or a lower bound. */
export interface MatchCount {
  count: number;
  /** Counted row by row. */
  exact: boolean;
  /** Counting stopped at `count`: there are more. */
  atLeast: boolean;
}

/** An estimate rounded to 2 significant figures: 1,234,567 → 1,200,000 (an estimate's digits past those mean nothing). */
export function roundEstimate(count: number): number {
  return count < 100 ? Math.round(count) : Number(count.toPrecision(2));
}

/** "1,240 customers", "about 1,000,000 customers", "more than 10,000 customers", "1 customer". */
export function formatMatchCount({ count, exact, atLeast }: MatchCount, noun: { one: string; other: string }): string {
  const shown = exact || atLeast ? count : roundEstimate(count);
  const words = `${shown.toLocaleString('en-GB')} ${shown === 1 ? noun.one : noun.other}`;
  if (exact) return words;
  return atLeast ? `more than ${words}` : `about ${words}`;
}
