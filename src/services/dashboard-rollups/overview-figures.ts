import { sql, type SQL } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';

import { COUNTED_STATUSES } from '../orders/customer-stats';
import { splitIntoDays, type DayRange } from './spans';

// The overview's figures from the rollups (migration 0026_dashboard_rollups): each a sum over a few hundred slot rows
// of whole days, plus, when a span ends inside a day, that day's part read from customers or orders (an index range
// of a few hours). Same definitions as the full computation they replace (full-computation.ts, which the tests
// compare them with).

// bigint sums come back as strings (numeric); minor units of a shop's revenue stay far below 2^53.
const toNumber = (value: unknown) => Number(value ?? 0);

const dayCondition = (days: DayRange[]): SQL => sql.join(days.map((range) => sql`(day between ${range.from}::date and ${range.to}::date)`), sql` or `);

/**
 * Per group (null: no group) that has any customer row, erased ones included: its customers that are not erased, how
 * many of them bought once and twice or more, and the all-time net spend of all its customers (erased ones' too).
 */
export async function groupTotals(): Promise<{ groupId: string | null; customers: number; buyers: number; repeatBuyers: number; spend: number }[]> {
  const rows = await queryRows<{ group_id: string | null; customers: number; buyers: number; repeat_buyers: number; spend: string | number }>(
    getDb(),
    sql`
      select customer_group_id as group_id, sum(customers)::int as customers, sum(buyers)::int as buyers,
             sum(repeat_buyers)::int as repeat_buyers, sum(spend) as spend
      from rollup_group_totals
      group by customer_group_id
      having sum(members) > 0`,
  );
  return rows.map((row) => ({ groupId: row.group_id, customers: row.customers, buyers: row.buyers, repeatBuyers: row.repeat_buyers, spend: toNumber(row.spend) }));
}

// Matches the expression of customers_first_seen_idx, so a part-day is one index range. least() skips a null
// first_order_date.
const firstSeen = sql`least(created_at, first_order_date)`;

/**
 * Customers who are not erased, first seen (added or first ordered, whichever came first) from `from` to `to`, both
 * included, per UTC month (yyyy-mm); months without any are left out.
 */
export async function newCustomersByMonth(from: Date, to: Date): Promise<{ month: string; count: number }[]> {
  const { days, instants } = splitIntoDays(from, to);
  const parts: SQL[] = [];
  if (days.length) {
    parts.push(sql`select to_char(day::timestamp, 'YYYY-MM') as month, sum(customers) as count from rollup_new_customers_daily where ${dayCondition(days)} group by 1`);
  }
  for (const range of instants) {
    parts.push(sql`
      select to_char(${firstSeen} at time zone 'UTC', 'YYYY-MM') as month, ${range.sign}::int * count(*) as count
      from customers
      where ${firstSeen} >= ${range.from.toISOString()}::timestamptz and ${firstSeen} < ${range.end.toISOString()}::timestamptz and erased_at is null
      group by 1`);
  }
  if (!parts.length) return [];
  const rows = await queryRows<{ month: string; count: number }>(
    getDb(),
    sql`select month, sum(count)::int as count from (${sql.join(parts, sql` union all `)}) p group by month having sum(count) <> 0`,
  );
  return rows;
}

/** Counted orders placed from `from` to `to` (both included): how many, and their net revenue (totals less refunds). */
export async function salesBetween(from: Date, to: Date): Promise<{ orders: number; revenue: number }> {
  const { days, instants } = splitIntoDays(from, to);
  const parts: SQL[] = [];
  if (days.length) parts.push(sql`select sum(orders) as orders, sum(revenue) as revenue from rollup_sales_daily where ${dayCondition(days)}`);
  for (const range of instants) {
    parts.push(sql`
      select ${range.sign}::int * count(*) as orders, ${range.sign}::int * coalesce(sum(total - refunded_total), 0) as revenue
      from orders
      where status in ${COUNTED_STATUSES} and placed_at >= ${range.from.toISOString()}::timestamptz and placed_at < ${range.end.toISOString()}::timestamptz`);
  }
  if (!parts.length) return { orders: 0, revenue: 0 };
  const [row] = await queryRows<{ orders: string | number | null; revenue: string | number | null }>(
    getDb(),
    sql`select sum(orders) as orders, sum(revenue) as revenue from (${sql.join(parts, sql` union all `)}) p`,
  );
  return { orders: toNumber(row?.orders), revenue: toNumber(row?.revenue) };
}
