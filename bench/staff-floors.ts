// The floors of the staff cases: the same figures as one statement over customers and orders, without the rollups,
// on the indexes that serve them (customers_created_by_idx for a member's cohort, orders_customer_placed_idx for its
// orders). A member's cohort of a year is a tenth of the customers created that year divided among the bench staff,
// so these floors grow with the shop, where the rollups do not: a ratio below 1 is what the rollups buy.
import { sql, type SQL } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { resolveStaffPeriod } from '@/lib/validation/staff-metrics';
import { daysAsInstants } from '@/services/dashboard-rollups/spans';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';

import { rowsOf } from './database';
import type { Floor } from './floors';

/** The default period (the last 12 months), as the cases ask for it. */
function defaultPeriod(): { start: string; end: string } {
  const period = resolveStaffPeriod({});
  return daysAsInstants(period.from, period.to);
}

/** Counted orders of a member `member` (SQL: their id)'s customers created in [start, end), placed in [start, end). */
function cohortOrders(member: SQL, start: string, end: string): SQL {
  return sql`select c.id as customer_id, o.placed_at, o.total - o.refunded_total as revenue
    from customers c join orders o on o.customer_id = c.id
    where c.created_by_id = ${member} and c.created_at >= ${start}::timestamptz and c.created_at < ${end}::timestamptz
      and o.placed_at >= ${start}::timestamptz and o.placed_at < ${end}::timestamptz and o.status in ${COUNTED_STATUSES}`;
}

/** The staff list: every member with the customers they acquired in the period and those customers' orders in it. Returns the members. */
export function staffListFloor(handle: DatabaseHandle): Floor {
  return async () => {
    const { start, end } = defaultPeriod();
    const rows = await rowsOf(
      handle,
      sql`select m.id, coalesce(nullif(m.name, ''), m.email) as name, m.role, a.customers, s.orders, s.revenue
        from staff_members m
        cross join lateral (select count(*) as customers from customers c
          where c.created_by_id = m.id and c.created_at >= ${start}::timestamptz and c.created_at < ${end}::timestamptz) a
        cross join lateral (select count(*) as orders, coalesce(sum(revenue), 0) as revenue from (${cohortOrders(sql`m.id`, start, end)}) b) s
        order by s.revenue desc, a.customers desc, 2, m.id`,
    );
    return rows.length;
  };
}

/** A member's page: per month acquired, orders and revenue, the buyers, and the ten best customers. Returns the months. */
export function staffMemberFloor(handle: DatabaseHandle, memberId: string): Floor {
  return async () => {
    const { start, end } = defaultPeriod();
    const [row] = await rowsOf<{ months: unknown[] }>(
      handle,
      sql`with bought as materialized (${cohortOrders(sql`${memberId}`, start, end)}),
        per_customer as (select customer_id, count(*) as orders, sum(revenue) as revenue from bought group by customer_id)
        select
          (select json_agg(t) from (
            select to_char(local_month, 'YYYY-MM') as month,
              (select count(*) from customers c where c.created_by_id = ${memberId} and c.created_at >= greatest(m.month_start, ${start}::timestamptz)
                and c.created_at < least(m.month_end, ${end}::timestamptz)) as customers,
              (select count(*) from bought b where b.placed_at >= m.month_start and b.placed_at < m.month_end) as orders,
              (select coalesce(sum(revenue), 0) from bought b where b.placed_at >= m.month_start and b.placed_at < m.month_end) as revenue
            from generate_series(date_trunc('month', ${start}::timestamptz at time zone 'UTC'), ${end}::timestamptz at time zone 'UTC' - interval '1 day', interval '1 month') local_month
            cross join lateral (select local_month at time zone 'UTC' as month_start, (local_month + interval '1 month') at time zone 'UTC' as month_end) m
          ) t) as months,
          (select count(*) from per_customer) as buyers,
          (select json_agg(t) from (
            select c.id, c.first_name, c.last_name, c.email, c.created_at, p.orders, p.revenue
            from per_customer p join customers c on c.id = p.customer_id
            order by p.revenue desc, p.orders desc, p.customer_id limit 10
          ) t) as top`,
    );
    return row.months.length;
  };
}
