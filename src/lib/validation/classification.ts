import { z } from 'zod';

import { parseMajorToMinor } from '../format';
import { text } from './common';

// The built-in classifier's rules, stored in shop_settings under CLASSIFICATION_RULES_KEY. They are checked in a
// fixed order: the Wholesaler rule, then the VIP rule; a customer who meets neither goes to the default group.
// Groups are named, matched without regard to case, so that a shop's own groups ("Trade", "Gold") can be used.

export const CLASSIFICATION_RULES_KEY = 'classification.rules';

const groupName = text().min(1, 'Choose a group').max(80, 'Group name is too long');
const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-GB')}`);

export const wholesalerRuleSchema = z.object({
  isEnabled: z.boolean().default(true),
  groupName: groupName.default('Wholesaler'),
  /** Average units per order (order item quantities summed) at or above which a customer buys like a trader. */
  minAverageItemsPerOrder: wholeNumber('Items per order', 1, 100_000).default(20),
  /** Orders needed before the average counts, so that one big order does not make a wholesaler. */
  minOrders: wholeNumber('Orders', 1, 10_000).default(2),
});

export const vipRuleSchema = z.object({
  isEnabled: z.boolean().default(true),
  groupName: groupName.default('VIP'),
  /** Top share of buyers by spend in the last 12 months, in percent: 5 = the top 5%. */
  topSpendPercent: z.coerce
    .number({ error: 'Top share must be a number' })
    .min(0.1, 'Top share must be at least 0.1%')
    .max(50, 'Top share must be at most 50%')
    .default(5),
  /** Total spend (minor units of the shop currency) that makes a VIP whatever the ranking; 0 turns this test off. */
  minTotalSpend: z.coerce
    .number({ error: 'Total spend must be an amount' })
    .int('Total spend must be in whole minor units')
    .min(0, 'Total spend cannot be negative')
    .max(Number.MAX_SAFE_INTEGER, 'Total spend is too large')
    .default(500_000),
  /** Orders needed before a customer can be a VIP. */
  minOrders: wholeNumber('Orders', 1, 10_000).default(2),
});

export const defaultRuleSchema = z.object({
  groupName: groupName.default('Retail'),
});

export const classificationRulesSchema = z.object({
  wholesaler: wholesalerRuleSchema.default(wholesalerRuleSchema.parse({})),
  vip: vipRuleSchema.default(vipRuleSchema.parse({})),
  fallback: defaultRuleSchema.default(defaultRuleSchema.parse({})),
});

export type ClassificationRules = z.output<typeof classificationRulesSchema>;
export type ClassificationRulesInput = z.input<typeof classificationRulesSchema>;

/** The rules a shop starts with (and falls back to when its stored rules cannot be read). */
export const DEFAULT_CLASSIFICATION_RULES: ClassificationRules = classificationRulesSchema.parse({});

/** The order rules are checked in; the first that a customer meets decides their group. */
export const CLASSIFICATION_RULE_ORDER = ['wholesaler', 'vip'] as const;

/**
 * The settings form: the same rules, but the VIP spend is typed in major units ("5000.00") and turned into minor
 * units of `currency` here, so the form and the service agree on one schema.
 */
export function classificationRulesFormSchema(currency: string) {
  return classificationRulesSchema.extend({
    vip: vipRuleSchema.extend({
      minTotalSpend: z.string().transform((value, ctx) => {
        const minor = parseMajorToMinor(value, currency);
        if (minor === null) return 0;
        if (Number.isNaN(minor)) {
          ctx.addIssue({ code: 'custom', message: 'Enter an amount, like 5000 or 5000.00' });
          return z.NEVER;
        }
        return minor;
      }),
    }),
  });
}

export type ClassificationRulesFormValues = z.input<ReturnType<typeof classificationRulesFormSchema>>;
export type ClassificationRulesFormOutput = z.output<ReturnType<typeof classificationRulesFormSchema>>;

// ---- What the classifier (built-in or model) sees, and what it answers --------------------------------------------

/** One customer's purchase figures as of a date. Money in minor units of `currency`. */
export const customerFeaturesSchema = z.object({
  currentGroup: z.string().nullable().describe('The group the customer is in now, if any'),
  currency: z.string().describe('ISO 4217 currency of every money figure (minor units)'),
  asOf: z.string().describe('The date the figures describe (ISO 8601)'),
  orderCount: z.number().int().min(0).describe('Completed orders ever'),
  totalSpend: z.number().int().describe('Spend over all completed orders, less refunds, minor units'),
  orders365d: z.number().int().min(0).describe('Completed orders in the 365 days before asOf'),
  spend365d: z.number().int().describe('Spend in the 365 days before asOf, minor units'),
  spendRank365d: z.number().int().min(1).nullable().describe('Rank by spend in the last 365 days among buyers in that time (1 = top); null when no spend'),
  buyers365d: z.number().int().min(0).describe('Customers who bought in the 365 days before asOf'),
  spendTopShare365d: z.number().min(0).max(1).nullable().describe('Rank as a share of buyers: 0.02 = top 2%'),
  averageOrderValue: z.number().int().describe('Average order total, minor units'),
  averageItemsPerOrder: z.number().min(0).describe('Average units (item quantities) per order'),
  largestOrderItems: z.number().int().min(0).describe('Units in the largest order'),
  daysSinceLastOrder: z.number().int().nullable(),
  daysSinceFirstOrder: z.number().int().nullable(),
  rfmSegment: z.string().nullable().describe('RFM segment from the engagement metrics, when computed'),
});
export type CustomerFeatures = z.infer<typeof customerFeaturesSchema>;

export const purchaseSummarySchema = z.object({
  recentOrders: z
    .array(z.object({ placedAt: z.string(), total: z.number().int(), items: z.number().int() }))
    .describe('Up to five latest completed orders, newest first'),
});
export type PurchaseSummary = z.infer<typeof purchaseSummarySchema>;

export const availableGroupSchema = z.object({ name: z.string(), description: z.string() });

export const classifyCustomerInputSchema = z.object({
  features: customerFeaturesSchema,
  purchases: purchaseSummarySchema,
  groups: z.array(availableGroupSchema).min(1).describe('The groups the answer must choose from'),
  shopRules: z.array(z.string()).default([]).describe("The shop's own rules for its groups, in words, checked in this order"),
});
export type ClassifyCustomerInput = z.input<typeof classifyCustomerInputSchema>;

export const classifyCustomerOutputSchema = z.object({
  suggestedGroup: z.string().min(1).describe('Exactly one of the available group names'),
  confidence: z.number().min(0).max(1).describe('0..1'),
  reasons: z.array(z.string().min(1).max(300)).min(1).max(6).describe('Short reasons naming the real figures'),
});
export type ClassifyCustomerOutput = z.infer<typeof classifyCustomerOutputSchema>;
