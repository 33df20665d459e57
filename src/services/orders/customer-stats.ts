import { sql } from 'drizzle-orm';

import type { Tx } from '@/db/client';
import { customers, orders } from '@/db/schema';

// The statuses whose orders count as purchases: orderCount counts them, and totalSpend sums their
// total less refunds (a fully refunded order adds 0 and no longer counts).
export const COUNTED_STATUSES = sql`('completed', 'partially_refunded')`;

/**
 * Adds a completed order to its customer's stats in one atomic UPDATE (no read-modify-write), inside the
 * transaction that changed the order's status, so the two can never disagree.
 */
export async function addCompletedOrder(tx: Tx, customerId: string, amount: number, placedAt: Date): Promise<void> {
  await tx
    .update(customers)
    .set({
      totalSpend: sql`${customers.totalSpend} + ${amount}`,
      orderCount: sql`${customers.orderCount} + 1`,
      // LEAST/GREATEST skip NULLs, so the first order sets both dates.
      firstOrderDate: sql`least(${customers.firstOrderDate}, ${placedAt.toISOString()}::timestamptz)`,
      lastOrderDate: sql`greatest(${customers.lastOrderDate}, ${placedAt.toISOString()}::timestamptz)`,
      updatedAt: sql`now()`,
    })
    .where(sql`${customers.id} = ${customerId}`);
}

/** Takes back `amount` of spend; when the order stops counting, also the order and its dates (from what remains). */
export async function takeBackSpend(tx: Tx, customerId: string, amount: number, orderStopsCounting: boolean): Promise<void> {
  // The dates are recomputed from the orders, not adjusted in place, so they must be read after every other change of
  // this customer's counted orders has committed: each holds the customer row until it commits, so take that lock in
  // a statement of its own; the UPDATE below then reads the orders with a snapshot taken after the wait.
  if (orderStopsCounting) await tx.execute(sql`select 1 from ${customers} where ${customers.id} = ${customerId} for update`);
  await tx
    .update(customers)
    .set({
      totalSpend: sql`${customers.totalSpend} - ${amount}`,
      ...(orderStopsCounting && {
        orderCount: sql`${customers.orderCount} - 1`,
        firstOrderDate: sql`(select min(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customerId} and ${orders.status} in ${COUNTED_STATUSES})`,
        lastOrderDate: sql`(select max(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customerId} and ${orders.status} in ${COUNTED_STATUSES})`,
      }),
      updatedAt: sql`now()`,
    })
    .where(sql`${customers.id} = ${customerId}`);
}
