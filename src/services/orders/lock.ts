import { eq } from 'drizzle-orm';

import type { Tx } from '@/db/client';
import { customers, orders, type OrderRow } from '@/db/schema';

import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';

const NOT_FOUND = 'No order with this id';
// A merge moves an order at most once per attempt; more moves than this in the blink between two reads is not a race.
const ATTEMPTS = 5;

/**
 * Locks an order and its customer for a status change (complete, refund, cancel): the customer's row first, then the
 * order's, the order a merge takes them in (customers, then their orders), so the two queue and never deadlock. A
 * merge that moved the order meanwhile deleted the customer read first; the lock then finds no row and the order is
 * read again, under its new customer. So a change lands before a merge (and is moved with the order) or after it (on
 * the target), never on a deleted row. Throws NotFoundError, ConflictError (moved again and again).
 */
export async function lockOrderAndCustomer(tx: Tx, id: string): Promise<OrderRow> {
  assertUuid(id, NOT_FOUND);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [seen] = await tx.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, id));
    if (!seen) throw new NotFoundError(NOT_FOUND);
    // NO KEY UPDATE is what the stats UPDATE takes anyway; it waits for a merge's FOR UPDATE, not for new orders' KEY SHARE.
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, seen.customerId)).for('no key update');
    if (!customer) continue;
    const [order] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
    if (!order) throw new NotFoundError(NOT_FOUND);
    if (order.customerId === customer.id) return order;
  }
  throw new ConflictError('This order moved to another customer while it was being changed; try again');
}
