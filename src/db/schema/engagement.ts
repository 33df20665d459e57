import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';
import { customerGroups, customers } from './customers';
import { staffMembers } from './staff';

// Shop-wide settings, one JSON value per key (metrics as-of date, classification rules, ...), validated by zod in
// the service that owns the key.
export const shopSettings = pgTable('shop_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedById: text('updated_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

// Engagement metrics per customer, as stored: what a customer's orders say whatever the day, recomputed for all
// customers at once by set-based SQL (services/metrics), and for single customers whose orders changed in between
// (metricChanges). What moves with the day alone (days since an order, the purchase model's predictions, the 12-month
// spend rank) is computed when read, by the view customer_metrics below, from these rows and metric_basis: a run on a
// new day then writes only the customers whose figures its orders moved, not every one of them.
// Money in minor units of the shop currency.
export const customerMetricRows = pgTable(
  'customer_metric_rows',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    computedAt: timestampMs('computed_at').notNull().defaultNow(),
    // UTC days of the first and last counted order (null without any).
    firstOrderOn: date('first_order_on', { mode: 'string' }),
    lastOrderOn: date('last_order_on', { mode: 'string' }),
    orders90d: integer('orders_90d').notNull().default(0),
    orders365d: integer('orders_365d').notNull().default(0),
    spend365d: bigint('spend_365d', { mode: 'number' }).notNull().default(0),
    averageOrderValue: bigint('average_order_value', { mode: 'number' }).notNull().default(0),
    averageItemsPerOrder: doublePrecision('average_items_per_order').notNull().default(0),
    // Counted orders and their spend less refunds up to the as-of moment: what the frequency and monetary scores rank.
    orderCount: integer('order_count').notNull().default(0),
    totalSpend: bigint('total_spend', { mode: 'number' }).notNull().default(0),
    // 1-5 quintiles among customers with orders; null for customers without any.
    recencyScore: smallint('recency_score'),
    frequencyScore: smallint('frequency_score'),
    monetaryScore: smallint('monetary_score'),
    rfmSegment: text('rfm_segment'),
    // What the purchase models predict from: purchase days after the first (BG/NBD's x), days from the first to the
    // last purchase day (tx), and the mean spend of the repeat days (Gamma-Gamma's). Null without orders.
    repeatDays: integer('repeat_days'),
    repeatSpanDays: integer('repeat_span_days'),
    repeatSpend: doublePrecision('repeat_spend'),
  },
  // No index beyond the key, and half-empty pages (fillfactor 50, set in migration 0010): a rewrite is a HOT update
  // in place. Every reader scans the whole table or looks up by customer.
);

// The moment and the purchase models every row of customer_metrics is read as of: one row, written by each full run.
export const metricBasis = pgTable(
  'metric_basis',
  {
    onlyRow: boolean('only_row').primaryKey().default(true),
    asOf: timestampMs('as_of').notNull(),
    // The UTC day of asOf (its end: a run is as of the end of a day), from which days since an order are counted.
    asOfDay: date('as_of_day', { mode: 'string' }).notNull(),
    // Customers who spent in the 12 months to asOf: the 12-month spend rank is a share of them.
    spenders: integer('spenders').notNull().default(0),
    // BG/NBD (null: no model fitted) and Gamma-Gamma (null: none).
    r: doublePrecision('r'),
    alpha: doublePrecision('alpha'),
    a: doublePrecision('a'),
    b: doublePrecision('b'),
    p: doublePrecision('p'),
    q: doublePrecision('q'),
    gamma: doublePrecision('gamma'),
  },
  (t) => [check('metric_basis_only_row', sql`${t.onlyRow}`)],
);

// BG/NBD's expected purchases in the next 12 months if alive, per (purchase days after the first, days since the
// first): a hypergeometric series computed by the run in JS, once per pair, for the pairs its customers have.
export const metricExpectations = pgTable(
  'metric_expectations',
  {
    repeatDays: integer('repeat_days').notNull(),
    ageDays: integer('age_days').notNull(),
    ifAlive: doublePrecision('if_alive').notNull(),
  },
  (t) => [primaryKey({ columns: [t.repeatDays, t.ageDays] })],
);

// For each 12-month spend amount above 0 that a customer has: how many customers spent as much or more.
export const metricSpendRanks = pgTable('metric_spend_ranks', {
  spend365d: bigint('spend_365d', { mode: 'number' }).primaryKey(),
  atOrAbove: integer('at_or_above').notNull(),
});

