import { sql, type SQL } from 'drizzle-orm';

import { COUNTED_STATUSES } from '@/services/orders/customer-stats';

// metrics_base: per customer with counted orders up to asOf, their totals, windows, and the BG/NBD summary in days
// (x = purchase days after the first, tx = first to last purchase day, t = first purchase day to the as-of day) with
// the spend of those repeat days for Gamma-Gamma. Built by a full run (compute.ts, carried-base.ts) and for a few
// customers by the incremental path.
//
// One pass over the orders in customer and placed order, which orders_customer_placed_idx gives with every column read
// here (an index-only scan, no sort): a window marks each order that starts a new purchase day and carries the first
// day, and one aggregate per customer sums them. Grouping by customer and day first, then by customer, took twice as
// long at a million customers (the 4.9 M orders read from the table and sorted by day).

/**
 * The moment `days` days before `at` (SQL timestamptz), counted in UTC whatever the session's time zone, so that a
 * run from the app and one from the CLI draw the same window edges; as a subquery, computed once per statement.
 */
export function before(at: SQL, days: number): SQL {
  return days === 0 ? at : sql`(select ((${at} at time zone 'UTC') - ${`${days} days`}::interval) at time zone 'UTC')`;
}

/** The statement that creates metrics_base, with the rows of baseQuery for the customers whose orders match `only`. */
export function createBase(asOf: Date, only: SQL): SQL {
  return sql`create temp table metrics_base on commit drop as ${baseQuery(asOf, only)}`;
}

/** The rows of metrics_base for the customers whose orders match `only` (`and …` on orders, or empty), in customer order. */
export function baseQuery(asOf: Date, only: SQL): SQL {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const since90 = before(at, 90);
  const since365 = before(at, 365);
  // Days since an order are counted between UTC days, as the view customer_metrics counts them from the stored days.
  const asOfDay = sql`(${at} at time zone 'UTC')::date`;
  return sql`
    with counted as (
      select customer_id, placed_at, total - refunded_total as spend, item_count, (placed_at at time zone 'UTC')::date as day
      from orders
      where status in ${COUNTED_STATUSES} and placed_at <= ${at} ${only}
    ),
    marked as (
      select counted.*, day is distinct from lag(day) over w as new_day, first_value(day) over w as first_day
      from counted
      window w as (partition by customer_id order by placed_at)
    )
    select customer_id,
      count(*)::int as orders,
      sum(spend)::bigint as spend,
      sum(item_count)::bigint as items,
      (${asOfDay} - min(day))::int as days_since_first,
      (${asOfDay} - max(day))::int as days_since_last,
      count(*) filter (where placed_at > ${since90})::int as orders_90d,
      count(*) filter (where placed_at > ${since365})::int as orders_365d,
      coalesce(sum(spend) filter (where placed_at > ${since365}), 0)::bigint as spend_365d,
      (count(*) filter (where new_day) - 1)::int as x,
      (max(day) - min(day))::int as tx_days,
      min(day) as first_day,
      max(day) as last_day,
      (${asOfDay} - min(day))::int as t_days,
      -- Mean spend of the repeat purchase days (null without any).
      (coalesce(sum(spend) filter (where day > first_day), 0)::float8 / nullif(count(*) filter (where new_day) - 1, 0)) as repeat_spend
    from marked
    group by customer_id`;
}
