import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

// The Duplicates list, kept current by the database itself (migration 0022_duplicate_pairs: statement-level triggers
// on customers and customer_addresses queue the customers whose match keys changed; a deferred trigger recomputes
// their pairs at commit). So the list reads its page from this table's key instead of walking every customer.
//
// One row per pair and reason, the pair in id order: exactly the pairs services/customers/duplicates.ts lists
// (same mailbox, same phone, similar names at one postcode or street line; erased customers left out), dismissals
// not applied (they are filtered when read, so dismissing needs no recompute). No foreign keys: a pair written by a
// transaction that commits while one of its customers is being deleted would otherwise fail that transaction; the
// delete trigger removes a deleted customer's pairs and the list joins both customers anyway.
export const customerDuplicatePairs = pgTable(
  'customer_duplicate_pairs',
  {
    customerAId: uuid('customer_a_id').notNull(),
    customerBId: uuid('customer_b_id').notNull(),
    // One of DUPLICATE_REASONS (lib/customer-merge-types.ts).
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerAId, t.customerBId, t.reason] }),
    check('customer_duplicate_pairs_ordered', sql`${t.customerAId} < ${t.customerBId}`),
    check('customer_duplicate_pairs_reason', sql`${t.reason} in ('email', 'phone', 'name_postcode', 'name_street')`),
    // A customer's pairs where it is the higher id: the recompute deletes both sides' rows.
    index('customer_duplicate_pairs_b_idx').on(t.customerBId),
  ],
);

// Customers whose pairs must be recomputed before this transaction commits, one row per statement that changed match
// keys, with the keys they had before (whoever still holds one of those must wait for this transaction). Rows live
// only inside their transaction: the deferred trigger deletes them as it works.
export const customerDuplicateRefreshes = pgTable('customer_duplicate_refreshes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  customerIds: uuid('customer_ids').array().notNull(),
  oldKeys: text('old_keys').array().notNull(),
});
