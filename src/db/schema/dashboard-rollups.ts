import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';

import { timestampMs } from './columns';

// Rollups of the dashboard overview and the staff pages, so that they read a few hundred small rows instead of a
// million customers and five million orders. They are kept by statement-level triggers on customers and orders
// (migration 0026_dashboard_rollups: one aggregate per statement, in the transaction of the change, whoever makes it),
// and they are exact: src/services/dashboard-rollups/rollups.test.ts compares them with the full computation.
//
// `slot` spreads the writes of concurrent transactions over several rows of one key (each transaction takes the first
// slot no other one holds: rollup_writer_slot()), so that concurrent completions on the same day never queue on one
// row lock; readers sum the slots. A slot row alone means nothing (it may even be negative: an order completed in one
// slot and cancelled in another); only the sum over the slots is the figure. No foreign keys: a deleted group's or staff member's rows drain to zero through the
// cascade's own trigger calls, and a key that is gone is simply never asked for.

/** Per customer group (null: no group): members (erased included), customers, buyers, repeat buyers, all-time spend. */
export const rollupGroupTotals = pgTable(
  'rollup_group_totals',
  {
    customerGroupId: uuid('customer_group_id'),
    slot: smallint('slot').notNull(),
    // Every customer row of the group, erased ones included: a group shows in "revenue by group" while it has any.
    members: integer('members').notNull(),
    // The rest count customers who are not erased; spend counts everyone's (erased customers' money stays).
    customers: integer('customers').notNull(),
    buyers: integer('buyers').notNull(),
    repeatBuyers: integer('repeat_buyers').notNull(),
    spend: bigint('spend', { mode: 'number' }).notNull(),
  },
  (t) => [unique('rollup_group_totals_key').on(t.customerGroupId, t.slot).nullsNotDistinct()],
);

/** Customers (not erased) first seen on each UTC day: least(created_at, first_order_date). */
export const rollupNewCustomersDaily = pgTable(
  'rollup_new_customers_daily',
  {
    day: date('day').notNull(),
    slot: smallint('slot').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.slot] })],
);

/** Counted orders by the UTC day they were placed: how many, and their net revenue (total − refunded, minor units). */
export const rollupSalesDaily = pgTable(
  'rollup_sales_daily',
  {
    day: date('day').notNull(),
    slot: smallint('slot').notNull(),
    orders: integer('orders').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.slot] })],
);

/** Customers each staff member created, by UTC day of created_at (erased customers included, as in the cohort). */
export const rollupStaffAcquiredDaily = pgTable(
  'rollup_staff_acquired_daily',
  {
    staffId: text('staff_id').notNull(),
    day: date('day').notNull(),
    slot: smallint('slot').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.day, t.slot] })],
);

/**
 * Counted orders of the customers each staff member created, by the customer's creation date (the cohort) and the
 * order's placed date, at four grains: 'dd' (day, day), 'dm' (day, month), 'md' (month, day), 'mm' (month, month);
 * a month is stored as its first day. A period of whole days splits into whole months and at most two runs of loose
 * days on each axis, so any period reads at most a few hundred rows per member, whatever its length.
 */
export const rollupStaffSales = pgTable(
  'rollup_staff_sales',
  {
    staffId: text('staff_id').notNull(),
    grain: text('grain', { enum: ['dd', 'dm', 'md', 'mm'] }).notNull(),
    cohortDate: date('cohort_date').notNull(),
    orderDate: date('order_date').notNull(),
    slot: smallint('slot').notNull(),
    orders: integer('orders').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.grain, t.cohortDate, t.orderDate, t.slot] })],
);

/**
 * The customers each staff member created who ordered on or after their creation (created no later than their first
 * counted order), by creation date (the cohort) and the date of their first counted order, at the four grains of
 * rollup_staff_sales. Such a customer created in a period bought in it exactly when their first order falls in it
 * (it cannot fall before), so a member's buyers of a period are a few hundred rows, like their sales. Kept by a trigger
 * on rollup_staff_customers (migration 0034_staff_buyers).
 */
