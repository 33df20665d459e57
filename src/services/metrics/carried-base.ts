import { sql, type SQL } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';

import { baseQuery, before } from './base-query';
import { rowsWithSegment } from './segment-counts';

import type { StoredMetricsRun } from './settings';

// A run's metrics_base without reading every order. Each customer's stored row holds what their orders gave as of the
// last run, written by that run or by the incremental path since (the same columns as metrics_base, or what they are
// computed from): reading the rows in place of the orders gives the same metrics_base, but for the customers whose
// orders changed since (metric_changes) or who have an order placed since the last run's moment, whose figures are
// aggregated from their orders, and those with an order that left the 90 or 365 days, whose windows lose those
// orders' counts and spend. A new day at a million customers reads 847,000 stored rows, the orders of the day's buyers
// and the orders on the windows' edges, not 4.95 M orders.
//
// The rows can be carried when:
//   - they were written by a run of this code (ROWS_VERSION, in the stored run; bump it when what a row holds moves);
//   - the run is as of the last run's moment or later (an earlier day moves orders out of the run, which the rows
//     cannot tell);
//   - every row with orders is still there: the segment rollup's count of rows with a segment (every customer with
//     orders has one) equals the last run's customers with orders. A TRUNCATE of the rows, or a customer with orders
//     deleted since (their orders moved away first, which metric_changes records), breaks the count;
//   - the customers to aggregate are at most a quarter of those with orders (a run after a month away): beyond that,
//     reading every order in two halves is as fast;
//   - a run read every order within the last READ_ALL_ORDERS_EVERY_DAYS days: a change that bypassed metric_changes
//     (a TRUNCATE of orders, rows loaded with triggers off) is then mended within a week, as it was by every run before.
// A change committed after takeChanges (an order, a merge) may be read by this run for some customers and not others;
// it stays in metric_changes, and the next run reads those customers' orders again.

/**
 * What a stored row holds; runs stored by code before the carried base have none and are never carried. A migration
 * that changes what a row holds must bump it (or remove rowsVersion from the stored run), so that the next run reads
 * every order.
 */
export const ROWS_VERSION = 1;

const MAX_SHARE_AGGREGATED = 4;
export const READ_ALL_ORDERS_EVERY_DAYS = 7;

/**
 * Empties metric_changes into the temporary table metrics_changed (one row per customer whose figures may move:
 * `aggregated` when read from their orders, else with what left their windows), before the run reads any order: a
 * change committed from then on stays recorded for the next run.
 */
export async function takeChanges(tx: Tx): Promise<void> {
  await tx.execute(sql`
    create temp table metrics_changed (customer_id uuid primary key, aggregated boolean not null,
      left_90d int not null default 0, left_365d int not null default 0, left_spend_365d bigint not null default 0)
    on commit drop`);
  await tx.execute(sql`
    with taken as (delete from metric_changes returning customer_id)
    insert into metrics_changed (customer_id, aggregated) select distinct customer_id, true from taken`);
}

/**
 * Whether this run, as of `asOf`, can carry the stored rows (see above). When it can, metrics_changed also holds every
 * customer whose figures the day moves, and the caller builds metrics_base with sendCarriedBase.
 */
export async function canCarryRows(tx: Tx, last: StoredMetricsRun | null, asOf: Date): Promise<boolean> {
  if (!last || last.rowsVersion !== ROWS_VERSION || Date.parse(last.asOf) > asOf.getTime()) return false;
  if (!last.allOrdersReadAt || Date.now() - Date.parse(last.allOrdersReadAt) > READ_ALL_ORDERS_EVERY_DAYS * 86_400_000) return false;
  if ((await rowsWithSegment(tx)) !== last.customersWithOrders) return false;
  const lastAt = sql`${last.asOf}::timestamptz`;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  // The window edges as baseQuery draws them, so that an order on an edge falls the same way.
  const crossed = (days: number) => sql`(placed_at > ${before(lastAt, days)} and placed_at <= ${before(at, days)})`;
  await tx.execute(sql`
    insert into metrics_changed (customer_id, aggregated)
    select distinct customer_id, true from orders where ${crossed(0)}
    on conflict do nothing`);
  // An order that left a window was placed by the last run's moment and has not changed since (it would be in
  // metric_changes): the stored row counts it, and loses it.
  await tx.execute(sql`
    insert into metrics_changed (customer_id, aggregated, left_90d, left_365d, left_spend_365d)
    select customer_id, false, count(*) filter (where ${crossed(90)}), count(*) filter (where ${crossed(365)}),
      coalesce(sum(total - refunded_total) filter (where ${crossed(365)}), 0)
    from orders
    where status in ${COUNTED_STATUSES} and (${crossed(90)} or ${crossed(365)})
    group by customer_id
    on conflict do nothing`);
  const [{ aggregated }] = await queryRows<{ aggregated: number }>(tx, sql`select count(*) filter (where aggregated)::int as aggregated from metrics_changed`);
  if (aggregated * MAX_SHARE_AGGREGATED > last.customersWithOrders) return false;
  await tx.execute(sql`analyze metrics_changed`);
  return true;
}

/**
 * The statement that creates metrics_base from the orders of the customers aggregated in metrics_changed and the
 * stored rows of everyone else with orders, less what left their windows: one statement, sent before the models are
 * fitted in this process.
 */
export function createCarriedBase(asOf: Date): SQL {
  const day = sql`(${asOf.toISOString()}::timestamptz at time zone 'UTC')::date`;
  // items: the row keeps their mean per order (a float8 quotient of two integers), which times the orders rounds back
  // to the count exactly, far beyond any shop's items.
  return sql`create temp table metrics_base on commit drop as
    ${baseQuery(asOf, sql`and customer_id in (select customer_id from metrics_changed where aggregated)`)}
    union all
    select m.customer_id, m.order_count, m.total_spend, round(m.average_items_per_order * m.order_count)::bigint,
      ${day} - m.first_order_on, ${day} - m.last_order_on, m.orders_90d - coalesce(c.left_90d, 0),
      m.orders_365d - coalesce(c.left_365d, 0), m.spend_365d - coalesce(c.left_spend_365d, 0),
      m.repeat_days, m.repeat_span_days, m.first_order_on, m.last_order_on, ${day} - m.first_order_on, m.repeat_spend
    from customer_metric_rows m left join metrics_changed c on c.customer_id = m.customer_id
    where m.order_count > 0 and c.aggregated is not true`;
}
