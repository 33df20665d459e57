import { sql, type SQL } from 'drizzle-orm';

import type { Tx } from '@/db/client';
import { customers, orders } from '@/db/schema';
import type { OrderStatus } from '@/lib/order-status';

import { ConflictError } from '../errors';

// The one rule for a customer's stats columns, and every writer of them: the set-based computation from the orders
// (import, demo seed, reconcile) and the incremental updates made when an order changes status (orders.ts).


/**
 * Orders that count as purchases: every completed order, including those refunded later in part or in full (a refund
 * gives money back; it does not undo the purchase: Shopify, RFM and BG/NBD count it so). orderCount counts
 * them, firstOrderDate/lastOrderDate span them, and totalSpend is their totals less refunds, so a full refund adds 0
 * spend but still one order. Pending orders and cancelled ones (never completed, or taken back whole) count for nothing.
 */
export const COUNTED_ORDER_STATUSES = ['completed', 'partially_refunded', 'refunded'] as const satisfies readonly OrderStatus[];

// The list above as SQL `('a', 'b')`, for `status in ${...}`. Literals rather than parameters: the values are members
// of the enum, never input, and the statements keep the text (and so the plans) they had with the list typed out.
const sqlList = (statuses: readonly OrderStatus[]): SQL => sql.raw(`(${statuses.map((status) => `'${status}'`).join(', ')})`);

export const COUNTED_STATUSES = sqlList(COUNTED_ORDER_STATUSES);

/**
 * The rule, set-based: a query giving one row per customer who has orders matching `ordersWhere` (a condition on
 * `orders o`), with customer_id, total_spend (bigint, minor units), order_count (int), first_order_date and
 * last_order_date. A customer without such orders has no row: the caller's outer join reads that as 0, 0, null, null.
 */
export function customerStatsFromOrders(ordersWhere: SQL): SQL {
  return sql`
    select o.customer_id,
           coalesce(sum(o.total - o.refunded_total) filter (where o.status in ${COUNTED_STATUSES}), 0)::bigint as total_spend,
           count(*) filter (where o.status in ${COUNTED_STATUSES})::int as order_count,
           min(o.placed_at) filter (where o.status in ${COUNTED_STATUSES}) as first_order_date,
           max(o.placed_at) filter (where o.status in ${COUNTED_STATUSES}) as last_order_date
    from orders o
    where ${ordersWhere}
    group by o.customer_id`;
}

// The incremental path, for one order changing status (complete, refund, cancel). Why not customerStatsFromOrders: each
// change moves the stats by that order's amount in one atomic UPDATE of the customer row, inside the transaction that
// changes the order. Concurrent changes for one customer queue on that row and each adds its own delta to the value
// committed before it (no read-modify-write, so none is lost), and a completion never rescans the customer's history.
// Only a cancelled order stops counting, and only then are the dates read back from the orders. It must land where
// customerStatsFromOrders would: customer-stats.test.ts runs both on the same orders.

/**
 * Adds a completed order to its customer's stats in one atomic UPDATE (no read-modify-write), inside the
 * transaction that changed the order's status, so the two can never disagree. Throws ConflictError when the total
 * spend would pass Number.MAX_SAFE_INTEGER minor units, which no JS number holds exactly (a list sorted by it could
 * not even write its cursor); the caller's transaction then rolls the completion back.
 */
export async function addCompletedOrder(tx: Tx, customerId: string, amount: number, placedAt: Date): Promise<void> {
  const updated = await tx
    .update(customers)
    .set({
      totalSpend: sql`${customers.totalSpend} + ${amount}`,
      orderCount: sql`${customers.orderCount} + 1`,
      // LEAST/GREATEST skip NULLs, so the first order sets both dates.
      firstOrderDate: sql`least(${customers.firstOrderDate}, ${placedAt.toISOString()}::timestamptz)`,
      lastOrderDate: sql`greatest(${customers.lastOrderDate}, ${placedAt.toISOString()}::timestamptz)`,
      updatedAt: sql`now()`,
    })
    .where(sql`${customers.id} = ${customerId} and ${customers.totalSpend} + ${amount} <= ${Number.MAX_SAFE_INTEGER}`)
    .returning({ id: customers.id });
  if (!updated.length) {
    throw new ConflictError("The customer's total spend would exceed 9,007,199,254,740,991 minor units, more than can be recorded exactly");
  }
}

/** Takes a refund of `amount` off the customer's spend, and nothing else: the order, refunded in part or in full, still counts. */
export async function takeBackRefund(tx: Tx, customerId: string, amount: number): Promise<void> {
  await tx
    .update(customers)
    .set({ totalSpend: sql`${customers.totalSpend} - ${amount}`, updatedAt: sql`now()` })
    .where(sql`${customers.id} = ${customerId}`);
}

/**
 * Takes a cancelled order out of its customer's stats: `amount` (what was not refunded) off the spend, one off the
 * count, and the dates recomputed from the orders that still count.
 */
export async function removeCancelledOrder(tx: Tx, customerId: string, amount: number): Promise<void> {
  // The dates are recomputed from the orders, not adjusted in place, so they must be read after every other change of
  // this customer's counted orders has committed: each holds the customer row until it commits, so take that lock in
  // a statement of its own; the UPDATE below then reads the orders with a snapshot taken after the wait.
  await tx.execute(sql`select 1 from ${customers} where ${customers.id} = ${customerId} for update`);
  await tx
    .update(customers)
    .set({
      totalSpend: sql`${customers.totalSpend} - ${amount}`,
      orderCount: sql`${customers.orderCount} - 1`,
      firstOrderDate: sql`(select min(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customerId} and ${orders.status} in ${COUNTED_STATUSES})`,
      lastOrderDate: sql`(select max(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customerId} and ${orders.status} in ${COUNTED_STATUSES})`,
      updatedAt: sql`now()`,
    })
    .where(sql`${customers.id} = ${customerId}`);
}
