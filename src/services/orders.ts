import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';

import { getDb, preparedStatement, queryPreparedRows, type Db, type Tx } from '@/db/client';
import { customers, discountRedemptions, orderItems, orderNumberSequence, orderRefunds, orders } from '@/db/schema';
import type { OrderStatus } from '@/lib/order-status';
import type { Actor, Order, OrderSummary, Page } from '@/lib/types';
import { orderCreateSchema, orderRefundSchema, type OrderCreateInput, type OrderRefundInput } from '@/lib/validation/order';

import { ACTOR_PLACEHOLDERS, actorValues, customerEventsSql } from './customers/events';
import { isUniqueViolation } from './db-errors';
import { takeDiscountUse } from './discounts/apply';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid, isUuid } from './ids';
import { orderAddressCandidatesSql, pickOrderAddresses, type AddressCandidate } from './orders/addresses';
import { addCompletedOrderSql, fitsTotalSpend, removeCancelledOrderSql, takeBackRefundSql, TOTAL_SPEND_LIMIT_MESSAGE } from './orders/customer-stats';
import { orderCursor } from './orders/cursor';

export { listOrderRefunds } from './orders/refund-history';
import { LOCK_OUTCOME, lockedOrderStatement, lockOrderCtes, type LockOutcome } from './orders/lock';
import { orderJsonSql } from './orders/order-json';
import { toOrder, toOrderSummary } from './orders/mapping';
import { assertCan } from './permissions';
import { SHOP_CURRENCY } from '@/lib/config';
import { parseInput } from './validate';
import { webhookOutboxCtes } from './webhooks';

const NOT_FOUND = 'No order with this id';

// A jsonb parameter's text, or null for SQL NULL (JSON.stringify(null) would be the JSON value null).
const jsonOrNull = (value: object | null) => (value === null ? null : JSON.stringify(value));
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
  const addressChoices = {
    shipping: { address: data.shippingAddress, addressId: data.shippingAddressId },
    billing: { address: data.billingAddress, addressId: data.billingAddressId },
  };
  try {
    return await getDb().transaction(async (tx) => {
      // Two statements: this one reads the customer and the addresses the order may copy; the checks and the choice of
      // addresses (and of a discount, whose use is taken in between) are the app's; the second writes everything.
      // KEY SHARE keeps the customer until the order commits: a deletion waits, then counts this order and refuses.
      const [customer] = await queryPreparedRows<{ id: string; group_id: string | null; erased: boolean; addresses: AddressCandidate[] }>(
        tx,
        sql`select c.id, c.customer_group_id as group_id, c.erased_at is not null as erased, ${orderAddressCandidatesSql(sql`c.id`, addressChoices)} as addresses
          from (select id, customer_group_id, erased_at from ${customers} where id = ${data.customerId} for key share) c`,
      );
      if (!customer) throw new ValidationFailedError('Unknown customer', [{ path: 'customerId', message: 'No customer with this id' }]);
      // An erased customer's record is kept for their past orders only; it takes no new ones.
      if (customer.erased) throw new ValidationFailedError('Erased customer', [{ path: 'customerId', message: "This customer's personal data was erased: place the order for a new customer" }]);
      // The code's window is judged at entry time, not at a back-dated placedAt.
      const discount = data.discountCode ? await takeDiscountUse(tx, { code: data.discountCode, customerId: customer.id, customerGroupId: customer.group_id, subtotal, at: new Date() }) : null;
      const addresses = pickOrderAddresses(customer.addresses, addressChoices);
      const discountTotal = discount ? discount.amount : data.discountTotal;
      const total = subtotal - discountTotal + data.taxTotal + data.shippingTotal;
      const items = lines.map((line) => ({ id: line.id, sku: line.sku, name: line.name, quantity: line.quantity, unit_price: line.unitPrice, line_total: line.lineTotal, position: line.position }));
      const [row] = await queryPreparedRows<{ order_json: Order }>(
        tx,
        sql`with placed as (
            insert into ${orders} (customer_id, order_number, currency, subtotal, discount_total, discount_id, discount_code, tax_total, shipping_total,
              total, item_count, placed_at, created_by_id, external_id, shipping_address, billing_address)
            values (${customer.id}::uuid, '#' || nextval(${orderNumberSequence.seqName ?? 'order_number_seq'}::regclass), ${currency}::text,
              ${subtotal}::bigint, ${discountTotal}::bigint, ${discount?.discountId ?? null}::uuid, ${discount?.code ?? null}::text,
              ${data.taxTotal}::bigint, ${data.shippingTotal}::bigint, ${total}::bigint, ${lines.reduce((sum, line) => sum + line.quantity, 0)}::int,
              coalesce(${data.placedAt?.toISOString() ?? null}::timestamptz, now()), ${actor.type === 'staff' ? actor.id : null}::text, ${externalId ?? null}::text,
              ${jsonOrNull(addresses.shippingAddress)}::jsonb, ${jsonOrNull(addresses.billingAddress)}::jsonb)
            returning *
          ),
          placed_items as (
            insert into ${orderItems} (customer_id, order_id, id, sku, name, quantity, unit_price, line_total, position)
            select o.customer_id, o.id, i.id, i.sku, i.name, i.quantity, i.unit_price, i.line_total, i.position
            from placed o cross join jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
              as i(id uuid, sku text, name text, quantity int, unit_price bigint, line_total bigint, position int)
            returning *
          ),
          redemption as (
            insert into ${discountRedemptions} (discount_id, customer_id, order_id, amount)
            select ${discount?.discountId ?? null}::uuid, o.customer_id, o.id, ${discount?.amount ?? null}::bigint from placed o
            where ${discount ? sql`true` : sql`false`}
          ),
          timeline as (${customerEventsSql(
            actor,
            'order.placed',
            sql`select customer_id, jsonb_build_object('orderId', id, 'orderNumber', order_number, 'total', total)
              || ${discount ? sql`jsonb_build_object('discountCode', ${discount.code}::text)` : sql`'{}'::jsonb`} as data from placed`,
          )}),
          shown as (
            select ${orderJsonSql('o', 'c', 'placed_items')} as order_json
            from placed o cross join (select id, first_name, last_name, email from ${customers} where id = ${customer.id}) c
          ),
          -- Keyed by customer: a receiver gets a customer's and their orders' events in the order they happened.
          ${webhookOutboxCtes('order.created', sql`select o.customer_id::text as resource_key, s.order_json as data from placed o cross join shown s`)}
        select order_json from shown`,
      );
      return row.order_json;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'orders_external_id_idx')) throw new ConflictError('An order with this external id exists', [{ path: 'externalId', message: 'Already imported' }]);
    throw error;
  }
}

