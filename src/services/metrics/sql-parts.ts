import { sql, type SQL } from 'drizzle-orm';

import { RFM_SEGMENT_RULES } from '@/lib/validation/metrics';

/** CASE over the R×F grid of RFM_SEGMENT_RULES, on columns `recency_score` and `frequency_score`. */
export function segmentCase(): SQL {
  const branches = RFM_SEGMENT_RULES.map(
    ({ segment, recency, frequency }) =>
      sql`when recency_score between ${sql.raw(String(recency[0]))} and ${sql.raw(String(recency[1]))} and frequency_score between ${sql.raw(String(frequency[0]))} and ${sql.raw(String(frequency[1]))} then ${sql.raw(`'${segment.replace(/'/g, "''")}'`)}`,
  );
  return sql`case ${sql.join(branches, sql` `)} end`;
}

/**
 * The bucket ntile(5) gives the row at position `rank` (1-based) of `rows` rows: the first rows % 5 buckets hold one
 * row more than the others, as in PostgreSQL's ntile. Applied to rank() (ties share the position of the first of
 * them) it gives equal values the lower score, as min(ntile) over the ties would, with one sort instead of two.
 */
export function quintileOfRank(rank: SQL, rows: number): SQL {
  const size = Math.floor(rows / 5);
  const remainder = rows % 5;
  const inLargerBuckets = remainder * (size + 1);
  const int = (value: number) => sql.raw(String(value));
  return sql`(case when ${rank} <= ${int(inLargerBuckets)} then (${rank} - 1) / ${int(size + 1)} + 1
    else ${int(remainder)} + (${rank} - ${int(inLargerBuckets)} - 1) / ${int(Math.max(size, 1))} + 1 end)::smallint`;
}
