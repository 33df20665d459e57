import { sql } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';

import { COUNTED_STATUSES } from '../orders/customer-stats';
import { daysAsInstants } from './spans';
import { staffBuyerRows } from './staff-figures';

// A member's most valuable acquired customers in a period, and how many of the cohort ordered in it, without reading
// the cohort's orders. Each customer row carries its stats over all its counted orders (total_spend, order_count and
// the first and last order dates, kept exact by every writer: orders/customer-stats.ts), and rollup_staff_customers
// holds a copy of them for the customers staff created, so:
// - a customer whose first and last counted orders both lie in the period bought exactly their stats in it;
// - one whose orders all lie outside it bought nothing in it;
// - for the rest (orders on either side of a bound) the orders are summed, but only for those whose all-time spend
//   reaches the 10th best of the first kind: a period's net revenue never exceeds the all-time one (refunds are at
//   most the total), so the others cannot enter the list. Whether they bought in the period at all is known from the
//   dates unless their orders straddle both bounds, which is the only case that looks for an order.
// The best customers are read from rollup_staff_customers_spend_idx in their order, stopping after the 10th of the
// first kind, and the rest down to its spend (or, when the period's cohort is small, from its range of
// rollup_staff_customers_cohort_idx, as the planner finds cheaper). The count of buyers comes from rollup_staff_buyers for the customers
// who ordered on or after their creation (a cohort customer of those bought in the period exactly when their first
// order lies in it), a few hundred rows, and from the cohort's other customers, who ordered before they were created
// (imported with their history; none in the demo), one by one through rollup_staff_customers_ordered_before_idx. Only
// they, and the customers straddling the period (always of them), grow the page with the cohort. In a period up to
// today no order is read unless such a customer's orders cross its start and their spend reaches the list.

export interface TopCustomerRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  created_at: string | Date;
  orders: number;
  revenue: string | number;
  buyers: number;
}

/**
 * The `limit` best customers of the cohort of `staffId` created from `from` to `to` (days, both included), by revenue
 * in those days, each row with the cohort's buyer count.
 */
export async function staffTopCustomers(staffId: string, { from, to }: { from: string; to: string }, limit: number): Promise<TopCustomerRow[]> {
  const { start, end } = daysAsInstants(from, to);
  const inCohort = sql`c.staff_id = ${staffId} and c.created_at >= ${start}::timestamptz and c.created_at < ${end}::timestamptz
    and c.order_count > 0 and c.first_order_date < ${end}::timestamptz and c.last_order_date >= ${start}::timestamptz`;
  const isWhole = sql`c.first_order_date >= ${start}::timestamptz and c.last_order_date < ${end}::timestamptz`;
  const straddles = sql`c.first_order_date < ${start}::timestamptz and c.last_order_date >= ${end}::timestamptz`;
  // The order of rollup_staff_customers_spend_idx after the staff id, so that "whole" reads its first rows.
  const bySpend = sql`c.total_spend desc, c.order_count desc, c.customer_id`;
  return queryRows<TopCustomerRow>(
    getDb(),
    sql`
      with ordered_before as (
        select count(*) filter (where not straddles) as buyers, array_agg(id) filter (where straddles) as straddlers
        from (
          select c.customer_id as id, (${straddles}) as straddles
          from rollup_staff_customers c
          where ${inCohort} and c.first_order_date < c.created_at
        ) members
      ),
      whole as (
        select c.customer_id as id, c.order_count as orders, c.total_spend as revenue
        from rollup_staff_customers c
        where ${inCohort} and ${isWhole}
        order by ${bySpend}
        limit ${limit}
      ),
      bar as (select coalesce((select revenue from whole order by revenue desc limit 1 offset ${limit - 1}), -1) as revenue),
      rest as (
        select c.customer_id as id, false as straddles
        from rollup_staff_customers c
        where c.total_spend >= (select revenue from bar) and ${inCohort} and not (${isWhole}) and not (${straddles})
        union all
        select unnest(straddlers), true from ordered_before
      ),
      summed as (
        select r.id, r.straddles, s.orders, s.revenue
        from rest r
        cross join lateral (
          select count(*)::int as orders, coalesce(sum(o.total - o.refunded_total), 0)::bigint as revenue
          from orders o
          where o.customer_id = r.id and o.status in ${COUNTED_STATUSES} and o.placed_at >= ${start}::timestamptz and o.placed_at < ${end}::timestamptz
        ) s
      ),
      buyers as (
        select (select coalesce(sum(customers), 0) from (${staffBuyerRows(sql`select ${staffId}::text`, from, to)}) b)
          + (select buyers from ordered_before) + (select count(*) from summed where straddles and orders > 0) as count
      ),
      ranked as (
        select id, orders, revenue from whole
        union all
        select id, orders, revenue from summed where orders > 0
        order by revenue desc, orders desc, id
        limit ${limit}
      )
      select c.id, c.first_name, c.last_name, c.email, c.created_at, r.orders, r.revenue, (select count from buyers)::int as buyers
      from ranked r join customers c on c.id = r.id
      order by r.revenue desc, r.orders desc, r.id`,
  );
}
