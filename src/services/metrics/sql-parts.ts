import { sql, type SQL } from 'drizzle-orm';

import { RFM_SEGMENT_RULES } from '@/lib/validation/metrics';

import type { BgNbdParams } from './bg-nbd';
import type { GammaGammaParams } from './gamma-gamma';

const float = (value: number) => sql.raw(`${Number(value).toPrecision(17)}::float8`);

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

/**
 * P(alive | x, tx, T) of BG/NBD in SQL (weeks from the day columns x, tx_days, t_days); the exponent is clamped so
 * that exp() neither overflows nor underflows (both raise errors in PostgreSQL) for customers with many purchases.
 */
export function pAliveSql({ r, alpha, a, b }: BgNbdParams): SQL {
  const exponent = sql`ln(${float(a)} / (${float(b)} + x - 1)) + (${float(r)} + x) * ln((${float(alpha)} + t_days / 7.0) / (${float(alpha)} + tx_days / 7.0))`;
  return sql`case when x = 0 then 1.0::float8 else 1.0 / (1.0 + exp(greatest(-700.0, least(700.0, ${exponent})))) end`;
}

/** E[mean order value | x, repeat mean] of Gamma-Gamma in SQL (the population mean for x = 0). */
export function expectedValueSql({ p, q, gamma }: GammaGammaParams): SQL {
  // repeat_spend is the mean of the repeat purchase days, so x * repeat_spend is their total.
  return sql`(${float(p)} * (${float(gamma)} + case when x > 0 then x * repeat_spend::float8 else 0 end)) / (${float(p)} * x + ${float(q)} - 1.0)`;
}

/** A uuid[] of the ids, as one text parameter. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}
