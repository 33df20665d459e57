// The floors of the write cases: the same writes as the service call, as ONE statement with data-modifying CTEs, on
// fresh rows of the same kind. Webhook outbox rows are left out of both sides' cost only when no endpoint subscribes
// (the bench warns otherwise): the service writes none then, and neither does the floor.
import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { SHOP_CURRENCY } from '@/lib/config';
import { orderAddressSql } from '@/services/orders/addresses';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';

import { rowsOf } from './database';

/** A line of a bench order, as createOrder takes it. */
export interface BenchLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

/**
 * updateCustomer's work on one customer: lock the row, change its notes, bump the version, write the timeline event
 * with the change, and return the customer with its group. Returns 1 when the customer was updated.
 */
export async function updateCustomerFloor(handle: DatabaseHandle, id: string, notes: string): Promise<number> {
  const rows = await rowsOf<{ id: string }>(
    handle,
    sql`with old as (
          select id, notes from customers where id = ${id} and erased_at is null for update
        ), updated as (
          update customers c set notes = ${notes}, version = c.version + 1, updated_at = now() from old where c.id = old.id returning c.*
        ), event as (
          insert into customer_events (customer_id, type, actor_type, actor_id, data)
          select old.id, 'customer.updated', 'system', null, jsonb_build_object('changes', jsonb_build_object('notes', jsonb_build_array(old.notes, ${notes}::text)))
          from old join updated using (id)
        )
        select updated.*, g.name as group_name from updated left join customer_groups g on g.id = updated.customer_group_id`,
  );
  return rows.length;
}

/**
 * createOrder's work: hold the customer (KEY SHARE, not erased), copy its default addresses, insert the order with the
 * next order number, its lines, and the timeline event; returns the order's line count.
 */
export async function createOrderFloor(handle: DatabaseHandle, customerId: string, lines: BenchLine[], shippingTotal: number): Promise<number> {
  const items = lines.map((line, position) => ({ ...line, lineTotal: line.unitPrice * line.quantity, position }));
  const subtotal = items.reduce((sum, line) => sum + line.lineTotal, 0);
  const itemCount = items.reduce((sum, line) => sum + line.quantity, 0);
  const rows = await rowsOf<{ items: number }>(
    handle,
    sql`with customer as (
          select id from customers where id = ${customerId} and erased_at is null for key share
        ), shipping as (
          select ${orderAddressSql('a')} as address from customer_addresses a where a.customer_id = ${customerId} and a.is_default_shipping
        ), billing as (
          select ${orderAddressSql('a')} as address from customer_addresses a where a.customer_id = ${customerId} and a.is_default_billing
        ), new_order as (
          insert into orders (customer_id, order_number, currency, subtotal, shipping_total, total, item_count, shipping_address, billing_address)
          select id, '#' || nextval('order_number_seq'), ${SHOP_CURRENCY}, ${subtotal}, ${shippingTotal}, ${subtotal + shippingTotal}, ${itemCount},
                 (select address from shipping), coalesce((select address from billing), (select address from shipping))
          from customer
          returning *
        ), new_items as (
          insert into order_items (customer_id, order_id, sku, name, quantity, unit_price, line_total, position)
          select o.customer_id, o.id, l.sku, l.name, l.quantity, l."unitPrice", l."lineTotal", l.position
          from new_order o cross join jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as l(sku text, name text, quantity int, "unitPrice" bigint, "lineTotal" bigint, position int)
          returning *
        ), event as (
          insert into customer_events (customer_id, type, actor_type, actor_id, data)
          select customer_id, 'order.placed', 'system', null, jsonb_build_object('orderId', id, 'orderNumber', order_number, 'total', total) from new_order
        )
        select (select count(*)::int from new_items) as items from new_order`,
  );
  return rows[0]?.items ?? 0;
}

/**
 * completeOrder's work: lock the pending order, complete it, add it to the customer's stats (spend, count, first and
 * last order dates), and write the timeline event. Returns 1 when applied, 0 when the order was not pending.
 */
export async function completeOrderFloor(handle: DatabaseHandle, orderId: string): Promise<number> {
  const rows = await rowsOf<{ applied: number }>(
    handle,
    sql`with o as (
          select id, customer_id, order_number, total, placed_at from orders where id = ${orderId} and status = 'pending' for update
        ), completed as (
          update orders set status = 'completed', completed_at = now(), updated_at = now()
          from o where orders.customer_id = o.customer_id and orders.id = o.id returning orders.id
        ), stats as (
          update customers c set total_spend = c.total_spend + o.total, order_count = c.order_count + 1,
                 first_order_date = least(c.first_order_date, o.placed_at), last_order_date = greatest(c.last_order_date, o.placed_at), updated_at = now()
          from o where c.id = o.customer_id returning c.id
        ), event as (
          insert into customer_events (customer_id, type, actor_type, actor_id, data)
          select customer_id, 'order.completed', 'system', null, jsonb_build_object('orderId', id, 'orderNumber', order_number, 'total', total) from o
        )
        select count(*)::int as applied from completed`,
  );
  return rows[0].applied;
}

/**
 * refundOrder's work: lock the counted order, add the refund to it (refunded in full when nothing remains), record
 * the refund, take it off the customer's spend, write the timeline event, and return the order with its lines.
 * Returns 1 when the order was refunded.
 */
export async function refundOrderFloor(handle: DatabaseHandle, orderId: string, amount: number, reason: string): Promise<number> {
  const rows = await rowsOf(
    handle,
    sql`with o as (
          select id, customer_id, order_number, total, refunded_total from orders
          where id = ${orderId} and status in ${COUNTED_STATUSES} and status <> 'refunded' and total - refunded_total >= ${amount} for update
        ), refunded as (
          update orders set refunded_total = orders.refunded_total + ${amount},
                 status = case when o.total - o.refunded_total = ${amount} then 'refunded' else 'partially_refunded' end, updated_at = now()
          from o where orders.customer_id = o.customer_id and orders.id = o.id returning orders.*
        ), refund as (
          insert into order_refunds (customer_id, order_id, amount, reason) select customer_id, id, ${amount}, ${reason} from o
        ), stats as (
          update customers c set total_spend = c.total_spend - ${amount}, updated_at = now() from o where c.id = o.customer_id
        ), event as (
          insert into customer_events (customer_id, type, actor_type, actor_id, data)
          select customer_id, 'order.refunded', 'system', null,
                 jsonb_build_object('orderId', id, 'orderNumber', order_number, 'amount', ${amount}::bigint, 'full', total - refunded_total = ${amount}, 'reason', ${reason}::text)
          from o
        )
        select r.*, (select json_agg(i order by i.position) from order_items i where i.customer_id = r.customer_id and i.order_id = r.id) as items from refunded r`,
  );
  return rows.length;
}

/** Places `count` pending orders (one line each) for as many random customers in one statement; returns their ids. */
export async function placePendingOrders(handle: DatabaseHandle, count: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    handle,
    sql`with picked as (
          select id from customers where erased_at is null order by random() limit ${count}
        ), placed as (
          insert into orders (customer_id, order_number, currency, subtotal, shipping_total, total, item_count)
          select id, '#' || nextval('order_number_seq'), ${SHOP_CURRENCY}, 2500, 395, 2895, 1 from picked
          returning customer_id, id
        ), lines as (
          insert into order_items (customer_id, order_id, sku, name, quantity, unit_price, line_total)
          select customer_id, id, 'BENCH-FLOOR', 'Bench floor item', 1, 2500, 2500 from placed
        )
        select id from placed`,
  );
  return rows.map((row) => row.id);
}
