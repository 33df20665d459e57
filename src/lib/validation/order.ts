import { z } from 'zod';

import { ORDER_STATUSES } from '../order-status';

import { addressSnapshotSchema } from './address';
import { blankToNull, dateParamSchema, moneyMinorSchema, text, uuidSchema } from './common';
import { discountCodeSchema } from './discount';

export const orderItemSchema = z.object({
  sku: text().min(1, 'SKU is required').max(64, 'SKU is at most 64 characters'),
  name: text().min(1, 'Item name is required').max(200, 'Item name is at most 200 characters'),
  quantity: z.number({ error: 'Quantity is a whole number' }).int('Quantity is a whole number').min(1, 'Quantity is at least 1').max(1_000_000, 'Quantity is at most 1,000,000'),
  unitPrice: moneyMinorSchema,
});

export const orderCreateSchema = z
  .object({
    customerId: uuidSchema,
    currency: z.string().trim().toUpperCase().length(3, 'Currency is a 3-letter ISO 4217 code').optional(),
    items: z.array(orderItemSchema).min(1, 'Add at least one item').max(500, 'At most 500 items per order'),
    discountTotal: moneyMinorSchema.default(0),
    // A discount code, checked and used up inside the order's transaction; its amount becomes discountTotal.
    discountCode: z.preprocess(blankToNull, discountCodeSchema.nullable().optional()),
    taxTotal: moneyMinorSchema.default(0),
    shippingTotal: moneyMinorSchema.default(0),
    // For orders taken earlier (a phone order entered later, an import); defaults to now.
    placedAt: dateParamSchema,
    // Each address is given as an address, as the id of one of the customer's addresses, or as null for none; left
    // out, the customer's default is copied (billing falls back to the shipping address). services/orders/addresses.ts
    shippingAddress: addressSnapshotSchema.nullable().optional(),
    shippingAddressId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
    billingAddress: addressSnapshotSchema.nullable().optional(),
    billingAddressId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
  })
  .superRefine((order, ctx) => {
    for (const kind of ['shipping', 'billing'] as const) {
      if (order[`${kind}Address`] !== undefined && order[`${kind}AddressId`] !== undefined)
        ctx.addIssue({ code: 'custom', path: [`${kind}AddressId`], message: `Give ${kind}Address or ${kind}AddressId, not both` });
    }
    const subtotal = order.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    // Tax and shipping can push a safe subtotal past 2^53, where JS sums round and the database's total check fails.
    const total = subtotal - order.discountTotal + order.taxTotal + order.shippingTotal;
    if (!Number.isSafeInteger(subtotal) || !Number.isSafeInteger(total)) ctx.addIssue({ code: 'custom', path: ['items'], message: 'The order total is too large' });
    if (order.discountCode && order.discountTotal > 0)
      ctx.addIssue({ code: 'custom', path: ['discountTotal'], message: 'Give a discount code or a discount amount, not both' });
    if (order.discountTotal > subtotal) ctx.addIssue({ code: 'custom', path: ['discountTotal'], message: 'The discount cannot exceed the items subtotal' });
    if (order.placedAt && order.placedAt.getTime() > Date.now() + 60_000)
      ctx.addIssue({ code: 'custom', path: ['placedAt'], message: 'An order cannot be placed in the future' });
  });

export const orderRefundSchema = z.object({
  // Minor units; omitted means "everything not yet refunded".
  amount: z.preprocess(blankToNull, moneyMinorSchema.min(1, 'Refund at least 1 minor unit').nullable().optional()),
  reason: text().max(500, 'Reason is at most 500 characters').default(''),
  // A retried request with the same key refunds once. As long as an Idempotency-Key header may be, which is one.
  idempotencyKey: z.preprocess(blankToNull, text().max(255).nullable().optional()),
});

export const ORDER_STATUS_VALUES = ORDER_STATUSES;

export const ORDER_SORT_FIELDS = ['placedAt', 'total', 'customer', 'status'] as const;
export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];
export type OrderSort = `${OrderSortField}:${'asc' | 'desc'}`;
export const ORDER_SORTS = ORDER_SORT_FIELDS.flatMap((f) => [`${f}:asc`, `${f}:desc`] as const) as OrderSort[];
export const DEFAULT_ORDER_SORT: OrderSort = 'placedAt:desc';

export const orderListQuerySchema = z.object({
  status: z.preprocess(blankToNull, z.enum(ORDER_STATUS_VALUES, { error: `Status is one of ${ORDER_STATUS_VALUES.join(', ')}` }).nullable().optional()),
  customerId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
  placedAfter: dateParamSchema,
  placedBefore: dateParamSchema,
  // Each sort walks an index (db/schema/orders.ts); ties are broken by placed date, then id, in the same direction.
  sort: z.enum(ORDER_SORTS as [OrderSort, ...OrderSort[]], { error: `Sort is one of ${ORDER_SORTS.join(', ')}` }).default(DEFAULT_ORDER_SORT),
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(200, 'Limit is at most 200').default(50),
  // The customer sort's cursor carries the customer's name (up to 201 characters of up to 3 bytes each).
  cursor: z.preprocess(blankToNull, z.string().max(2000).nullable().optional()),
});

/** The order list's filters, without sort and paging; the URL, the chips and the OpenAPI parameters follow it. */
export const orderFilterSchema = orderListQuerySchema.omit({ sort: true, limit: true, cursor: true });
export type OrderFilterKey = keyof typeof orderFilterSchema.shape;
export const ORDER_FILTER_KEYS = Object.keys(orderFilterSchema.shape) as OrderFilterKey[];

/** The filter part of a list query (for the number of matches). */
export function toOrderFilter(query: z.input<typeof orderListQuerySchema>): z.input<typeof orderFilterSchema> {
  return Object.fromEntries(ORDER_FILTER_KEYS.map((key) => [key, query[key]]));
}

export type OrderCreateInput = z.input<typeof orderCreateSchema>;
export type OrderRefundInput = z.input<typeof orderRefundSchema>;
export type OrderListQuery = z.input<typeof orderListQuerySchema>;
export type OrderFilter = z.input<typeof orderFilterSchema>;
