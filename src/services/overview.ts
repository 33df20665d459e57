import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerGroups, customerMetrics, customers, metricBasis, rollupMetricMoments, rollupMetricSegments } from '@/db/schema';
import { endOfDayUtc } from '@/lib/validation/metrics';

import { groupTotals, newCustomersByMonth, salesBetween } from './dashboard-rollups/overview-figures';
import { readMetricsSettings } from './metrics/settings';

// The dashboard overview: what a shop owner looks at first. A handful of small queries that run in parallel: the
// counts, new customers, revenue and RFM segments from the rollups kept by triggers (dashboard-rollups/, and
// rollup_metric_* on customer_metric_rows), the lists as short index walks, so the page reads as fast at a million
// customers as at a thousand (figures in the closing note of issue 17).

/** RFM segments that mean "used to buy well, has stopped": their members are at risk whatever their pAlive. */
export const AT_RISK_SEGMENTS = ['At risk', "Can't lose them"] as const;
/** Below this probability of still being active, a high-value customer (monetary score 4–5) counts as at risk. */
export const AT_RISK_P_ALIVE = 0.5;
export const HIGH_MONETARY_SCORE = 4;
const LIST_SIZE = 5;
const MONTHS = 12;

export interface OverviewCustomer {
  id: string;
  name: string;
  groupName: string | null;
  totalSpend: number;
  orderCount: number;
  lastOrderDate: Date | null;
}

export interface OverviewAtRiskCustomer extends OverviewCustomer {
  rfmSegment: string | null;
  pAlive: number | null;
  daysSinceLastOrder: number | null;
}

export interface Overview {
  /** The moment the figures describe, and the first instant of the 12-month window (the 1st of the month 11 months back, UTC). */
  now: Date;
  /** The shop's metrics date (YYYY-MM-DD) when `now` is the end of that day rather than the current time. */
  asOfSetting: string | null;
  windowStart: Date;
  customers: number;
  /** Customers with at least one counted order, and those with two or more: the repeat rate is repeatBuyers / buyers. */
  buyers: number;
  repeatBuyers: number;
  /** New customers (see newPerMonth) in the month of `now`, up to `now`. */
  newThisMonth: number;
  /**
   * New customers in the same span of the month before (`lastMonthSpan`): from its 1st to the same day and time, or to
   * its end when it is shorter. Comparing 5 days of this month with a whole month would always look like a fall.
   */
  newLastMonthToDate: number;
  lastMonthSpan: { from: Date; to: Date };
  /** Net revenue (totals less refunds, minor units) of counted orders placed in the window, and how many orders. */
  revenue12m: number;
  orders12m: number;
  /**
   * New customers per month: a customer is new in the month they were first seen, when added or when they first
   * ordered, whichever came first (imported history has orders from years before the records were created). Oldest
   * month first, `month` as yyyy-mm; always 12 entries, zeros included.
   */
  newPerMonth: { month: string; count: number }[];
  /** All-time net spend per group (from the customers' totals), largest first; `groupId` null for no group. */
  revenueByGroup: { groupId: string | null; name: string; revenue: number; customers: number }[];
  topCustomers: OverviewCustomer[];
  /** Null while no metrics have been computed. */
  metrics: {
    asOf: Date;
    computedAt: Date;
    /** Customers with orders, by segment, largest first; customers without orders have no segment. */
    segments: { segment: string; count: number }[];
    atRiskCount: number;
    atRisk: OverviewAtRiskCustomer[];
  } | null;
}

/** First instant (UTC) of the month `offset` months from the month of `date`. */
function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

// The rule lives in SQL (migrations 0028_segment_rollup and 0039), where the triggers keep the at-risk count with it:
// the list and the count cannot disagree. The constants above describe it on the page; metric-segments.test.ts holds
// them to it.
const isAtRisk = sql`rollup_metric_is_at_risk(${customerMetrics.rfmSegment}, ${customerMetrics.pAlive}, ${customerMetrics.monetaryScore})`;

const customerColumns = {
  id: customers.id,
  firstName: customers.firstName,
  lastName: customers.lastName,
  groupName: customerGroups.name,
  totalSpend: customers.totalSpend,
  orderCount: customers.orderCount,
  lastOrderDate: customers.lastOrderDate,
};

function toCustomer<T extends { firstName: string; lastName: string }>({ firstName, lastName, ...rest }: T) {
  return { ...rest, name: `${firstName} ${lastName}`.trim() };
}

/** The span of last month that matches the part of this month up to `now`, clamped to last month's last instant. */
export function sameSpanLastMonth(now: Date): { from: Date; to: Date } {
  const thisStart = monthStart(now);
  const from = monthStart(now, -1);
  const to = new Date(Math.min(from.getTime() + (now.getTime() - thisStart.getTime()), thisStart.getTime() - 1));
  return { from, to };
}

/** New customers first seen in [from, to]. */
async function newCustomersBetween({ from, to }: { from: Date; to: Date }): Promise<number> {
  return (await newCustomersByMonth(from, to)).reduce((sum, row) => sum + row.count, 0);
}