export const rollupStaffBuyers = pgTable(
  'rollup_staff_buyers',
  {
    staffId: text('staff_id').notNull(),
    grain: text('grain', { enum: ['dd', 'dm', 'md', 'mm'] }).notNull(),
    cohortDate: date('cohort_date').notNull(),
    /** The (first day of the month of the) customer's first counted order; named as rollup_staff_sales' column. */
    orderDate: date('order_date').notNull(),
    slot: smallint('slot').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.grain, t.cohortDate, t.orderDate, t.slot] })],
);

/**
 * The customers staff members created, with their stats: a narrow copy of those customer rows, so that a member's
 * cohort for a period (thousands at a million customers) is a few dense pages, however recently the customers' own
 * rows were rewritten by completions (an index-only scan of customers would visit each of those rows).
 */
export const rollupStaffCustomers = pgTable(
  'rollup_staff_customers',
  {
    customerId: uuid('customer_id').primaryKey(),
    staffId: text('staff_id').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    totalSpend: bigint('total_spend', { mode: 'number' }).notNull(),
    orderCount: integer('order_count').notNull(),
    firstOrderDate: timestampMs('first_order_date'),
    lastOrderDate: timestampMs('last_order_date'),
  },
  // Every column is in each index, so a staff member's page reads them alone (services/dashboard-rollups/
  // staff-top-customers.ts): its best customers from the spend index in their order, or, for a short period, from the
  // cohort's range of the cohort index; and, from the partial index, the customers who ordered before they were
  // created (imported with their history), whom rollup_staff_buyers cannot count. A cohort's rows lie across the whole
  // table (the staff create customers in turn), and fetching each one was most of the page at a million customers.
  // Updates of the stats then write index entries instead of staying on their page (HOT): two small index entries
  // more per completion of such a customer's order (three for one who ordered before creation).
  (t) => [
    index('rollup_staff_customers_cohort_idx').on(t.staffId, t.createdAt, t.customerId, t.totalSpend, t.orderCount, t.firstOrderDate, t.lastOrderDate),
    index('rollup_staff_customers_ordered_before_idx')
      .on(t.staffId, t.createdAt, t.customerId, t.totalSpend, t.orderCount, t.firstOrderDate, t.lastOrderDate)
      .where(sql`${t.firstOrderDate} < ${t.createdAt}`),
    index('rollup_staff_customers_spend_idx').on(
      t.staffId,
      t.totalSpend.desc().nullsFirst(),
      t.orderCount.desc().nullsFirst(),
      t.customerId,
      t.createdAt,
      t.firstOrderDate,
      t.lastOrderDate,
    ),
  ],
);

// The RFM part of the overview, kept by statement-level triggers on customer_metric_rows (migrations 0028_segment_rollup
// and 0037), and counted again by each full metrics run, whose new moment and models move who is at risk.
// No slots: customer_metric_rows is written by one metrics run at a time (the metrics lock); the other writer, the
// cascade of a customer deletion, changes one row or a few.

/**
 * Customers with a metrics row, by RFM segment (null: no orders, so no segment) and whether they are at risk as of
 * metric_basis (by the SQL function rollup_metric_is_at_risk, which the overview's list filters by too). Rows that
 * reach zero are deleted.
 */
export const rollupMetricSegments = pgTable(
  'rollup_metric_segments',
  {
    rfmSegment: text('rfm_segment'),
    isAtRisk: boolean('is_at_risk').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [unique('rollup_metric_segments_key').on(t.rfmSegment, t.isAtRisk).nullsNotDistinct()],
);

/**
 * How many metrics rows have each computed_at (`moment`), so that the latest is one probe of the key even after the
 * rows that held it are rewritten or deleted. Each run that writes rows adds one. Rows that reach zero are deleted.
 */
export const rollupMetricMoments = pgTable(
  'rollup_metric_moments',
  {
    // 'as_of' rows were kept until migration 0037 (the moment is metric_basis' now).
    kind: text('kind', { enum: ['computed_at'] }).notNull(),
    moment: timestampMs('moment').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.moment] })],
);
