import type { Faker } from '@faker-js/faker';

// When a gift shop's orders come in: a Christmas peak (Black Friday week and December up to the last posting days),
// a quiet January, busier Sundays and Mondays, and evenings. All in UTC, the shop's (UK) time give or take an hour.

export const DAY_MS = 86_400_000;

// Relative orders per day, January to December.
const MONTH_WEIGHTS = [0.7, 0.75, 0.85, 0.9, 0.95, 0.9, 0.85, 0.85, 0.95, 1.1, 1.5, 2] as const;
const BLACK_FRIDAY_WEEK_WEIGHT = 2.6;
const AFTER_LAST_POSTING_WEIGHT = 0.8;
// Sunday to Saturday.
const WEEKDAY_WEIGHTS = [1.15, 1.1, 1, 1, 1, 0.95, 0.85] as const;
const MAX_DAY_WEIGHT = BLACK_FRIDAY_WEEK_WEIGHT * Math.max(...WEEKDAY_WEIGHTS);
// Midnight to 23:00.
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 9, 9, 8, 7, 7, 8, 10, 12, 13, 12, 9, 5] as const;
const HOUR_CUMULATIVE = cumulative(HOUR_WEIGHTS);

/** Running totals of weights, for weightedIndex. */
export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

/** An index drawn with the probabilities that `totals` (from cumulative()) give; one random draw. */
export function weightedIndex(rng: Faker, totals: readonly number[]): number {
  const target = rng.number.float() * totals[totals.length - 1];
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (totals[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Relative order volume of the (UTC) day containing `ms`. */
export function dayWeight(ms: number): number {
  const date = new Date(ms);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  let weight: number = MONTH_WEIGHTS[month];
  if (month === 10 && day >= 23) weight = BLACK_FRIDAY_WEEK_WEIGHT;
  if (month === 11 && day >= 21) weight = AFTER_LAST_POSTING_WEIGHT;
  return weight * WEEKDAY_WEIGHTS[date.getUTCDay()];
}

/** True from October to December, when the Christmas lines sell. */
export function isChristmasSeason(ms: number): boolean {
  return new Date(ms).getUTCMonth() >= 9;
}

/** True in the week of Black Friday and Cyber Monday (23 November to 2 December, give or take). */
export function isBlackFridayWeek(ms: number): boolean {
  const date = new Date(ms);
  return (date.getUTCMonth() === 10 && date.getUTCDate() >= 23) || (date.getUTCMonth() === 11 && date.getUTCDate() <= 2);
}

/**
 * A moment in [fromMs, toMs] with the shop's rhythm: the day by rejection sampling on dayWeight, the hour from the
 * daily curve. Windows shorter than a day are too short for a rhythm and are drawn uniformly.
 */
export function orderMoment(rng: Faker, fromMs: number, toMs: number): number {
  const span = toMs - fromMs;
  if (span < DAY_MS) return fromMs + Math.floor(rng.number.float() * span);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = fromMs + rng.number.float() * span;
    if (rng.number.float() * MAX_DAY_WEIGHT > dayWeight(candidate)) continue;
    const midnight = candidate - (candidate % DAY_MS);
    const moment = midnight + weightedIndex(rng, HOUR_CUMULATIVE) * 3_600_000 + Math.floor(rng.number.float() * 3_600_000);
    if (moment >= fromMs && moment <= toMs) return moment;
  }
  return fromMs + Math.floor(rng.number.float() * span);
}
