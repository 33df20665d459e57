import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { changeDimension, quintile } from './score-changes';
import type { ScoreBucket } from './scores';

// The definition, by ranking everyone: quintile(1 + how many rank below, how many there are).
const scoresOf = (values: readonly number[]) => values.map((v) => quintile(1 + values.filter((u) => u < v).length, values.length));

// The buckets as scoreBounds computes them in SQL.
function bucketsOf(values: readonly number[]): ScoreBucket[] {
  const scores = scoresOf(values);
  const buckets = new Map<number, ScoreBucket>();
  values.forEach((v, i) => {
    const below = values.filter((u) => u < v).length;
    const bucket = buckets.get(scores[i]) ?? { score: scores[i], lo: v, hi: v, count: 0, belowLo: below, belowHi: below };
    if (v < bucket.lo) Object.assign(bucket, { lo: v, belowLo: below });
    if (v > bucket.hi) Object.assign(bucket, { hi: v, belowHi: below });
    bucket.count += 1;
    buckets.set(scores[i], bucket);
  });
  return [...buckets.values()].sort((a, b) => a.score - b.score);
}

// One step: some customers change value, some lose their orders (undefined), some are new.
const step = fc.record({
  changed: fc.array(fc.record({ index: fc.nat(), value: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) }), { maxLength: 3 }),
  added: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 2 }),
});

describe('changeDimension', () => {
  it('never misses a score that moves, and gives the changed customers the scores ranking everyone gives', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }), fc.array(step, { minLength: 1, maxLength: 6 }), (initial, steps) => {
        let values = [...initial];
        let buckets = bucketsOf(values);
        for (const { changed, added } of steps) {
          const picked = [...new Set(changed.map((change) => change.index % values.length))];
          const newValues = new Map(changed.map((change) => [change.index % values.length, change.value]));
          const before = picked.map((i) => values[i]);
          const after = [...picked.map((i) => newValues.get(i)).filter((v): v is number => v !== undefined), ...added];
          const next = [...values.filter((_, i) => !picked.includes(i)), ...after];
          const change = changeDimension(buckets, values.length, before, after);
          if (!next.length) break;
          if (!change) {
            // A full recompute: rank everyone again.
            values = next;
            buckets = bucketsOf(values);
            continue;
          }
          const oldScores = scoresOf(values);
          const newScores = scoresOf(next);
          const kept = values.filter((_, i) => !picked.includes(i)).length;
          // Nobody else's score moved...
          expect(newScores.slice(0, kept)).toEqual(oldScores.filter((_, i) => !picked.includes(i)));
          // ...the changed customers got the score ranking everyone gives them...
          expect(change.scores).toEqual(newScores.slice(kept));
          // ...and the buckets still describe everyone: each score's values within [lo, hi], with the counts below.
          for (const bucket of change.buckets) {
            const members = next.filter((_, i) => newScores[i] === bucket.score);
            expect(members.length).toBe(bucket.count);
            expect(members.every((v) => v >= bucket.lo && v <= bucket.hi)).toBe(true);
            expect(next.filter((v) => v < bucket.lo).length).toBe(bucket.belowLo);
            expect(next.filter((v) => v < bucket.hi).length).toBe(bucket.belowHi);
          }
          values = next;
          buckets = change.buckets;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps everyone else put when one customer moves inside a bucket, and asks for a recompute when a boundary moves', () => {
    // 10 customers, values 1..10: two per score.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const buckets = bucketsOf(values);
    // 5 -> 6 passes over the customer with 6, whose rank goes from 6 to 5, within score 3: nothing else moves.
    expect(changeDimension(buckets, 10, [5], [6])?.scores).toEqual([3]);
    // 1 -> 10 moves everyone from 2 to 9 down a rank, across every boundary.
    expect(changeDimension(buckets, 10, [1], [10])).toBeNull();
  });
});
