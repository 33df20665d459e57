import { sql, type SQL } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';
import type { StaffMetrics, StaffPerformanceList } from '@/lib/staff-metrics-types';
import type { Actor, StaffRole } from '@/lib/types';
import { resolveStaffPeriod, STAFF_PERIOD_MAX_MONTHS, staffMetricsQuerySchema, staffPeriodMonths, type StaffMetricsQuery, type StaffPeriod } from '@/lib/validation/staff-metrics';

import { ForbiddenError, NotFoundError, ValidationFailedError } from './errors';
import { daysAsInstants } from './dashboard-rollups/spans';
import { staffAcquiredRows, staffSalesRows } from './dashboard-rollups/staff-figures';
import { staffTopCustomers } from './dashboard-rollups/staff-top-customers';
import { assertCan, can } from './permissions';
import { SHOP_CURRENCY } from '@/lib/config';
import { parseInput } from './validate';

export type { StaffMetrics, StaffMonth, StaffPerformance, StaffPerformanceList, StaffTopCustomer } from '@/lib/staff-metrics-types';

// Staff performance. A member "acquired" the customers they created by hand (customers.created_by_id) within the
// period. What those customers "brought" is their counted orders (every completed one, refunded or not) PLACED within
// the same period: revenue is Σ(total − refunded_total) in minor units, so a refund lowers it and a fully refunded order
// still counts as an order that brought 0, exactly as in a customer's totalSpend and orderCount. Orders of customers acquired before the period are not counted, so
// a period's figures describe one cohort: average customer value = that revenue / the customers acquired. Months are
// UTC calendar months.

const TOP_CUSTOMERS = 10;

/**
 * Whose figures the actor may see, per ARCHITECTURE.md's role table: owners everyone's, admins everyone's but
 * owners', a staff member only their own. A staff-role API key belongs to no member, so it sees no one's.
 */
function visibleMembers(actor: Actor): SQL {
  if (can(actor, 'staff:read_all')) return actor.role === 'admin' ? sql`m.role <> 'owner'` : sql`true`;
  return actor.type === 'staff' ? sql`m.id = ${actor.id}` : sql`false`;
}

function mayRead(actor: Actor, member: { id: string; role: StaffRole }): boolean {
  if (can(actor, 'staff:read_all')) return actor.role !== 'admin' || member.role !== 'owner';
  return actor.type === 'staff' && actor.id === member.id;
}

/** The period's bounds as timestamps: [from 00:00 UTC, the day after `to` 00:00 UTC). */
function periodOf(query: StaffMetricsQuery | undefined, now: Date): { period: StaffPeriod; start: string; end: string } {
  const parsed = parseInput(staffMetricsQuerySchema, query ?? {});
  const period = resolveStaffPeriod(parsed, now);
  if (period.from > period.to) throw new ValidationFailedError('The period ends before it starts', [{ path: 'from', message: `Must be on or before ${period.to}` }]);
  if (staffPeriodMonths(period) > STAFF_PERIOD_MAX_MONTHS) {
    throw new ValidationFailedError('The period is too long', [{ path: 'from', message: `A period can span at most ${STAFF_PERIOD_MAX_MONTHS} months` }]);
  }
  return { period, ...daysAsInstants(period.from, period.to) };
}

const money = (value: string | number | null) => Number(value ?? 0);
const average = (revenue: number, customers: number) => (customers > 0 ? Math.round(revenue / customers) : null);

/**
 * Every staff member the actor may see, with the period's headline figures, best revenue first.
 * Throws ValidationFailedError (bad period), ForbiddenError.
 */
