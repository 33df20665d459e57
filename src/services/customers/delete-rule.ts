import { sql } from 'drizzle-orm';

import { customers, orders } from '@/db/schema';

// The one rule for deleting a customer, used by the single delete and the bulk one: a customer with any order is kept,
// because deleting would lose purchase history (erasing their personal data is the way out). Both the counter and the
// orders table are asked: the counter leaves out pending and cancelled orders, which are history too. Tables are
// named by hand because drizzle writes a single-table query's columns unqualified.

/** How many orders the customer has, by the larger of the counter and the orders table. */
export const customerOrderTotal = sql<number>`greatest(${customers}.order_count, (select count(*)::int from ${orders} where ${orders}.customer_id = ${customers}.id))`;

/** True for a customer that may be deleted; the orders lookup uses orders_customer_placed_idx (customer_id first). */
export const isDeletableCustomer = sql`(${customers}.order_count = 0 and not exists (select 1 from ${orders} where ${orders}.customer_id = ${customers}.id))`;

export const hasOrdersMessage = (orderCount: number) =>
  `This customer has ${orderCount} order(s), so deleting would lose purchase history. Erase their personal data instead.`;