function illegal(order: { orderNumber: string; status: string }, action: string): ConflictError {
  return new ConflictError(`Order ${order.orderNumber} is ${order.status.replace('_', ' ')}, so it cannot be ${action}`);
}

// Each status change below is one statement (a cancellation two, in one transaction): lock the customer and the order
// (orders/lock.ts), change the order if its status allows, move the customer's stats (orders/customer-stats.ts), write
// the timeline event and the webhook event, and answer with the order as it now is. A statement commits whole or not
// at all, so what held in a transaction holds in it; round trips, not the database, were most of the time before.

/** The order the statement answers with: the changed row, or the locked one when nothing changed. */
const shownOrder = (changed: string) => sql`select ${orderJsonSql('o', 'c')} as order_json
  from (select * from ${sql.identifier(changed)} union all select * from locked_order where not exists (select 1 from ${sql.identifier(changed)})) o
  cross join locked_customer c`;

interface LockedOrderRow extends LockOutcome {
  status: OrderStatus | null;
  order_number: string | null;
  applied: boolean;
  order_json: Order | null;
}

const LOCKED_ORDER_COLUMNS = sql`${LOCK_OUTCOME}, (select status from locked_order) as status, (select order_number from locked_order) as order_number`;

// The statements below are built once, with placeholders for the values of a call (db/client.ts preparedStatement).
const ID = sql.placeholder('id');

const completion = preparedStatement<LockedOrderRow>(
  () => sql`with ${lockOrderCtes(ID)},
    completed as (
      update ${orders} o set status = 'completed', completed_at = now(), updated_at = now()
      from locked_order l, locked_customer c
      where o.customer_id = l.customer_id and o.id = l.id and l.status = 'pending' and ${fitsTotalSpend(sql`c.total_spend`, sql`l.total`)}
      returning o.*
    ),
    stats as (${addCompletedOrderSql(sql`(select customer_id, total as amount, placed_at from completed)`)}),
    timeline as (${customerEventsSql(ACTOR_PLACEHOLDERS, 'order.completed', sql`select customer_id, jsonb_build_object('orderId', id, 'orderNumber', order_number, 'total', total) as data from completed`)}),
    shown as (${shownOrder('completed')}),
    ${webhookOutboxCtes('order.completed', sql`select o.customer_id::text as resource_key, s.order_json as data from completed o cross join shown s`)}
  select ${LOCKED_ORDER_COLUMNS}, exists (select 1 from completed) as applied, (select order_json from shown) as order_json`,
);

