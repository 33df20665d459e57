import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { quintileOfRank } from './sql-parts';

withTestDatabase();

// RFM scores used to be min(ntile(5)) over each run of equal values (two sorts per score); quintileOfRank must give
// exactly that from rank() alone, for any number of rows (fewer than 5, multiples of 5 and every remainder) and with
// many ties.
describe(`quintileOfRank (${TEST_DB_KIND})`, () => {
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 23, 99, 1_003, 5_004];

  it.each(sizes)('scores %i rows as the lowest ntile(5) among equal values', async (rows) => {
    const [{ differing, scores }] = await queryRows<{ differing: number; scores: number[] }>(
      getDb(),
      sql`
        with v as (select i, ((i * 7919) % ${Math.max(2, Math.floor(rows / 3))})::int as value from generate_series(1, ${rows}) i),
        scored as (
          select value, ntile(5) over (order by value, i) as tile, ${quintileOfRank(sql`rank() over (order by value)`, rows)} as quintile from v
        ),
        expected as (select quintile, min(tile) over (partition by value) as lowest_tile from scored)
        select (count(*) filter (where quintile <> lowest_tile))::int as differing, array_agg(distinct quintile order by quintile) as scores from expected`,
    );
    expect(differing).toBe(0);
    expect(scores[0]).toBe(1);
  });
});
