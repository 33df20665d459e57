import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import type { Db, Tx } from '@/db/client';
import { orderNumberSequence } from '@/db/schema';
import { orderAddressSql } from '@/services/orders/addresses';
import { customerStatsFromOrders } from '@/services/orders/customer-stats';

import type { DemoOrders } from './demo-orders';

// Like demo-insert.ts: each table's rows travel as one JSON parameter, one statement per table.

const ORDER_NUMBER = sql.raw(`'#' || nextval('${orderNumberSequence.seqName ?? 'order_number_seq'}')`);

/**
 * Inserts demo orders with their items, refunds and timeline events (placed, completed, cancelled, refunded, as the
 * order service records them), then sets the stats of the customers they belong to from all their orders. Order numbers
 * come from order_number_seq like createOrder's, handed out in placement order so that later orders get higher numbers.
 */
export async function insertDemoOrderRows(tx: Db | Tx, rows: DemoOrders): Promise<void> {
  if (rows.orders.length === 0) return;
  const orders = [...rows.orders].sort((a, b) => a.placed_at.localeCompare(b.placed_at) || a.id.localeCompare(b.id));
  await insertOrdersWithEvents(tx, orders);
  await tx.execute(sql`
    insert into order_items (customer_id, order_id, sku, name, quantity, unit_price, line_total)
    select customer_id, order_id, sku, name, quantity, unit_price, line_total
    from json_to_recordset(${JSON.stringify(rows.items)}::json) as r(
      customer_id uuid, order_id uuid, sku text, name text, quantity integer, unit_price bigint, line_total bigint
    )`);
  if (rows.refunds.length > 0) await insertRefundsWithEvents(tx, rows);
  await refreshCustomerStats(tx, [...new Set(orders.map((order) => order.customer_id))]);
}

// The customer's default addresses, copied as createOrder copies them (billing falls back to shipping); one lookup each
// on the one-default-per-kind unique indexes.
const defaultAddress = (kind: 'shipping' | 'billing') =>
  sql`(select ${orderAddressSql('a')} from customer_addresses a where a.customer_id = input.customer_id and ${sql.raw(kind === 'shipping' ? 'a.is_default_shipping' : 'a.is_default_billing')})`;

// A placed event by whoever placed it (the customer in the storefront, or the staff member who entered it), then one
// event for each later step at the moment it happened. nextval runs in the order of the JSON array, which is sorted.
async function insertOrdersWithEvents(tx: Db | Tx, orders: DemoOrders['orders']): Promise<void> {
  await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(orders)}::json) as r(
        id uuid, customer_id uuid, status text, currency text, subtotal bigint, discount_total bigint, tax_total bigint,
        shipping_total bigint, total bigint, refunded_total bigint, item_count integer, placed_at timestamptz,
        completed_at timestamptz, cancelled_at timestamptz, created_by_id text, updated_at timestamptz
      )
    ), inserted as (
      insert into orders (
        customer_id, id, order_number, status, currency, subtotal, discount_total, tax_total, shipping_total, total,
        refunded_total, item_count, placed_at, completed_at, cancelled_at, created_by_id, created_at, updated_at,
        shipping_address, billing_address
      )
      select
        customer_id, id, ${ORDER_NUMBER}, status, currency, subtotal, discount_total, tax_total, shipping_total, total,
        refunded_total, item_count, placed_at, completed_at, cancelled_at, created_by_id, placed_at, updated_at,
        ${defaultAddress('shipping')}, coalesce(${defaultAddress('billing')}, ${defaultAddress('shipping')})
      from input
      returning customer_id, id, order_number, total, placed_at, completed_at, cancelled_at, created_by_id
    )
    insert into customer_events (customer_id, type, actor_type, actor_id, data, created_at)
    select o.customer_id, e.type, e.actor_type, e.actor_id, e.data, e.at
    from inserted o
    cross join lateral (values
      ('order.placed', case when o.created_by_id is null then 'customer' else 'staff' end, coalesce(o.created_by_id, o.customer_id::text),
        jsonb_build_object('orderId', o.id, 'orderNumber', o.order_number, 'total', o.total), o.placed_at),
      ('order.completed', 'system', null, jsonb_build_object('orderId', o.id, 'orderNumber', o.order_number, 'total', o.total), o.completed_at),
      ('order.cancelled', case when o.created_by_id is null then 'customer' else 'staff' end, coalesce(o.created_by_id, o.customer_id::text),
        jsonb_build_object('orderId', o.id, 'orderNumber', o.order_number, 'wasCompleted', false), o.cancelled_at)
    ) as e(type, actor_type, actor_id, data, at)
    where e.at is not null`);
}

async function insertRefundsWithEvents(tx: Db | Tx, rows: DemoOrders): Promise<void> {
  await tx.execute(sql`
    with inserted as (
      insert into order_refunds (customer_id, order_id, amount, reason, created_by_id, created_at)
      select customer_id, order_id, amount, reason, created_by_id, created_at
      from json_to_recordset(${JSON.stringify(rows.refunds)}::json) as r(
        customer_id uuid, order_id uuid, amount bigint, reason text, created_by_id text, created_at timestamptz
      )
      returning customer_id, order_id, amount, reason, created_by_id, created_at
    )
    insert into customer_events (customer_id, type, actor_type, actor_id, data, created_at)
    select r.customer_id, 'order.refunded', case when r.created_by_id is null then 'system' else 'staff' end, r.created_by_id,
      jsonb_build_object('orderId', o.id, 'orderNumber', o.order_number, 'amount', r.amount, 'full', o.status = 'refunded', 'reason', r.reason),
      r.created_at
    from inserted r
    join orders o on o.customer_id = r.customer_id and o.id = r.order_id`);
}

/**
 * Sets each listed customer's totalSpend, orderCount and first/last order dates from all of their orders, by the order
 * service's rule (customerStatsFromOrders in src/services/orders/customer-stats.ts). Set-based, one UPDATE.
 */
export async function refreshCustomerStats(tx: Db | Tx, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const ids = arrayParam(customerIds, 'uuid');
  await tx.execute(sql`
    update customers c
    set total_spend = s.total_spend, order_count = s.order_count, first_order_date = s.first_order_date, last_order_date = s.last_order_date
    from (${customerStatsFromOrders(sql`o.customer_id = any(${ids})`)}) s
    where c.id = s.customer_id`);
}
