import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';

import { getDb, type Db, type Tx } from '@/db/client';
import { customers, orderItems, orderNumberSequence, orderRefunds, orders, type OrderRow } from '@/db/schema';
import type { Actor, Order, OrderSummary, Page } from '@/lib/types';
import { orderCreateSchema, orderRefundSchema, type OrderCreateInput, type OrderRefundInput } from '@/lib/validation/order';

import { recordCustomerEvent } from './customers/events';
import { isUniqueViolation } from './db-errors';
import { recordRedemption, takeDiscountUse } from './discounts/apply';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid, isUuid } from './ids';
import { resolveOrderAddresses } from './orders/addresses';
import { addCompletedOrder, removeCancelledOrder, takeBackRefund } from './orders/customer-stats';
import { orderCursor } from './orders/cursor';

export { listOrderRefunds } from './orders/refund-history';
import { lockOrderAndCustomer } from './orders/lock';
import { toOrder, toOrderSummary } from './orders/mapping';
import { assertCan } from './permissions';
import { SHOP_CURRENCY } from '@/lib/config';
import { parseInput } from './validate';
import { emitWebhookEvent } from './webhooks';

const NOT_FOUND = 'No order with this id';
const CUSTOMER_NOT_FOUND = 'No customer with this id';

/**
 * Places a pending order for an existing customer, with an optional discount code whose use is taken in the same
 * transaction, and copies of its shipping and billing addresses (given, picked from the customer's, or their defaults). Cancelling or refunding the order later does not give the use back (the redemption is history).
 * Throws ValidationFailedError (naming the field; `discountCode` with the reason it cannot be used; `shippingAddressId` that is not the customer's), NotFoundError.
 */
export async function createOrder({ actor, input, externalId }: { actor: Actor; input: OrderCreateInput; externalId?: string }): Promise<Order> {
  assertCan(actor, 'orders:write');
  const data = parseInput(orderCreateSchema, input);
  const currency = data.currency ?? SHOP_CURRENCY;
  // Customer stats sum orders in one currency: the shop's.
  if (currency !== SHOP_CURRENCY) {
    throw new ValidationFailedError('Wrong currency', [{ path: 'currency', message: `This shop records orders in ${SHOP_CURRENCY}` }]);
  }
  const lines = data.items.map((item, position) => ({ ...item, id: crypto.randomUUID(), lineTotal: item.unitPrice * item.quantity, position }));
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  try {
    return await getDb().transaction(async (tx) => {
      // KEY SHARE keeps the customer until the order commits: a deletion waits, then counts this order and refuses.
      const [customer] = await tx
        .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName, email: customers.email, groupId: customers.customerGroupId, erasedAt: customers.erasedAt })
        .from(customers)
        .where(eq(customers.id, data.customerId))
        .for('key share');
      if (!customer) throw new ValidationFailedError('Unknown customer', [{ path: 'customerId', message: 'No customer with this id' }]);
      // An erased customer's record is kept for their past orders only; it takes no new ones.
      if (customer.erasedAt) throw new ValidationFailedError('Erased customer', [{ path: 'customerId', message: "This customer's personal data was erased: place the order for a new customer" }]);
      // The code's window is judged at entry time, not at a back-dated placedAt.
      const discount = data.discountCode ? await takeDiscountUse(tx, { code: data.discountCode, customerId: customer.id, customerGroupId: customer.groupId, subtotal, at: new Date() }) : null;
      const addresses = await resolveOrderAddresses(tx, customer.id, {
        shipping: { address: data.shippingAddress, addressId: data.shippingAddressId },
        billing: { address: data.billingAddress, addressId: data.billingAddressId },
      });
      const discountTotal = discount ? discount.amount : data.discountTotal;
      const total = subtotal - discountTotal + data.taxTotal + data.shippingTotal;
      const [row] = await tx
        .insert(orders)
        .values({
          customerId: data.customerId,
          orderNumber: sql`'#' || nextval('${sql.raw(orderNumberSequence.seqName ?? 'order_number_seq')}')`,
          currency,
          subtotal,
          discountTotal,
          discountId: discount?.discountId,
          discountCode: discount?.code,
          taxTotal: data.taxTotal,
          shippingTotal: data.shippingTotal,
          total,
          itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
          placedAt: data.placedAt ?? sql`now()`,
          createdById: actor.type === 'staff' ? actor.id : null,
          externalId,
          ...addresses,
        })
        .returning();
      const items = await tx
        .insert(orderItems)
        .values(lines.map((line) => ({ customerId: row.customerId, orderId: row.id, ...line })))
        .returning();
      if (discount) await recordRedemption(tx, discount, row.customerId, row.id);
      await recordCustomerEvent(tx, actor, row.customerId, 'order.placed', { orderId: row.id, orderNumber: row.orderNumber, total, ...(discount && { discountCode: discount.code }) });
      const order = toOrder(row, items, { id: customer.id, name: `${customer.firstName} ${customer.lastName}`.trim(), email: customer.email });
      // Keyed by customer: a receiver gets a customer's and their orders' events in the order they happened.
      await emitWebhookEvent(tx, 'order.created', order, row.customerId);
      return order;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'orders_external_id_idx')) throw new ConflictError('An order with this external id exists', [{ path: 'externalId', message: 'Already imported' }]);
    throw error;
  }
}

