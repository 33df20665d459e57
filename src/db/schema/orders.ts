import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { ORDER_STATUSES } from '../../lib/order-status';
import type { OrderAddress } from '../../lib/types';

import { createdAt, timestampMs, updatedAt } from './columns';
import { customers } from './customers';
import { staffMembers } from './staff';

export { ORDER_STATUSES };

// Human order numbers (#1001, #1002, …) come from a sequence, so they are unique without a lookup.
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 1001 });

// Keyed (customer_id, id): on a distributed PostgreSQL (Citus) both tables are distributed by customer id,
// so a customer's orders and items live on the customer's shard and history queries never fan out.
export const orders = pgTable(
  'orders',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    orderNumber: text('order_number').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    currency: text('currency').notNull(),
    // All amounts are integer minor units of `currency`; total = subtotal - discount + tax + shipping.
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discountTotal: bigint('discount_total', { mode: 'number' }).notNull().default(0),
    taxTotal: bigint('tax_total', { mode: 'number' }).notNull().default(0),
    shippingTotal: bigint('shipping_total', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }).notNull(),
    refundedTotal: bigint('refunded_total', { mode: 'number' }).notNull().default(0),
    itemCount: integer('item_count').notNull().default(0),
    placedAt: timestampMs('placed_at').notNull().defaultNow(),
    completedAt: timestampMs('completed_at'),
    cancelledAt: timestampMs('cancelled_at'),
    createdById: text('created_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    // The discount applied at creation (its code as typed then, kept if the discount is later renamed or deleted).
    discountId: uuid('discount_id'),
    discountCode: text('discount_code'),
    // The order's id in the system it was imported from (e.g. an invoice number), for idempotent re-imports.
    externalId: text('external_id'),
    // Copies of the addresses as they were when the order was placed (services/orders/addresses.ts), so editing or
    // deleting the customer's address later does not rewrite the order. jsonb rather than twenty columns: the order
    // only ever reads, shows and erases them whole, never filters by their fields. Null: none was recorded.
    shippingAddress: jsonb('shipping_address').$type<OrderAddress>(),
    billingAddress: jsonb('billing_address').$type<OrderAddress>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.id] }),
    // Lookups by id alone (order pages, API); ids are random UUIDs, unique by construction.
    index('orders_id_idx').on(t.id),
    uniqueIndex('orders_order_number_idx').on(t.orderNumber),
    uniqueIndex('orders_external_id_idx').on(t.externalId),
    // A customer's orders newest first; with the columns the metrics read, so a recompute scans this index alone
    // (services/metrics/compute.ts buildBase). Completions, cancellations and first refunds change the status, which
    // other indexes hold too, so they write new index entries either way.
    index('orders_customer_placed_idx').on(t.customerId, t.placedAt, t.id, t.status, t.total, t.refundedTotal, t.itemCount),
    index('orders_placed_idx').on(t.placedAt, t.id),
    // The order list's sorts: by placed date (above), by status then placed date (the status index), by total, and
    // by customer name (customers_sort_name_idx, then each customer's orders by orders_customer_placed_idx).
    index('orders_status_placed_idx').on(t.status, t.placedAt, t.id),
    index('orders_total_idx').on(t.total, t.id),
    check('orders_amounts_valid', sql`${t.subtotal} >= 0 and ${t.discountTotal} >= 0 and ${t.taxTotal} >= 0 and ${t.shippingTotal} >= 0 and ${t.total} >= 0`),
    check('orders_total_adds_up', sql`${t.total} = ${t.subtotal} - ${t.discountTotal} + ${t.taxTotal} + ${t.shippingTotal}`),
    check('orders_addresses_are_objects', sql`(${t.shippingAddress} is null or jsonb_typeof(${t.shippingAddress}) = 'object') and (${t.billingAddress} is null or jsonb_typeof(${t.billingAddress}) = 'object')`),
    check('orders_refund_within_total', sql`${t.refundedTotal} >= 0 and ${t.refundedTotal} <= ${t.total}`),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    lineTotal: bigint('line_total', { mode: 'number' }).notNull(),
    // The line's place in the order as entered; ids are random, so without it items come back shuffled.
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.orderId, t.id] }),
    foreignKey({ columns: [t.customerId, t.orderId], foreignColumns: [orders.customerId, orders.id] }).onDelete('cascade'),
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    check('order_items_price_valid', sql`${t.unitPrice} >= 0 and ${t.lineTotal} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

// Every refund, so that repeated requests with one idempotency key refund once, and reconciliation can sum them.
export const orderRefunds = pgTable(
  'order_refunds',
  {
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    reason: text('reason').notNull().default(''),
    idempotencyKey: text('idempotency_key'),
    createdById: text('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.orderId, t.id] }),
    foreignKey({ columns: [t.customerId, t.orderId], foreignColumns: [orders.customerId, orders.id] }).onDelete('cascade'),
    uniqueIndex('order_refunds_idempotency_idx').on(t.orderId, t.idempotencyKey),
    check('order_refunds_amount_positive', sql`${t.amount} > 0`),
  ],
);

// What a refund returned of each order line. Imported cancellations name products, not invoices, so the import
// records which lines each refund took them from; a line never comes back more than it was bought (the import caps
// it, summing these rows per line). Refunds made by amount alone have no rows here.
export const orderRefundItems = pgTable(
  'order_refund_items',
  {
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    refundId: uuid('refund_id').notNull(),
    orderItemId: uuid('order_item_id').notNull(),
    quantity: integer('quantity').notNull(),
    // Minor units of the order's currency; the refund's amount is the sum of its items'.
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'order_refund_items_pk', columns: [t.customerId, t.orderId, t.refundId, t.orderItemId] }),
    foreignKey({ name: 'order_refund_items_refund_fk', columns: [t.customerId, t.orderId, t.refundId], foreignColumns: [orderRefunds.customerId, orderRefunds.orderId, orderRefunds.id] }).onDelete('cascade'),
    foreignKey({ name: 'order_refund_items_item_fk', columns: [t.customerId, t.orderId, t.orderItemId], foreignColumns: [orderItems.customerId, orderItems.orderId, orderItems.id] }).onDelete('cascade'),
    // What came back of a line, summed per line.
    index('order_refund_items_item_idx').on(t.customerId, t.orderId, t.orderItemId),
    check('order_refund_items_quantity_positive', sql`${t.quantity} > 0`),
    check('order_refund_items_amount_positive', sql`${t.amount} > 0`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderRefundRow = typeof orderRefunds.$inferSelect;
export type OrderRefundItemRow = typeof orderRefundItems.$inferSelect;
