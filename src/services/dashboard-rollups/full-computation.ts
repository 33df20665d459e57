import { sql } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';
import type { StaffPeriod } from '@/lib/validation/staff-metrics';

import { COUNTED_STATUSES } from '../orders/customer-stats';
import { daysAsInstants } from './spans';

// The dashboard figures computed the long way, from every customer and order (the queries the rollups replaced).
// The reference the rollups must equal: rollups.test.ts compares them after every kind of change, and anyone who
// doubts a rollup on a live shop can compare it too (slow at a million: seconds, not milliseconds).

const toNumber = (value: unknown) => Number(value ?? 0);
const iso = (date: Date) => date.toISOString();

export interface FullOverviewFigures {
  customers: number;
  buyers: number;
  repeatBuyers: number;
  groups: { groupId: string | null; revenue: number; customers: number }[];
  /** New customers per month (yyyy-mm) from `from` to `to`, months without any left out. */
  newByMonth: Record<string, number>;
  orders: number;
  revenue: number;
}

/** Counts and all-time spend per group, new customers per month and sales, over the instants from `from` to `to` (both included). */
export async function fullOverviewFigures(from: Date, to: Date): Promise<FullOverviewFigures> {
  const db = getDb();
  const firstSeen = sql`least(created_at, first_order_date)`;
  const [groups, months, [sales]] = await Promise.all([
    queryRows<{ group_id: string | null; customers: number; buyers: number; repeat_buyers: number; spend: string }>(
      db,
      sql`select customer_group_id as group_id, (count(*) filter (where erased_at is null))::int as customers,
                 (count(*) filter (where erased_at is null and order_count >= 1))::int as buyers,
                 (count(*) filter (where erased_at is null and order_count >= 2))::int as repeat_buyers, coalesce(sum(total_spend), 0) as spend
          from customers group by customer_group_id`,
    ),
    queryRows<{ month: string; count: number }>(
      db,
      sql`select to_char(${firstSeen} at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as count from customers
          where ${firstSeen} >= ${iso(from)}::timestamptz and ${firstSeen} <= ${iso(to)}::timestamptz and erased_at is null group by 1`,
    ),
    queryRows<{ orders: number; revenue: string }>(
      db,
      sql`select count(*)::int as orders, coalesce(sum(total - refunded_total), 0) as revenue from orders
          where status in ${COUNTED_STATUSES} and placed_at >= ${iso(from)}::timestamptz and placed_at <= ${iso(to)}::timestamptz`,
    ),
  ]);
  return {
    customers: groups.reduce((sum, row) => sum + row.customers, 0),
    buyers: groups.reduce((sum, row) => sum + row.buyers, 0),
    repeatBuyers: groups.reduce((sum, row) => sum + row.repeat_buyers, 0),
    groups: groups.map((row) => ({ groupId: row.group_id, revenue: toNumber(row.spend), customers: row.customers })),
    newByMonth: Object.fromEntries(months.map((row) => [row.month, row.count])),
    orders: sales.orders,
    revenue: toNumber(sales.revenue),
  };
}

export interface FullStaffFigures {
  customersAcquired: number;
  orderCount: number;
  revenue: number;
  /** Per month (yyyy-mm) with anything acquired or sold. */
  months: Record<string, { customersAcquired: number; orderCount: number; revenue: number }>;
  customersWhoOrdered: number;
  /** Every cohort customer who ordered in the period, best first (revenue, orders, id). */
  ranked: { id: string; orderCount: number; revenue: number }[];
}

/** One member's cohort (customers created in the period) and its counted orders placed in the period. */
export async function fullStaffFigures(staffId: string, period: StaffPeriod): Promise<FullStaffFigures> {
  const db = getDb();
  const { start, end } = daysAsInstants(period.from, period.to);
  const cohort = sql`
    cohort as materialized (
      select c.id, c.created_at from customers c
      where c.created_by_id = ${staffId} and c.created_at >= ${start}::timestamptz and c.created_at < ${end}::timestamptz
    ),
    bought as (
      select o.customer_id, o.placed_at, o.total - o.refunded_total as revenue
      from cohort c join orders o on o.customer_id = c.id
      where o.placed_at >= ${start}::timestamptz and o.placed_at < ${end}::timestamptz and o.status in ${COUNTED_STATUSES}
    )`;
  const [acquired, sold, ranked] = await Promise.all([
    queryRows<{ month: string; customers: number }>(db, sql`with ${cohort} select to_char(created_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as customers from cohort group by 1`),
    queryRows<{ month: string; orders: number; revenue: string }>(
      db,
      sql`with ${cohort} select to_char(placed_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as orders, sum(revenue) as revenue from bought group by 1`,
    ),
    queryRows<{ id: string; orders: number; revenue: string }>(
      db,
      sql`with ${cohort} select customer_id as id, count(*)::int as orders, sum(revenue) as revenue from bought group by customer_id order by 3 desc, 2 desc, 1`,
    ),
  ]);
  const months: FullStaffFigures['months'] = {};
  const month = (key: string) => (months[key] ??= { customersAcquired: 0, orderCount: 0, revenue: 0 });
  for (const row of acquired) month(row.month).customersAcquired = row.customers;
  for (const row of sold) Object.assign(month(row.month), { orderCount: row.orders, revenue: toNumber(row.revenue) });
  const all = Object.values(months);
  return {
    customersAcquired: all.reduce((sum, row) => sum + row.customersAcquired, 0),
    orderCount: all.reduce((sum, row) => sum + row.orderCount, 0),
    revenue: all.reduce((sum, row) => sum + row.revenue, 0),
    months,
    customersWhoOrdered: ranked.length,
    ranked: ranked.map((row) => ({ id: row.id, orderCount: row.orders, revenue: toNumber(row.revenue) })),
  };
}