/**
 * Completes a pending order and adds it to the customer's stats, in one statement, exactly once: completing an already
 * completed order changes nothing (`applied: false`). Throws NotFoundError, ConflictError.
 */
export async function completeOrder({ actor, id }: { actor: Actor; id: string }): Promise<{ order: Order; applied: boolean }> {
  assertCan(actor, 'orders:write');
  const db = getDb();
  // The row locks make concurrent completions queue; the status check, made on the locked row, lets only the first through.
  const row = await lockedOrderStatement(id, async () => (await completion(db, { id, ...actorValues(actor) }))[0]);
  if (!row.applied) {
    if (row.status === 'pending') throw new ConflictError(TOTAL_SPEND_LIMIT_MESSAGE);
    if (row.status !== 'completed') throw illegal({ orderNumber: row.order_number!, status: row.status! }, 'completed');
  }
  return { order: row.order_json!, applied: row.applied };
}

const cancellationLock = preparedStatement<LockedOrderRow & { customer_id: string | null; amount: number | string | null }>(
  () => sql`with ${lockOrderCtes(ID)}
    select ${LOCKED_ORDER_COLUMNS}, (select customer_id from locked_order) as customer_id, (select total - refunded_total from locked_order) as amount`,
);

// Two texts: only a completed order's cancellation moves the stats.
const cancellation = (wasCompleted: boolean) =>
  preparedStatement<{ order_json: Order }>(
    () => sql`with locked_customer as (
        select id, first_name, last_name, email from ${customers} where id = ${sql.placeholder('customerId')}
      ),
      cancelled as (
        update ${orders} set status = 'cancelled', cancelled_at = now(), updated_at = now()
        where customer_id = ${sql.placeholder('customerId')} and id = ${ID}
        returning *
      ),
      stats as (${wasCompleted ? removeCancelledOrderSql(sql`(select customer_id, id as order_id, ${sql.placeholder('amount')}::bigint as amount from cancelled)`) : sql`select 1`}),
      timeline as (${customerEventsSql(
        ACTOR_PLACEHOLDERS,
        'order.cancelled',
        sql`select customer_id, jsonb_build_object('orderId', id, 'orderNumber', order_number, 'wasCompleted', ${wasCompleted ? sql`true` : sql`false`}) as data from cancelled`,
      )}),
      shown as (select ${orderJsonSql('o', 'c')} as order_json from cancelled o cross join locked_customer c),
      ${webhookOutboxCtes('order.cancelled', sql`select o.customer_id::text as resource_key, s.order_json as data from cancelled o cross join shown s`)}
    select order_json from shown`,
  );
const cancelCompleted = cancellation(true);
const cancelPending = cancellation(false);

/** Cancels a pending or completed order; a completed one is taken out of the customer's stats. Throws NotFoundError, ConflictError, ForbiddenError. */
export async function cancelOrder({ actor, id }: { actor: Actor; id: string }): Promise<Order> {
  assertCan(actor, 'orders:cancel');
  return getDb().transaction(async (tx) => {
    // Two statements: the dates of a cancelled order's customer are read back from the orders, so they must be read
    // with a snapshot taken after the customer's lock was granted (customer-stats.ts removeCancelledOrderSql).
    const locked = await lockedOrderStatement(id, async () => (await cancellationLock(tx, { id }))[0]);
    const order = { orderNumber: locked.order_number!, status: locked.status! };
    if (order.status !== 'pending' && order.status !== 'completed') throw illegal(order, 'cancelled');
    const cancel = order.status === 'completed' ? cancelCompleted : cancelPending;
    const [result] = await cancel(tx, { id, customerId: locked.customer_id, amount: Number(locked.amount), ...actorValues(actor) });
    return result.order_json;
  });
}

interface RefundRow extends LockedOrderRow {
  remaining: number | string | null;
  previous_amount: number | string | null;
  previous_reason: string | null;
}

const REFUND = { amount: sql.placeholder('amount'), reason: sql.placeholder('reason'), key: sql.placeholder('key') };

