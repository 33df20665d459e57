import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

import { timestampMs } from './columns';
import { customers } from './customers';

/**
 * One row per tag of a customer, with the customer's list sort keys beside it, so that the customer list filtered by
 * a tag walks one index in the sort's order (tag, key, customer) and reads a page whatever the number of customers or
 * how common the tag is. The GIN index on customers.tags finds a tag's customers, but not in any order: a common
 * tag's list had to collect and sort every one of them (services/customers/list.ts).
 *
 * Written only by triggers on `customers` (the customer_tags_sync migration): every insert and every update of the
 * tags or of a sort key writes these rows in the same statement, so they never disagree with the customer row; a
 * customer's rows go with it (cascade). Each key is the same expression as the list's sort of customers_*_idx.
 */
/**
 * The customer list's sort keys, copied beside each row of a table that a filtered list walks in the sort's order
 * (customer_tags, customer_segments), each the same expression as the list's sort of customers_*_idx.
 */
export const listSortKeyColumns = () => ({
  createdAt: timestampMs('created_at').notNull(),
  sortName: text('sort_name').notNull(),
  // coalesce(email, '')
  emailKey: text('email_key').notNull(),
  totalSpend: bigint('total_spend', { mode: 'number' }).notNull(),
  orderCount: integer('order_count').notNull(),
  // coalesce(last_order_date, '-infinity'): a date that JS cannot hold, so it is only ever compared and sorted here.
  lastOrderKey: timestamp('last_order_key', { withTimezone: true, precision: 3, mode: 'string' }).notNull(),
});

type ListSortKeyTable = { [K in keyof ReturnType<typeof listSortKeyColumns>]: AnyPgColumn } & { customerId: AnyPgColumn };

/** One index per list sort, (lead, key, customer): a page of one tag or segment in any sort is one index range. */
export function listSortKeyIndexes(table: string, lead: AnyPgColumn, t: ListSortKeyTable) {
  return [
    index(`${table}_created_at_idx`).on(lead, t.createdAt, t.customerId),
    index(`${table}_sort_name_idx`).on(lead, t.sortName, t.customerId),
    index(`${table}_email_idx`).on(lead, t.emailKey, t.customerId),
    index(`${table}_total_spend_idx`).on(lead, t.totalSpend, t.customerId),
    index(`${table}_order_count_idx`).on(lead, t.orderCount, t.customerId),
    index(`${table}_last_order_idx`).on(lead, t.lastOrderKey, t.customerId),
  ];
}

export const customerTags = pgTable(
  'customer_tags',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    ...listSortKeyColumns(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.tag] }), ...listSortKeyIndexes('customer_tags', t.tag, t)],
);

export type CustomerTagRow = typeof customerTags.$inferSelect;
