import { sql, type SQL } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';

import { quintileOfRank } from './sql-parts';

// RFM scores as buckets of values. A score is the quintile of a customer's rank() among the customers with orders
// (quintileOfRank), and equal values share a rank, so the customers with one score are exactly those whose value lies
// in one interval [lo, hi], the intervals of the five scores following each other. Knowing the intervals, a score is
// a CASE on the value (no sort of the customers), and whether one changed customer moves anyone else's score can be
// decided from the intervals and the counts below their ends (incremental.ts).

export const SCORE_DIMENSIONS = ['recency', 'frequency', 'monetary'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

/**
 * The ranking key of each score over a table with the columns of metrics_base: larger is better. Recency ranks fewer
 * days since the last order higher.
 */
export const SCORE_KEYS: Record<ScoreDimension, SQL> = {
  recency: sql`(-days_since_last)::bigint`,
  frequency: sql`orders::bigint`,
  monetary: sql`spend::bigint`,
};

/** The customers with one score: their keys lie in [lo, hi]; `belowLo`/`belowHi` customers have a key below lo/hi. */
export interface ScoreBucket {
  score: number;
  lo: number;
  hi: number;
  count: number;
  belowLo: number;
  belowHi: number;
}

/** The buckets of the three scores, and the number of customers ranked (those with orders). */
export interface ScoreBounds {
  customers: number;
  buckets: Record<ScoreDimension, ScoreBucket[]>;
}

/**
 * The buckets of each score among the rows of `table` (metrics_base: one row per customer with orders), from one
 * count per distinct value of each key: one pass over the table with a grouping set per key (one hash each; a count
 * per key read it three times), then a sort of the distinct values only, which is what the rank of each needs.
 */
export async function scoreBounds(tx: Tx, table: SQL, customers: number): Promise<ScoreBounds> {
  const key = (dimension: ScoreDimension) => sql.raw(`key_${dimension}`);
  const eachDimension = (part: (dimension: ScoreDimension) => SQL, separator: string) => sql.join(SCORE_DIMENSIONS.map(part), sql.raw(separator));
  // The dimension of a grouped row, or its value: the one key that row is grouped by.
  const byGrouping = (then: (dimension: ScoreDimension) => SQL) =>
    sql`(case ${eachDimension((dimension) => sql`when grouping(${key(dimension)}) = 0 then ${then(dimension)}`, ' ')} end)`;
  const keys = eachDimension((dimension) => sql`${SCORE_KEYS[dimension]} as ${key(dimension)}`, ', ');
  const sets = eachDimension((dimension) => sql`(${key(dimension)})`, ', ');
  const rows = await queryRows<{ dimension: ScoreDimension; score: number; lo: string; hi: string; count: string; belowLo: string; belowHi: string }>(
    tx,
    sql`
      select dimension, score::int as score, min(v)::text as lo, max(v)::text as hi, sum(c)::text as count,
        min(below)::text as "belowLo", max(below)::text as "belowHi"
      from (
        select dimension, v, c, below, ${quintileOfRank(sql`(below + 1)`, customers)} as score
        from (
          select dimension, v, c,
            (sum(c) over (partition by dimension order by v rows between unbounded preceding and current row))::bigint - c as below
          from (
            select ${byGrouping((dimension) => sql`${dimension}`)}::text as dimension, ${byGrouping(key)} as v, count(*) as c
            from (select ${keys} from ${table}) keyed
            group by grouping sets (${sets})
          ) grouped
        ) ranked
      ) scored
      group by dimension, score
      order by dimension, score`,
  );
  const buckets = Object.fromEntries(SCORE_DIMENSIONS.map((dimension) => [dimension, [] as ScoreBucket[]])) as Record<ScoreDimension, ScoreBucket[]>;
  for (const row of rows) {
    buckets[row.dimension].push({
      score: row.score,
      lo: Number(row.lo),
      hi: Number(row.hi),
      count: Number(row.count),
      belowLo: Number(row.belowLo),
      belowHi: Number(row.belowHi),
    });
  }
  return { customers, buckets };
}

/** The score of `key` (SQL) by the buckets: the highest score whose interval starts at or below it. */
export function scoreCase(key: SQL, buckets: readonly ScoreBucket[]): SQL {
  if (!buckets.length) return sql`null::smallint`;
  const descending = [...buckets].sort((a, b) => b.score - a.score);
  if (descending.length === 1) return sql`${descending[0].score}::smallint`;
  const branches = descending.slice(0, -1).map((bucket) => sql`when ${key} >= ${bucket.lo}::bigint then ${bucket.score}::smallint`);
  return sql`(case ${sql.join(branches, sql` `)} else ${descending[descending.length - 1].score}::smallint end)`;
}

/** The score of `key` by the buckets, in JS (as scoreCase). */
export function scoreOf(key: number, buckets: readonly ScoreBucket[]): number {
  const descending = [...buckets].sort((a, b) => b.score - a.score);
  return (descending.find((bucket) => key >= bucket.lo) ?? descending[descending.length - 1]).score;
}
