import { z } from 'zod';

import { moneyMinorSchema, uuidSchema } from '@/lib/validation/common';
import { DISCOUNT_KIND_VALUES } from '@/lib/validation/discount';

import { customerGroupRefSchema } from './schemas';

// Discount response shapes; the discounts route test checks that they equal the types in lib/types.ts.

const timestamp = z.iso.datetime();
const limit = (what: string) => z.int().min(1).nullable().describe(`${what}; null for no limit`);

export const discountSchema = z.object({
  id: uuidSchema,
  code: z.string().describe('Upper-case; A–Z, 0–9, "-" and "_"'),
  description: z.string(),
  kind: z.enum(DISCOUNT_KIND_VALUES),
  value: z.number().describe('Percent off (12.5 = 12.5%) for `percentage`; minor units off for `fixed_amount`'),
  currency: z.string().length(3).describe('ISO 4217 code of `minSubtotal` and of a fixed amount'),
  customerGroups: z.array(customerGroupRefSchema).describe('The target groups; empty means everyone'),
  startsAt: timestamp.nullable(),
  endsAt: timestamp.nullable().describe('Usable before this time'),
  minSubtotal: moneyMinorSchema.describe('Minimum items subtotal, in minor units'),
  usageLimit: limit('Total uses allowed'),
  perCustomerLimit: limit('Uses allowed per customer'),
  timesUsed: z.int().min(0).describe('Orders placed with it so far (cancelling an order does not give a use back)'),
  active: z.boolean(),
  version: z.int().min(1).describe('Send it back with PATCH to refuse the change if someone else changed the discount meanwhile'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const discountEligibilitySchema = z.object({
  eligible: z.boolean(),
  reason: z.string().describe('For people: "Eligible: 10% off for VIP customers", "Only for Wholesaler customers", "Expired on 1 Jun 2026, 00:00", "Already used the maximum 1 time"…'),
});
