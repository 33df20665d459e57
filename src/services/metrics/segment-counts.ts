import { sql } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';

// What rollup_metric_segments counts of the stored rows: the triggers on customer_metric_rows keep it in the writer's
// transaction, so it already counts what a run wrote, in a few rows where counting the metrics rows reads every
// customer's row.

/** Customers per RFM segment, largest first. */
export async function segmentSizes(tx: Tx): Promise<Record<string, number>> {
  const rows = await queryRows<{ segment: string; count: number }>(
    tx,
    sql`select rfm_segment as segment, sum(customers)::int as count from rollup_metric_segments
        where rfm_segment is not null group by 1 having sum(customers) > 0 order by 2 desc, 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.segment, row.count]));
}

/** The stored rows with a segment: those of the customers with counted orders, as every pair of scores has a segment. */
export async function rowsWithSegment(tx: Tx): Promise<number> {
  return Object.values(await segmentSizes(tx)).reduce((sum, count) => sum + count, 0);
}
