import { z } from 'zod';

import { blankToNull, dateParamSchema, moneyMinorSchema, text, uuidSchema } from './common';

export const DISCOUNT_KIND_VALUES = ['percentage', 'fixed_amount'] as const;
export type DiscountKind = (typeof DISCOUNT_KIND_VALUES)[number];

/** A code as customers type it: trimmed and upper-cased, so "summer-10 " and "SUMMER-10" are one code. */
export const discountCodeSchema = text()
  .toUpperCase()
  .min(1, 'Code is required')
  .max(40, 'Code is at most 40 characters')
  // An empty code is "required", not also "use letters".
  .refine((code) => code === '' || /^[A-Z0-9_-]+$/.test(code), 'Use letters A–Z, digits, "-" and "_" only');

const limitSchema = (label: string) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `${label} is a whole number` })
      .int(`${label} is a whole number`)
      .min(1, `${label} is at least 1 (leave it blank for no limit)`)
      .max(1_000_000_000, `${label} is at most 1,000,000,000`)
      .nullable()
      .optional(),
  );

// Without defaults: .partial() keeps defaults, and an update must leave the fields it was not sent alone.
const discountFieldRules = {
  code: discountCodeSchema,
  description: text().max(500, 'Description is at most 500 characters'),
  kind: z.enum(DISCOUNT_KIND_VALUES, { error: 'Kind is percentage or fixed_amount' }),
  // percentage: percent off (12.5 = 12.5%); fixed_amount: minor units off. Stored as basis points / minor units.
  value: z.number({ error: 'Enter a number' }).positive('Value must be above 0').max(Number.MAX_SAFE_INTEGER, 'Value is too large'),
  // None means everyone.
  customerGroupIds: z
    .array(uuidSchema)
    .max(50, 'At most 50 groups')
    .transform((ids) => [...new Set(ids)]),
  startsAt: dateParamSchema,
  endsAt: dateParamSchema,
  minSubtotal: moneyMinorSchema,
  usageLimit: limitSchema('Usage limit'),
  perCustomerLimit: limitSchema('Per-customer limit'),
  active: z.boolean(),
};

const discountFieldsSchema = z.object({
  ...discountFieldRules,
  description: discountFieldRules.description.default(''),
  customerGroupIds: discountFieldRules.customerGroupIds.default([]),
  minSubtotal: discountFieldRules.minSubtotal.default(0),
  active: discountFieldRules.active.default(true),
});

type Checked = { kind?: DiscountKind; value?: number; startsAt?: Date | null; endsAt?: Date | null };

function checkCrossFields(discount: Checked, ctx: z.RefinementCtx) {
  const { kind, value } = discount;
  if (kind === 'percentage' && value !== undefined) {
    if (value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage is at most 100' });
    // Stored in basis points: a positive value that rounds to 0 (1e-9) would break the value > 0 check in the database.
    else if (toStoredDiscountValue(kind, value) < 1) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage is at least 0.01' });
    else if (!Number.isInteger(Math.round(value * 100 * 1e6) / 1e6)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Use at most 2 decimals, like 12.5' });
  }
  if (kind === 'fixed_amount' && value !== undefined && !Number.isInteger(value))
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'A fixed amount is a whole number of minor units (pence)' });
  if (discount.startsAt && discount.endsAt && discount.startsAt >= discount.endsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start' });
}

/** A new discount, with defaults; shared by the form, the server action, the API and the service. */
export const discountCreateSchema = discountFieldsSchema.superRefine(checkCrossFields);

export const discountUpdateSchema = z
  .object(discountFieldRules)
  .partial()
  .extend({
    // The version the editor started from; a stale one is refused instead of overwriting someone else's edit.
    version: z.number().int().positive().optional(),
  })
  .superRefine(checkCrossFields);

/** Stored value: basis points (1,000 = 10%) for a percentage, minor units for a fixed amount. */
export function toStoredDiscountValue(kind: DiscountKind, value: number): number {
  return kind === 'percentage' ? Math.round(value * 100) : value;
}

/** The value as entered: percent for a percentage, minor units for a fixed amount. */
export function fromStoredDiscountValue(kind: DiscountKind, stored: number): number {
  return kind === 'percentage' ? stored / 100 : stored;
}

export const discountEligibilityQuerySchema = z.object({
  customerId: uuidSchema,
  subtotal: z.preprocess(blankToNull, z.coerce.number().pipe(moneyMinorSchema).nullable().optional()),
});

export const discountListQuerySchema = z.object({
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(200, 'Limit is at most 200').default(100),
  cursor: z.preprocess(blankToNull, z.string().max(100).nullable().optional()),
});

export type DiscountCreateInput = z.input<typeof discountCreateSchema>;
export type DiscountUpdateInput = z.input<typeof discountUpdateSchema>;
export type DiscountListQuery = z.input<typeof discountListQuerySchema>;
export type DiscountEligibilityQuery = z.input<typeof discountEligibilityQuerySchema>;
