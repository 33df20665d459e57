// How many rows a list's filters match, for the number above the table. Counting a million matches exactly reads a
// million rows, on every view; the planner's estimate reads none. So the planner is asked first, and only a filter it
// expects to match few rows is counted, and that count is bounded too (LIMIT), so a wrong estimate costs at most
// EXACT_COUNT_MAX + 1 rows of reading matches.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

import { getDb } from '@/db/client';
import type { MatchCount } from '@/lib/match-count';

export type { MatchCount };

/** Up to this many matches are counted exactly; past it the list shows the planner's estimate as "about". */
export const EXACT_COUNT_MAX = 10_000;

/** The planner's estimate of the rows a query returns, from its statistics: EXPLAIN, no rows are read. */
export async function estimateRows(query: SQLWrapper): Promise<number> {
  const result = await getDb().execute(sql`explain (format json) ${query}`);
  // Both drivers answer { rows }; the plan column is json, which one driver may hand over unparsed.
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const value = Object.values(row)[0];
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: { 'Plan Rows': number } }];
  return Math.round(plan[0].Plan['Plan Rows']);
}

/**
 * The rows of `table` matching `where`: exact up to `exactMax` (counted with a LIMIT, so never more than `exactMax`
 * + 1 rows are read), else the planner's estimate (`exact: false`), or, when the planner expected few but the bounded
 * count reached its cap, "more than `exactMax`" (`atLeast`).
 */
export async function countMatches(table: PgTable, where: SQL | undefined, exactMax: number = EXACT_COUNT_MAX): Promise<MatchCount> {
  const db = getDb();
  const matches = () => db.select({ one: sql`1` }).from(table).where(where);
  const estimate = await estimateRows(matches());
  if (estimate > exactMax) return { count: estimate, exact: false, atLeast: false };
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(matches().limit(exactMax + 1).as('matches'));
  return count > exactMax ? { count: exactMax, exact: false, atLeast: true } : { count, exact: true, atLeast: false };
}
