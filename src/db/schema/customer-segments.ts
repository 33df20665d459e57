import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { listSortKeyColumns, listSortKeyIndexes } from './customer-tags';
import { customers } from './customers';

/**
 * Each customer's RFM segment (customer_metric_rows.rfm_segment) with the customer's list sort keys beside it, as
 * customer_tags has them for tags: the customer list filtered by a segment walks one index in the sort's order
 * (segment, key, customer) and reads a page however many customers the segment has and wherever they sit in the
 * order. Champions are recent, frequent buyers, so the newest customers hold few of them: walking customers by
 * creation and checking each one's segment read most of a million rows (services/customers/list.ts).
 *
 * Written only by triggers (the customer_segments migration): on customer_metric_rows, when a segment is set, changed or
 * removed; on customers, when a sort key changes. A customer's row goes with it (cascade).
 */
export const customerSegments = pgTable(
  'customer_segments',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    segment: text('segment').notNull(),
    ...listSortKeyColumns(),
  },
  (t) => listSortKeyIndexes('customer_segments', t.segment, t),
);

export type CustomerSegmentRow = typeof customerSegments.$inferSelect;