export async function listStaffPerformance({ actor, query, now = new Date() }: { actor: Actor; query?: StaffMetricsQuery; now?: Date }): Promise<StaffPerformanceList> {
  assertCan(actor, 'staff:read');
  const { period } = periodOf(query, now);
  // The figures come from the rollups (dashboard-rollups/staff-figures.ts): a few hundred rows per member, whatever
  // the number of customers and orders.
  const memberIds = sql`select id from members`;
  const rows = await queryRows<{ id: string; name: string; role: StaffRole; customers: number; orders: string | number; revenue: string | number }>(
    getDb(),
    sql`
      with members as (select m.id, coalesce(nullif(m.name, ''), m.email) as name, m.role from staff_members m where ${visibleMembers(actor)}),
      acquired as (select staff_id, sum(customers)::int as customers from (${staffAcquiredRows(memberIds, period.from, period.to)}) a group by staff_id),
      sold as (select staff_id, sum(orders) as orders, sum(revenue) as revenue from (${staffSalesRows(memberIds, period.from, period.to)}) s group by staff_id)
      select m.id, m.name, m.role, coalesce(a.customers, 0) as customers, coalesce(s.orders, 0) as orders, coalesce(s.revenue, 0) as revenue
      from members m left join acquired a on a.staff_id = m.id left join sold s on s.staff_id = m.id
      order by revenue desc, customers desc, m.name, m.id`,
  );
  return {
    period,
    currency: SHOP_CURRENCY,
    data: rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      customersAcquired: row.customers,
      orderCount: Number(row.orders),
      revenue: money(row.revenue),
      averageCustomerValue: average(money(row.revenue), row.customers),
    })),
  };
}

/**
 * One member's acquisition figures for the period: per month, totals and their most valuable acquired customers.
 * Throws NotFoundError (no such member), ForbiddenError (another member's, for a staff role; an owner's, for an admin),
 * ValidationFailedError (bad period).
 */
export async function getStaffMetrics({ actor, id, query, now = new Date() }: { actor: Actor; id: string; query?: StaffMetricsQuery; now?: Date }): Promise<StaffMetrics> {
  assertCan(actor, 'staff:read');
  const db = getDb();
  const [member] = await queryRows<{ id: string; name: string; role: StaffRole }>(db, sql`select id, name, role from staff_members where id = ${id}`);
  if (!member) throw new NotFoundError('No staff member with this id');
  if (!mayRead(actor, member)) {
    throw new ForbiddenError(actor.role === 'admin' ? "An admin cannot see an owner's figures" : 'You can see only your own figures');
  }
  const { period, start, end } = periodOf(query, now);
  const memberId = sql`select ${member.id}::text`;
  const [months, top] = await Promise.all([
    queryRows<{ month: string; customers: number; orders: number; revenue: string | number }>(
      db,
      sql`
        with series as (
          select to_char(m, 'YYYY-MM') as month
          from generate_series(date_trunc('month', ${start}::timestamptz at time zone 'UTC'), ${end}::timestamptz at time zone 'UTC' - interval '1 day', interval '1 month') m
        ),
        acquired as (select month, sum(customers)::int as customers from (${staffAcquiredRows(memberId, period.from, period.to)}) a group by month),
        sold as (select month, sum(orders)::int as orders, sum(revenue) as revenue from (${staffSalesRows(memberId, period.from, period.to)}) s group by month)
        select s.month, coalesce(a.customers, 0) as customers, coalesce(b.orders, 0) as orders, coalesce(b.revenue, 0) as revenue
        from series s left join acquired a using (month) left join sold b using (month)
        order by s.month`,
    ),
    staffTopCustomers(member.id, period, TOP_CUSTOMERS),
  ]);
  const series = months.map((row) => ({ month: row.month, customersAcquired: row.customers, orderCount: row.orders, revenue: money(row.revenue) }));
  const customersAcquired = series.reduce((sum, month) => sum + month.customersAcquired, 0);
  const revenue = series.reduce((sum, month) => sum + month.revenue, 0);
  return {
    member,
    period,
    currency: SHOP_CURRENCY,
    totals: {
      customersAcquired,
      customersWhoOrdered: top[0]?.buyers ?? 0,
      orderCount: series.reduce((sum, month) => sum + month.orderCount, 0),
      revenue,
      averageCustomerValue: average(revenue, customersAcquired),
    },
    months: series,
    topCustomers: top.map((row) => ({
      id: row.id,
      name: `${row.first_name} ${row.last_name}`.trim(),
      email: row.email,
      createdAt: new Date(row.created_at).toISOString(),
      orderCount: row.orders,
      revenue: money(row.revenue),
    })),
  };
}
