import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import { getDb, queryRows } from '@/db/client';

/** Whose segment rows to check: the given customers, or the rows a transaction (its id) wrote last. */
export type SegmentRowsScope = { customerIds: readonly string[] } | { writtenByTransaction: string };

/**
 * Copies the current sort keys of any customer whose customer_segments row disagrees with them (in `scope`, or of
 * everyone). A metrics run writes a customer's segment row with the keys it read; an order that completes
 * before that run commits updates the customer, but its trigger cannot see the uncommitted row, so the row would keep
 * the older keys and the customer would sit out of place in its segment's list. Run after each metrics run commits:
 * the customers are locked (FOR SHARE, in id order, as merges lock them) and their newest keys copied, so that an
 * order completing meanwhile waits and then updates the row itself. Returns how many rows it corrected (normally none).
 * Only rows the run itself wrote last can be out of date (a row an order's trigger wrote since holds that order's
 * keys), so a full run checks those (`writtenByTransaction`): comparing all 846,000 rows with their customers took
 * 2.0-2.7 s after every run at a million, those of one run 0.15 s. (The run and the segment triggers use no savepoints,
 * so every row they write carries the run's own transaction id.)
 */
export async function resyncSegmentKeys(scope?: SegmentRowsScope): Promise<number> {
  // xmin is the 32-bit id of the transaction that wrote the row version; pg_current_xact_id() gave the run's 64-bit one.
  const only = !scope
    ? sql``
    : 'customerIds' in scope
      ? sql`and c.id = any(${arrayParam(scope.customerIds, 'uuid')})`
      : sql`and s.xmin::text::bigint = ${scope.writtenByTransaction}::bigint % 4294967296`;
  const rows = await queryRows<{ customerId: string }>(
    getDb(),
    sql`
      with stale as (
        select c.id, k.*
        from customers c
        join customer_segments s on s.customer_id = c.id
        cross join lateral (
          select c.created_at, c.sort_name, coalesce(c.email, '') as email_key, c.total_spend, c.order_count,
                 coalesce(c.last_order_date, '-infinity'::timestamptz) as last_order_key
        ) k
        where (s.created_at, s.sort_name, s.email_key, s.total_spend, s.order_count, s.last_order_key) is distinct from k ${only}
        order by c.id
        for share of c
      )
      update customer_segments s set created_at = stale.created_at, sort_name = stale.sort_name, email_key = stale.email_key,
        total_spend = stale.total_spend, order_count = stale.order_count, last_order_key = stale.last_order_key
      from stale where s.customer_id = stale.id
      returning s.customer_id as "customerId"`,
  );
  return rows.length;
}