// Customer row, then order row: the order a merge locks them in (orders/lock.ts).
const lockOrder = lockOrderAndCustomer;

function illegal(order: OrderRow, action: string): ConflictError {
  return new ConflictError(`Order ${order.orderNumber} is ${order.status.replace('_', ' ')}, so it cannot be ${action}`);
}

/**
 * Completes a pending order and adds it to the customer's stats, in one transaction, exactly once: completing
 * an already completed order changes nothing (`applied: false`). Throws NotFoundError, ConflictError.
 */
export async function completeOrder({ actor, id }: { actor: Actor; id: string }): Promise<{ order: Order; applied: boolean }> {
  assertCan(actor, 'orders:write');
  const applied = await getDb().transaction(async (tx) => {
    // The row lock makes concurrent completions queue; the status check then lets only the first one through.
    const order = await lockOrder(tx, id);
    if (order.status === 'completed') return false;
    if (order.status !== 'pending') throw illegal(order, 'completed');
    await tx.update(orders).set({ status: 'completed', completedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(orders.id, id));
    await addCompletedOrder(tx, order.customerId, order.total, order.placedAt);
    await recordCustomerEvent(tx, actor, order.customerId, 'order.completed', { orderId: id, orderNumber: order.orderNumber, total: order.total });
    await emitWebhookEvent(tx, 'order.completed', () => loadOrder(tx, id), order.customerId);
    return true;
  });
  return { order: await getOrderById({ id }), applied };
}

/** Cancels a pending or completed order; a completed one is taken out of the customer's stats. Throws NotFoundError, ConflictError, ForbiddenError. */
export async function cancelOrder({ actor, id }: { actor: Actor; id: string }): Promise<Order> {
  assertCan(actor, 'orders:cancel');
  await getDb().transaction(async (tx) => {
    const order = await lockOrder(tx, id);
    if (order.status !== 'pending' && order.status !== 'completed') throw illegal(order, 'cancelled');
    await tx.update(orders).set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` }).where(eq(orders.id, id));
    if (order.status === 'completed') await removeCancelledOrder(tx, order.customerId, order.total - order.refundedTotal);
    await recordCustomerEvent(tx, actor, order.customerId, 'order.cancelled', { orderId: id, orderNumber: order.orderNumber, wasCompleted: order.status === 'completed' });
    await emitWebhookEvent(tx, 'order.cancelled', () => loadOrder(tx, id), order.customerId);
  });
  return getOrderById({ id });
}

/**
 * Refunds part or all of what remains of a completed order and takes it off the customer's spend; the order still
 * counts in orderCount and the order dates, even refunded in full. A repeated idempotency key refunds once; the key
 * with another amount or reason is refused. Throws NotFoundError, ConflictError, ValidationFailedError (amount above
 * what remains, key reused), ForbiddenError.
 */
export async function refundOrder({ actor, id, input = {} }: { actor: Actor; id: string; input?: OrderRefundInput }): Promise<Order> {
  assertCan(actor, 'orders:refund');
  const data = parseInput(orderRefundSchema, input);
  try {
    await getDb().transaction(async (tx) => {
      const order = await lockOrder(tx, id);
      if (data.idempotencyKey && (await previousRefund(tx, id, data))) return;
      if (order.status !== 'completed' && order.status !== 'partially_refunded') throw illegal(order, 'refunded');
      const remaining = order.total - order.refundedTotal;
      const amount = data.amount ?? remaining;
      if (amount > remaining || amount <= 0) {
        throw new ValidationFailedError('Refund too large', [{ path: 'amount', message: `At most ${remaining} minor units remain to refund on this order` }]);
      }
      const isFull = amount === remaining;
      await tx
        .update(orders)
        .set({ refundedTotal: sql`${orders.refundedTotal} + ${amount}`, status: isFull ? 'refunded' : 'partially_refunded', updatedAt: sql`now()` })
        .where(eq(orders.id, id));
      await tx.insert(orderRefunds).values({ customerId: order.customerId, orderId: id, amount, reason: data.reason, idempotencyKey: data.idempotencyKey, createdById: actor.id });
      await takeBackRefund(tx, order.customerId, amount);
      await recordCustomerEvent(tx, actor, order.customerId, 'order.refunded', { orderId: id, orderNumber: order.orderNumber, amount, full: isFull, reason: data.reason });
      await emitWebhookEvent(tx, 'order.refunded', async () => ({ ...(await loadOrder(tx, id)), refund: { amount, reason: data.reason ?? null } }), order.customerId);
    });
  } catch (error) {
    // Two requests with one new idempotency key at once: the loser's insert hits the unique index; the winner refunded.
    if (!isUniqueViolation(error, 'order_refunds_idempotency_idx')) throw error;
    await previousRefund(getDb(), id, data);
  }
  return getOrderById({ id });
}

const KEY_REUSED = 'This idempotency key was already used for another refund of this order; send a new key for a new refund';

/**
 * The refund this order already has under `data.idempotencyKey`, if any; a different amount (when one is asked) or
 * reason under the same key is another request, not a retry, and throws ValidationFailedError naming the key.
 */
async function previousRefund(db: Db | Tx, orderId: string, data: z.output<typeof orderRefundSchema>): Promise<boolean> {
  const [previous] = await db
    .select({ amount: orderRefunds.amount, reason: orderRefunds.reason })
    .from(orderRefunds)
    .where(and(eq(orderRefunds.orderId, orderId), eq(orderRefunds.idempotencyKey, data.idempotencyKey!)));
  if (!previous) return false;
  if ((data.amount != null && data.amount !== previous.amount) || data.reason !== previous.reason) {
    throw new ValidationFailedError(KEY_REUSED, [{ path: 'idempotencyKey', message: `Used for a refund of ${previous.amount} minor units; send a new key for a new refund` }]);
  }
  return true;
}

/**
 * One order with its items and customer. With `customerId`, only that customer's order is found (a storefront
 * customer asking for someone else's order gets the same NotFoundError as for one that does not exist).
 */
/** Whether an order with this id exists: a one-row check that lets a detail page answer 404 before it streams. */
export async function orderExists(id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [found] = await getDb().select({ id: orders.id }).from(orders).where(eq(orders.id, id));
  return found !== undefined;
}

export async function getOrderById({ id, customerId }: { id: string; customerId?: string }): Promise<Order> {
  assertUuid(id, NOT_FOUND);
  if (customerId !== undefined) assertUuid(customerId, NOT_FOUND);
  return loadOrder(getDb(), id, customerId);
}

/** The order as the API returns it, read in `db` (a transaction sees its own changes: webhook payloads). */
async function loadOrder(db: Db | Tx, id: string, customerId?: string): Promise<Order> {
  const [found] = await db
    .select({ order: orders, customer: { id: customers.id, firstName: customers.firstName, lastName: customers.lastName, email: customers.email } })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(customerId === undefined ? eq(orders.id, id) : and(eq(orders.customerId, customerId), eq(orders.id, id)));
  if (!found) throw new NotFoundError(NOT_FOUND);
  const items = await db.select().from(orderItems).where(and(eq(orderItems.customerId, found.order.customerId), eq(orderItems.orderId, id))).orderBy(orderItems.position, orderItems.id);
  const { customer } = found;
  return toOrder(found.order, items, customer ? { id: customer.id, name: `${customer.firstName} ${customer.lastName}`.trim(), email: customer.email } : null);
}

export { countOrderMatches, listOrders } from './orders/list';

function beforeCursor(cursor: string): SQL | undefined {
  const [at, id] = orderCursor.decode(cursor);
  return or(lt(orders.placedAt, at), and(eq(orders.placedAt, at), lt(orders.id, id)));
}

function toPage<T extends { placedAt: string; id: string }>(rows: T[], limit: number): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > limit && last ? orderCursor.encode([new Date(last.placedAt), last.id]) : null };
}

/** A customer's purchase history, newest first, keyset-paged on the (customer_id, placed_at, id) index. Throws NotFoundError. */
export async function listCustomerOrders({ customerId, cursor, limit = 20 }: { customerId: string; cursor?: string | null; limit?: number }): Promise<Page<OrderSummary>> {
  assertUuid(customerId, CUSTOMER_NOT_FOUND);
  const db = getDb();
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), cursor ? beforeCursor(cursor) : undefined))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(limit + 1);
  // An order row proves its customer exists (foreign key), so only an empty page costs the primary-key lookup.
  if (rows.length === 0) {
    const [customer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
    if (!customer) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  }
  return toPage(rows.map(toOrderSummary), limit);
}

/** How many orders, in any status, reference the customer. */
export async function countCustomerOrders(tx: Tx, customerId: string): Promise<number> {
  const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(orders).where(eq(orders.customerId, customerId));
  return row.count;
}

