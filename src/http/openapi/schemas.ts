import { z } from 'zod';

import { addressCreateSchema, addressSnapshotSchema } from '@/lib/validation/address';
import { moneyMinorSchema, uuidSchema } from '@/lib/validation/common';
import { customerFieldsSchema, customerUpdateSchema } from '@/lib/validation/customer';
import { ORDER_STATUS_VALUES, orderItemSchema } from '@/lib/validation/order';

// Response shapes for the OpenAPI document. The editable fields come from the shared validation schemas
// (what a client may send is what it gets back); only server-set fields are declared here. The test checks
// that each output type equals its domain type in lib/types.ts, so the document cannot drift from the API.

const timestamp = z.iso.datetime();
const minorUnits = (what: string) => moneyMinorSchema.describe(`${what}, in minor units (cents) of \`currency\``);
const currency = z.string().length(3).describe('ISO 4217 currency code');

export const customerGroupRefSchema = z.object({ id: uuidSchema, name: z.string() });

export const customerSchema = customerFieldsSchema.required().extend({
  id: uuidSchema,
  customerGroup: customerGroupRefSchema.nullable(),
  emailConsentAt: timestamp.nullable().describe('When email marketing consent was given; null without consent'),
  smsConsentAt: timestamp.nullable().describe('When SMS marketing consent was given; null without consent'),
  createdById: z
    .string()
    .nullable()
    .describe('The staff member who created the customer by hand; null for API keys, imports and storefront sign-ups'),
  userId: z.string().nullable().describe('The storefront login of the customer, if they have one'),
  totalSpend: minorUnits('Sum of completed orders less refunds'),
  currency,
  orderCount: z.int().min(0),
  firstOrderDate: timestamp.nullable(),
  lastOrderDate: timestamp.nullable(),
  version: customerUpdateSchema.shape.version.unwrap().describe('Send it back with a PATCH to refuse overwriting a newer edit'),
  erasedAt: timestamp.nullable().describe("When the person's data was erased (POST /customers/{id}/erase); null otherwise"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const customerAddressSchema = addressCreateSchema.required().extend({
  id: uuidSchema,
  customerId: uuidSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** An order's shipping or billing address: every field present, null when empty. */
export const orderAddressSchema = z
  .object(addressSnapshotSchema.shape)
  .required()
  .describe('A copy of the address as it was when the order was placed; editing the customer\'s addresses later does not change it');

export const orderSummarySchema = z.object({
  id: uuidSchema,
  orderNumber: z.string(),
  status: z.enum(ORDER_STATUS_VALUES),
  total: minorUnits('Order total'),
  refundedTotal: minorUnits('Refunded so far'),
  itemCount: z.int().min(0).describe('Units across all items'),
  currency,
  placedAt: timestamp,
  completedAt: timestamp.nullable(),
});

export const orderItemResponseSchema = orderItemSchema.extend({
  id: uuidSchema,
  unitPrice: minorUnits('Price of one unit'),
  lineTotal: minorUnits('unitPrice × quantity'),
});

export const orderSchema = orderSummarySchema.extend({
  customerId: uuidSchema,
  customer: z
    .object({ id: uuidSchema, name: z.string(), email: z.string().nullable() })
    .nullable()
    .describe("The customer's current name and email"),
  subtotal: minorUnits('Sum of the line totals'),
  discountTotal: minorUnits('Discount'),
  discountCode: z.string().nullable().describe('The discount code applied when the order was placed, as it was then'),
  taxTotal: minorUnits('Tax'),
  shippingTotal: minorUnits('Shipping'),
  cancelledAt: timestamp.nullable(),
  createdById: z.string().nullable().describe('The staff member who entered the order; null for API keys and imports'),
  items: z.array(orderItemResponseSchema),
  shippingAddress: orderAddressSchema.nullable().describe('Null when none was recorded (orders from before addresses were kept, imports, erased customers)'),
  billingAddress: orderAddressSchema.nullable().describe('Null when none was recorded'),
});

/** A row of GET /orders: the summary with whose order it is. */
export const orderListItemSchema = orderSummarySchema.extend({
  customerId: uuidSchema,
  customerName: z.string().describe("The customer's first and last name"),
});

export const customerMetricsSchema = z.object({
  orderCount: z.int().min(0),
  totalSpend: minorUnits('Sum of completed orders less refunds'),
  averageOrderValue: minorUnits('Average completed order, rounded'),
  currency,
  firstOrderDate: timestamp.nullable(),
  lastOrderDate: timestamp.nullable(),
});

export const customerDetailSchema = customerSchema.extend({
  addresses: z.array(customerAddressSchema),
  orders: z.array(orderSummarySchema).describe('The newest orders, newest first (first page)'),
  ordersNextCursor: z.string().nullable().describe('Cursor for GET /customers/{id}/orders; null when all orders are shown'),
  metrics: customerMetricsSchema,
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const customerEventSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  type: z.string().describe('For example customer.created, customer.updated, customer.group_changed, address.added'),
  actorType: z.enum(['staff', 'api_key', 'customer', 'system']),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});

export const customerGroupSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  description: z.string(),
  memberCount: z.int().min(0).optional(),
  updatedAt: timestamp.optional().describe('Send it back with PATCH to refuse the change if someone else changed the group meanwhile'),
});

export const groupMembersMovedSchema = z.object({ moved: z.int().min(0).describe('Customers moved; those already in the group are not counted') });
export const customerGroupDeletedSchema = z.object({ membersMoved: z.int().min(0).describe('Members moved to no group') });

/** A keyset page: pass `nextCursor` back as `cursor` for the next one; null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, as http/problem.ts writes them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().min(400).max(599),
  detail: z.string(),
  errors: z
    .array(z.object({ path: z.string().describe('The field, dotted for nested ones; (body) for the body as a whole'), message: z.string() }))
    .optional()
    .describe('One entry per invalid field (422) or conflicting field (409)'),
  mergedInto: z.uuid().optional().describe('404 for a customer merged into another: the id of the customer it became'),
});