const refund = preparedStatement<RefundRow>(
  () => sql`with ${lockOrderCtes(ID)},
    previous as (
      select amount, reason from ${orderRefunds} where order_id = ${ID} and idempotency_key = ${REFUND.key}::text
    ),
    asked as (
      select l.customer_id, l.id, l.total - l.refunded_total as remaining, coalesce(${REFUND.amount}::bigint, l.total - l.refunded_total) as amount
      from locked_order l
      where l.status in ('completed', 'partially_refunded') and not exists (select 1 from previous)
    ),
    refunded as (
      update ${orders} o set
        refunded_total = o.refunded_total + a.amount,
        status = case when a.amount = a.remaining then 'refunded' else 'partially_refunded' end,
        updated_at = now()
      from asked a
      where o.customer_id = a.customer_id and o.id = a.id and a.amount > 0 and a.amount <= a.remaining
      returning o.*
    ),
    refund as (
      select r.customer_id, r.id as order_id, r.order_number, a.amount, a.amount = a.remaining as is_full
      from refunded r join asked a on a.id = r.id
    ),
    refund_row as (
      insert into ${orderRefunds} (customer_id, order_id, amount, reason, idempotency_key, created_by_id)
      select customer_id, order_id, amount, ${REFUND.reason}::text, ${REFUND.key}::text, ${ACTOR_PLACEHOLDERS.id}::text from refund
    ),
    stats as (${takeBackRefundSql(sql`refund`)}),
    timeline as (${customerEventsSql(
      ACTOR_PLACEHOLDERS,
      'order.refunded',
      sql`select customer_id, jsonb_build_object('orderId', order_id, 'orderNumber', order_number, 'amount', amount, 'full', is_full, 'reason', ${REFUND.reason}::text) as data from refund`,
    )}),
    shown as (${shownOrder('refunded')}),
    ${webhookOutboxCtes(
      'order.refunded',
      sql`select r.customer_id::text as resource_key, s.order_json || jsonb_build_object('refund', jsonb_build_object('amount', r.amount, 'reason', ${REFUND.reason}::text)) as data
        from refund r cross join shown s`,
    )}
  select ${LOCKED_ORDER_COLUMNS}, exists (select 1 from refunded) as applied, (select order_json from shown) as order_json,
    (select total - refunded_total from locked_order) as remaining,
    (select amount from previous) as previous_amount, (select reason from previous) as previous_reason`,
);

/**
 * Refunds part or all of what remains of a completed order and takes it off the customer's spend; the order still
 * counts in orderCount and the order dates, even refunded in full. A repeated idempotency key refunds once; the key
 * with another amount or reason is refused. Throws NotFoundError, ConflictError, ValidationFailedError (amount above
 * what remains, key reused), ForbiddenError.
 */
export async function refundOrder({ actor, id, input = {} }: { actor: Actor; id: string; input?: OrderRefundInput }): Promise<Order> {
  assertCan(actor, 'orders:refund');
  const data = parseInput(orderRefundSchema, input);
  const db = getDb();
  const key = data.idempotencyKey ?? null;
  let row: RefundRow;
  try {
    const values = { id, key, amount: data.amount ?? null, reason: data.reason, ...actorValues(actor) };
    row = await lockedOrderStatement(id, async () => (await refund(db, values))[0]);
  } catch (error) {
    // Two requests with one new idempotency key at once: the loser's insert hits the unique index; the winner refunded.
    if (!isUniqueViolation(error, 'order_refunds_idempotency_idx')) throw error;
    await previousRefund(db, id, data);
    return getOrderById({ id });
  }
  if (row.previous_amount !== null) {
    assertSameRefund({ amount: Number(row.previous_amount), reason: row.previous_reason ?? '' }, data);
    return row.order_json!;
  }
  if (!row.applied) {
    // The statement's snapshot predates a refund under the same key that committed while it waited for the lock: that
    // one made this a retry, not a new refund, whatever the order's status is now.
    if (key && (await previousRefund(db, id, data))) return getOrderById({ id });
    if (row.status !== 'completed' && row.status !== 'partially_refunded') throw illegal({ orderNumber: row.order_number!, status: row.status! }, 'refunded');
    throw new ValidationFailedError('Refund too large', [{ path: 'amount', message: `At most ${Number(row.remaining)} minor units remain to refund on this order` }]);
  }
  return row.order_json!;
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
  assertSameRefund(previous, data);
  return true;
}

/** A different amount (when one is asked) or reason under a used key is another request, not a retry. */
function assertSameRefund(previous: { amount: number; reason: string }, data: z.output<typeof orderRefundSchema>): void {
  if ((data.amount != null && data.amount !== previous.amount) || data.reason !== previous.reason) {
    throw new ValidationFailedError(KEY_REUSED, [{ path: 'idempotencyKey', message: `Used for a refund of ${previous.amount} minor units; send a new key for a new refund` }]);
  }
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

