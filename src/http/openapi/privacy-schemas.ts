import { z } from 'zod';

import { PERSONAL_DATA_EXPORT_FORMAT } from '@/lib/privacy-types';
import { moneyMinorSchema, uuidSchema } from '@/lib/validation/common';

import { customerAddressSchema, customerEventSchema, customerMetricsSchema, customerSchema, orderAddressSchema, orderItemResponseSchema, orderSummarySchema } from './schemas';

// The personal data export (GET /customers/{id}/export, GET /store/me/export); document.test.ts holds it equal to
// PersonalDataExport in lib/privacy-types.ts, which the service returns.

const timestamp = z.iso.datetime();
const minor = (what: string) => moneyMinorSchema.describe(`${what}, in minor units of the currency`);
const actorType = customerEventSchema.shape.actorType;

const exportedRefundSchema = z.object({
  id: uuidSchema,
  amount: minor('Refunded'),
  reason: z.string(),
  createdAt: timestamp,
  items: z.array(z.object({ orderItemId: uuidSchema, quantity: z.int().min(1), amount: minor('Refunded of this line') })).describe('Empty for a refund by amount alone'),
});

const exportedOrderSchema = orderSummarySchema.extend({
  subtotal: minor('Sum of the line totals'),
  discountTotal: minor('Discount'),
  discountCode: z.string().nullable(),
  taxTotal: minor('Tax'),
  shippingTotal: minor('Shipping'),
  cancelledAt: timestamp.nullable(),
  items: z.array(orderItemResponseSchema),
  shippingAddress: orderAddressSchema.nullable(),
  billingAddress: orderAddressSchema.nullable(),
  refunds: z.array(exportedRefundSchema),
});

const consentStateSchema = z.object({ given: z.boolean(), at: timestamp.nullable() });

export const personalDataExportSchema = z.object({
  format: z.literal(PERSONAL_DATA_EXPORT_FORMAT),
  exportedAt: timestamp,
  customer: customerSchema
    .omit({ createdById: true, userId: true })
    .extend({ externalId: z.string().nullable().describe("The customer's number in the system they were imported from") }),
  addresses: z.array(customerAddressSchema),
  consent: z.object({
    email: consentStateSchema,
    sms: consentStateSchema,
    history: z
      .array(z.object({ channel: z.enum(['email', 'sms']), given: z.boolean(), at: timestamp, by: actorType }))
      .describe('Every consent change the timeline recorded, oldest first'),
  }),
  orders: z.array(exportedOrderSchema).describe('Every order, oldest first, with items and refunds'),
  timeline: z.array(customerEventSchema.omit({ actorId: true, customerId: true })).describe('Every event, oldest first; who at the shop acted is not named'),
  metrics: z.object({
    stats: customerMetricsSchema,
    engagement: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable().describe('The last metrics run (RFM, predictions); null before one'),
  }),
  classificationSuggestions: z.array(
    z.object({
      id: uuidSchema,
      suggestedGroup: z.string(),
      confidence: z.number().min(0).max(1),
      reasons: z.array(z.string()),
      status: z.string(),
      createdAt: timestamp,
      decidedAt: timestamp.nullable(),
    }),
  ),
  campaignDeliveries: z.array(
    z.object({
      campaign: z.string(),
      channel: z.enum(['email', 'sms']),
      address: z.string().describe('The email address or phone number the message went to'),
      status: z.string(),
      sentAt: timestamp.nullable(),
      createdAt: timestamp,
    }),
  ),
  discountRedemptions: z.array(z.object({ code: z.string(), orderId: uuidSchema, amount: minor('Discount given'), currency: z.string().length(3), createdAt: timestamp })),
  storefrontLogin: z
    .object({ email: z.string(), name: z.string(), emailVerified: z.boolean(), createdAt: timestamp })
    .nullable()
    .describe('The store sign-in, if any: never its password hash, tokens or sessions'),
});