async function topCustomers(): Promise<OverviewCustomer[]> {
  const rows = await getDb()
    .select(customerColumns)
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(and(gt(customers.totalSpend, 0), isNull(customers.erasedAt)))
    // Walks customers_total_spend_idx backwards and stops after a few rows.
    .orderBy(desc(customers.totalSpend), desc(customers.id))
    .limit(LIST_SIZE);
  return rows.map(toCustomer);
}

// From the rollups kept by triggers on customer_metric_rows (migrations 0028_segment_rollup, 0037) and the run's
// moment (metric_basis): a few dozen rows, however many customers. Null when there are no metrics rows.
async function segmentTotals() {
  const db = getDb();
  const [segments, [asOf], [computedAt]] = await Promise.all([
    db.select({ segment: rollupMetricSegments.rfmSegment, isAtRisk: rollupMetricSegments.isAtRisk, count: rollupMetricSegments.customers }).from(rollupMetricSegments),
    db.select({ moment: metricBasis.asOf }).from(metricBasis),
    db
      .select({ moment: rollupMetricMoments.moment })
      .from(rollupMetricMoments)
      .where(eq(rollupMetricMoments.kind, 'computed_at'))
      // One probe of the key, backwards.
      .orderBy(desc(rollupMetricMoments.kind), desc(rollupMetricMoments.moment))
      .limit(1),
  ]);
  if (!asOf || !computedAt) return null;
  const counts = new Map<string, number>();
  let atRiskCount = 0;
  for (const row of segments) {
    if (row.isAtRisk) atRiskCount += row.count;
    if (row.segment !== null) counts.set(row.segment, (counts.get(row.segment) ?? 0) + row.count);
  }
  return { asOf: asOf.moment, computedAt: computedAt.moment, atRiskCount, segments: [...counts].map(([segment, count]) => ({ segment, count })) };
}

async function atRiskCustomers(): Promise<OverviewAtRiskCustomer[]> {
  const rows = await getDb()
    .select({ ...customerColumns, rfmSegment: customerMetrics.rfmSegment, pAlive: customerMetrics.pAlive, daysSinceLastOrder: customerMetrics.daysSinceLastOrder })
    .from(customerMetrics)
    .innerJoin(customers, eq(customers.id, customerMetrics.customerId))
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(and(isAtRisk, isNull(customers.erasedAt)))
    // Most valuable first: what the shop stands to lose.
    .orderBy(desc(customers.totalSpend), desc(customers.id))
    .limit(LIST_SIZE);
  return rows.map(toCustomer);
}

/**
 * The dashboard overview as of `now` (default: the end of the shop's metrics date when one is set, so that a shop
 * looking at imported or past history sees the same moment as its RFM segments; else the current time): headline
 * numbers, new customers per month, revenue by group, RFM segments and the customers at risk (from the last metrics
 * run), and the top customers. Never throws for an empty shop: every count is 0 and the lists are empty.
 */
export async function getOverview({ now: requestedNow }: { now?: Date } = {}): Promise<Overview> {
  const asOfSetting = requestedNow ? null : (await readMetricsSettings()).asOf;
  const now = requestedNow ?? (asOfSetting ? endOfDayUtc(asOfSetting) : new Date());
  const windowStart = monthStart(now, -(MONTHS - 1));
  const lastMonthSpan = sameSpanLastMonth(now);
  const [totals, signUps, lastMonthToDate, revenue, top, rfm, atRisk, groups] = await Promise.all([
    groupTotals(),
    newCustomersByMonth(windowStart, now),
    newCustomersBetween(lastMonthSpan),
    salesBetween(windowStart, now),
    topCustomers(),
    segmentTotals(),
    atRiskCustomers(),
    getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups),
  ]);

  const perMonth = new Map(signUps.map((row) => [row.month, row.count]));
  const perGroup = new Map<string | null, { revenue: number; customers: number }>();
  let customerCount = 0;
  let buyers = 0;
  let repeatBuyers = 0;
  for (const row of totals) {
    customerCount += row.customers;
    buyers += row.buyers;
    repeatBuyers += row.repeatBuyers;
    perGroup.set(row.groupId, { revenue: row.spend, customers: row.customers });
  }
  const newPerMonth = Array.from({ length: MONTHS }, (_, index) => {
    const month = monthKey(monthStart(now, index - (MONTHS - 1)));
    return { month, count: perMonth.get(month) ?? 0 };
  });
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const revenueByGroup = [...perGroup]
    .map(([groupId, group]) => ({ groupId, name: groupId ? (groupNames.get(groupId) ?? 'Unknown group') : 'No group', ...group }))
    .sort((a, b) => b.revenue - a.revenue || b.customers - a.customers || a.name.localeCompare(b.name));

  return {
    now,
    asOfSetting,
    windowStart,
    customers: customerCount,
    buyers,
    repeatBuyers,
    newThisMonth: newPerMonth[MONTHS - 1].count,
    newLastMonthToDate: lastMonthToDate,
    lastMonthSpan,
    revenue12m: revenue.revenue,
    orders12m: revenue.orders,
    newPerMonth,
    revenueByGroup,
    topCustomers: top,
    metrics: rfm
      ? {
          asOf: rfm.asOf,
          computedAt: rfm.computedAt,
          segments: rfm.segments.sort((a, b) => b.count - a.count || a.segment.localeCompare(b.segment)),
          atRiskCount: rfm.atRiskCount,
          atRisk,
        }
      : null,
  };
}
