import { sql, type SQL } from 'drizzle-orm';

import { orderItems } from '@/db/schema';

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * An order as the API returns it (orders/mapping.ts `toOrder`), built in SQL from a row of `orders` columns named
 * `order` and its customer's row (id, first_name, last_name, email) named `customer`, for the writes that answer with
 * the order from the statement that changed it (a second query would cost a round trip, and see only the snapshot from
 * before the change). order-json.test.ts holds the two to the same answer. The items are read from order_items, or,
 * for an order inserted by the same statement (whose snapshot cannot see its rows), from the relation named `items`.
 */
export function orderJsonSql(order: string, customer: string, items?: string): SQL {
  const o = (column: string) => sql`${sql.identifier(order)}.${sql.identifier(column)}`;
  const c = (column: string) => sql`${sql.identifier(customer)}.${sql.identifier(column)}`;
  return sql`jsonb_build_object(
    'id', ${o('id')}, 'orderNumber', ${o('order_number')}, 'status', ${o('status')}, 'total', ${o('total')},
    'refundedTotal', ${o('refunded_total')}, 'itemCount', ${o('item_count')}, 'currency', ${o('currency')},
    'placedAt', ${iso(o('placed_at'))}, 'completedAt', ${iso(o('completed_at'))}, 'customerId', ${o('customer_id')},
    'customer', case when ${c('id')} is null then null
      else jsonb_build_object('id', ${c('id')}, 'name', btrim(${c('first_name')} || ' ' || ${c('last_name')}), 'email', ${c('email')}) end,
    'subtotal', ${o('subtotal')}, 'discountTotal', ${o('discount_total')}, 'discountCode', ${o('discount_code')},
    'taxTotal', ${o('tax_total')}, 'shippingTotal', ${o('shipping_total')}, 'cancelledAt', ${iso(o('cancelled_at'))},
    'createdById', ${o('created_by_id')}, 'shippingAddress', ${o('shipping_address')}, 'billingAddress', ${o('billing_address')},
    'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity, 'unitPrice', i.unit_price, 'lineTotal', i.line_total)
        order by i.position, i.id)
      from ${items ? sql.identifier(items) : orderItems} i where i.customer_id = ${o('customer_id')} and i.order_id = ${o('id')}
    ), '[]'::jsonb)
  )`;
}
