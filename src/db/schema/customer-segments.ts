import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { timestampMs } from './columns';
import { customers } from './customers';

/**
 * Each customer's RFM segment (customer_metrics.rfm_segment) with the customer's list sort keys beside it, as
 * customer_tags has them for tags: the customer list filtered by a segment walks one index in the sort's order
 * (segment, key, customer) and reads a page however many customers the segment has and wherever they sit in the
 * order. Champions are recent, frequent buyers, so the newest customers hold few of them: walking customers by
 * creation and checking each one's segment read most of a million rows (services/customers/list.ts).
 *
 * Written only by triggers (the customer_segments migration): on customer_metrics, when a segment is set, changed or
 * removed; on customers, when a sort key changes. A customer's row goes with it (cascade).
 */
export const customerSegments = pgTable(
  'customer_segments',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    segment: text('segment').notNull(),
    createdAt: timestampMs('created_at').notNull(),
    sortName: text('sort_name').notNull(),
    // coalesce(email, '')
    emailKey: text('email_key').notNull(),
    totalSpend: bigint('total_spend', { mode: 'number' }).notNull(),
    orderCount: integer('order_count').notNull(),
    // coalesce(last_order_date, '-infinity'), as in customer_tags.
    lastOrderKey: timestamp('last_order_key', { withTimezone: true, precision: 3, mode: 'string' }).notNull(),
  },
  (t) => [
    index('customer_segments_created_at_idx').on(t.segment, t.createdAt, t.customerId),
    index('customer_segments_sort_name_idx').on(t.segment, t.sortName, t.customerId),
    index('customer_segments_email_idx').on(t.segment, t.emailKey, t.customerId),
    index('customer_segments_total_spend_idx').on(t.segment, t.totalSpend, t.customerId),
    index('customer_segments_order_count_idx').on(t.segment, t.orderCount, t.customerId),
    index('customer_segments_last_order_idx').on(t.segment, t.lastOrderKey, t.customerId),
  ],
);

export type CustomerSegmentRow = typeof customerSegments.$inferSelect;