// What every reader reads: the stored rows with the figures that move with the day computed as of metric_basis
// (the view is created by migration 0037; drizzle only reads it).
export const customerMetrics = pgView('customer_metrics', {
  customerId: uuid('customer_id').notNull(),
  // The moment the figures describe ("as of"), and when the row was computed.
  asOf: timestampMs('as_of').notNull(),
  computedAt: timestampMs('computed_at').notNull(),
  daysSinceLastOrder: integer('days_since_last_order'),
  daysSinceFirstOrder: integer('days_since_first_order'),
  orders90d: integer('orders_90d').notNull(),
  orders365d: integer('orders_365d').notNull(),
  spend365d: bigint('spend_365d', { mode: 'number' }).notNull(),
  averageOrderValue: bigint('average_order_value', { mode: 'number' }).notNull(),
  averageItemsPerOrder: doublePrecision('average_items_per_order').notNull(),
  orderCount: integer('order_count').notNull(),
  totalSpend: bigint('total_spend', { mode: 'number' }).notNull(),
  recencyScore: smallint('recency_score'),
  frequencyScore: smallint('frequency_score'),
  monetaryScore: smallint('monetary_score'),
  rfmSegment: text('rfm_segment'),
  // BG/NBD + Gamma-Gamma: expected orders and value in the next 12 months, and the probability the customer is
  // still active (churn risk = 1 - pAlive).
  expectedOrders12m: doublePrecision('expected_orders_12m'),
  predictedValue12m: bigint('predicted_value_12m', { mode: 'number' }),
  pAlive: doublePrecision('p_alive'),
  // Rank by spend in the last 365 days, as a share: 0.02 = top 2%.
  spendPercentile365d: doublePrecision('spend_percentile_365d'),
}).existing();

// Customers whose orders changed since the metrics last took them in, one row per change, added by triggers on orders
// (migration 0022) so that every writer of orders is covered and the row commits with the change. A metrics run
// deletes the rows it sees before it reads the orders, so a change committed meanwhile stays for the next run. No
// unique key on the customer: a unique key would make an order change wait for a running recompute that deleted its
// customer's row.
export const metricChanges = pgTable('metric_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  customerId: uuid('customer_id').notNull(),
});

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const SUGGESTION_SOURCES = ['built_in', 'model'] as const;

export const classificationSuggestions = pgTable(
  'classification_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    suggestedGroupId: uuid('suggested_group_id')
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'cascade' }),
    currentGroupId: uuid('current_group_id').references(() => customerGroups.id, { onDelete: 'set null' }),
    confidence: doublePrecision('confidence').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    source: text('source', { enum: SUGGESTION_SOURCES }).notNull(),
    // The model asked, when one was; and why its answer was not used, when it was not.
    model: text('model'),
    fallbackReason: text('fallback_reason'),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('pending'),
    runId: uuid('run_id'),
    decidedById: text('decided_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    decidedAt: timestampMs('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('classification_suggestions_confidence', sql`${t.confidence} >= 0 and ${t.confidence} <= 1`),
    // One open suggestion per customer: a newer one replaces it.
    uniqueIndex('classification_suggestions_pending_idx').on(t.customerId).where(sql`${t.status} = 'pending'`),
    index('classification_suggestions_status_idx').on(t.status, t.createdAt, t.id),
    // One person's suggestions, decided ones too (their data export and erasure).
    index('classification_suggestions_customer_idx').on(t.customerId, t.createdAt),
  ],
);

export const CLASSIFICATION_RUN_STATUSES = ['running', 'paused', 'completed', 'failed'] as const;

// A batch classification over all customers (or a filter), resumable from its cursor.
export const classificationRuns = pgTable('classification_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  status: text('status', { enum: CLASSIFICATION_RUN_STATUSES }).notNull().default('running'),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull().default({}),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  suggested: integer('suggested').notNull().default(0),
  fallbacks: integer('fallbacks').notNull().default(0),
  // The last customer id done, in id order: a resumed run continues after it.
  cursor: uuid('cursor'),
  error: text('error'),
  startedById: text('started_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
  startedAt: createdAt(),
  heartbeatAt: timestampMs('heartbeat_at'),
  finishedAt: timestampMs('finished_at'),
});

export type ClassificationSuggestionRow = typeof classificationSuggestions.$inferSelect;
export type ClassificationRunRow = typeof classificationRuns.$inferSelect;

export type CustomerMetricsRow = typeof customerMetrics.$inferSelect;
