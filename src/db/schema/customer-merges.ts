import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { timestampMs } from './columns';
import { customers } from './customers';
import { staffMembers } from './staff';

// A pair the duplicate finder showed and staff said are two people: kept off the Duplicates list. Keyed by the pair in
// id order, so (a, b) and (b, a) are one row; goes with either customer.
export const customerDuplicateDismissals = pgTable(
  'customer_duplicate_dismissals',
  {
    customerAId: uuid('customer_a_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    customerBId: uuid('customer_b_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    dismissedById: text('dismissed_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    dismissedAt: timestampMs('dismissed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerAId, t.customerBId] }),
    check('customer_duplicate_dismissals_ordered', sql`${t.customerAId} < ${t.customerBId}`),
    index('customer_duplicate_dismissals_b_idx').on(t.customerBId),
  ],
);

// Where a merged customer went: the source row is deleted, so neither id is a foreign key (a target merged later keeps
// its own row here, and the chain is followed). Lets an old link or API call answer "merged into X".
export const customerMerges = pgTable(
  'customer_merges',
  {
    sourceId: uuid('source_id').primaryKey(),
    targetId: uuid('target_id').notNull(),
    mergedByType: text('merged_by_type', { enum: ['staff', 'api_key', 'customer', 'system'] }).notNull(),
    mergedById: text('merged_by_id'),
    mergedAt: timestampMs('merged_at').notNull().defaultNow(),
  },
  (t) => [index('customer_merges_target_idx').on(t.targetId)],
);

export type CustomerMergeRow = typeof customerMerges.$inferSelect;
