import { SCORE_DIMENSIONS, type ScoreBounds, type ScoreBucket, type ScoreDimension } from './scores';

// Whether changing a few customers' values moves anyone else's RFM score, decided from the score buckets alone.
//
// A score is quintile(1 + C(<v), N): C(<v) customers with orders rank below the value v, N have orders. When the
// customers S change (old values O out, new values W in), the count below v becomes C(<v) - #{o < v} + #{w < v} for
// every other customer, and N becomes N - |O| + |W|. That count only grows with v, so if the lowest and the highest
// value of a bucket (lo, hi, whose counts below are stored) keep the bucket's score, every value between them does:
// nobody else's score moves, and S's new scores follow from the same counts. When an end would change score, the
// boundaries have moved and only a full recompute ranks everyone again. The check is exact for those it accepts
// (score-changes.test.ts compares it with ranking everyone) and errs only towards a full recompute.

/** What S's change does to one score: each customer of S's new value's score, and the buckets after it. */
export interface DimensionChange {
  scores: number[];
  buckets: ScoreBucket[];
}

export type BoundsChange =
  | { moved: false; bounds: ScoreBounds; scores: Record<ScoreDimension, number[]> }
  | { moved: true; dimension: ScoreDimension | null; reason: string };

/** The bucket ntile(5) gives rank `rank` of `rows` (as quintileOfRank in SQL). */
export function quintile(rank: number, rows: number): number {
  const size = Math.floor(rows / 5);
  const remainder = rows % 5;
  const inLargerBuckets = remainder * (size + 1);
  if (rank <= inLargerBuckets) return Math.floor((rank - 1) / (size + 1)) + 1;
  return remainder + Math.floor((rank - inLargerBuckets - 1) / Math.max(size, 1)) + 1;
}

const countBelow = (values: readonly number[], v: number) => values.reduce((count, value) => count + (value < v ? 1 : 0), 0);

/**
 * The new buckets of one score after the values `before` (customers of S who had orders) are replaced by `after`
 * (those who have orders now), and the score of each value of `after`; null when someone else's score would move.
 */
export function changeDimension(buckets: readonly ScoreBucket[], customers: number, before: readonly number[], after: readonly number[]): DimensionChange | null {
  const rows = customers - before.length + after.length;
  if (rows <= 0 || !buckets.length) return null;
  const sorted = [...buckets].sort((a, b) => a.score - b.score);
  // The count below v after the change, given the count below v before it.
  const belowAfter = (belowBefore: number, v: number) => belowBefore - countBelow(before, v) + countBelow(after, v);
  const scoreAfter = (belowBefore: number, v: number) => quintile(1 + belowAfter(belowBefore, v), rows);
  for (const bucket of sorted) {
    if (scoreAfter(bucket.belowLo, bucket.lo) !== bucket.score || scoreAfter(bucket.belowHi, bucket.hi) !== bucket.score) return null;
  }
  const next = sorted.map((bucket) => ({ ...bucket, belowLo: belowAfter(bucket.belowLo, bucket.lo), belowHi: belowAfter(bucket.belowHi, bucket.hi) }));
  for (const value of before) {
    const index = sorted.findIndex((bucket) => value >= bucket.lo && value <= bucket.hi);
    if (index < 0) return null;
    next[index].count -= 1;
  }
  const scores: number[] = [];
  for (const value of after) {
    const inside = sorted.findIndex((bucket) => value >= bucket.lo && value <= bucket.hi);
    if (inside >= 0) {
      // Inside a bucket whose ends keep its score: the same score.
      scores.push(sorted[inside].score);
      next[inside].count += 1;
      continue;
    }
    // Between buckets (or beyond the first or last): everyone in the buckets below ranks below it.
    const belowBefore = sorted.filter((bucket) => bucket.hi < value).reduce((sum, bucket) => sum + bucket.count, 0);
    const score = scoreAfter(belowBefore, value);
    const index = sorted.findIndex((bucket) => bucket.score === score);
    if (index < 0) return null;
    const bucket = next[index];
    // A value between buckets k and k+1 can only score k or k+1, so it widens that bucket at the near end.
    if (value < bucket.lo) Object.assign(bucket, { lo: value, belowLo: belowAfter(belowBefore, value) });
    else if (value > bucket.hi) Object.assign(bucket, { hi: value, belowHi: belowAfter(belowBefore, value) });
    bucket.count += 1;
    scores.push(score);
  }
  // An emptied bucket would leave an interval that no longer describes anyone: rank again.
  if (next.some((bucket) => bucket.count <= 0)) return null;
  return { scores, buckets: next };
}

/** The key of each score for one customer with orders (larger is better, as SCORE_KEYS). */
export type ScoreKeys = Record<ScoreDimension, number>;

/** changeDimension for the three scores; `before`/`after` hold one entry per customer with orders before/after. */
export function changeBounds(bounds: ScoreBounds, before: readonly ScoreKeys[], after: readonly ScoreKeys[]): BoundsChange {
  const customers = bounds.customers - before.length + after.length;
  const scores = {} as Record<ScoreDimension, number[]>;
  const buckets = {} as Record<ScoreDimension, ScoreBucket[]>;
  for (const dimension of SCORE_DIMENSIONS) {
    const change = changeDimension(
      bounds.buckets[dimension],
      bounds.customers,
      before.map((keys) => keys[dimension]),
      after.map((keys) => keys[dimension]),
    );
    if (!change) return { moved: true, dimension, reason: `the ${dimension} score boundaries moved` };
    scores[dimension] = change.scores;
    buckets[dimension] = change.buckets;
  }
  return { moved: false, bounds: { customers, buckets }, scores };
}
