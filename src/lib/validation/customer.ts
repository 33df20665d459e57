import { z } from 'zod';

import { blankToNull, countryCodeSchema, dateParamSchema, emailSchema, moneyMinorSchema, optionalText, phoneSchema, text, uuidSchema } from './common';
import { RFM_SEGMENTS } from './metrics';

export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 50;

const tagsSchema = z
  .array(text().min(1, 'Tags cannot be empty').max(TAG_MAX_LENGTH, `Each tag is at most ${TAG_MAX_LENGTH} characters`))
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  // Case-insensitive de-duplication keeps the first spelling, so "VIP, vip" is one tag.
  .transform((tags) => tags.filter((tag, i) => tags.findIndex((t) => t.toLowerCase() === tag.toLowerCase()) === i));

// The rules for each editable field, without defaults: zod's .partial() keeps defaults, and an update
// must leave the fields it was not sent alone.
export const customerFieldRules = {
  firstName: text().min(1, 'First name is required').max(100, 'First name must be at most 100 characters'),
  lastName: text().max(100, 'Last name must be at most 100 characters'),
  email: z.preprocess(blankToNull, emailSchema.nullable().optional()),
  phone: z.preprocess(blankToNull, phoneSchema.nullable().optional()),
  company: optionalText(200, 'Company'),
  notes: z.string().max(5000, 'Notes must be at most 5,000 characters').refine((v) => !v.includes('\u0000'), 'Contains an invalid character'),
  tags: tagsSchema,
  customerGroupId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
  emailMarketingConsent: z.boolean(),
  smsMarketingConsent: z.boolean(),
};

export type CustomerField = keyof typeof customerFieldRules;
/** The editable fields, in the schema's order: the update's change detection (and its event) goes through them. */
export const CUSTOMER_FIELDS = Object.keys(customerFieldRules) as CustomerField[];

/**
 * Each editable field in words, for the form's messages, the timeline and lists of fields. The type makes a new field
 * name its label. In the form's order (DOM order), so the form's first server error in this order gets focus.
 */
export const CUSTOMER_FIELD_LABELS: Record<CustomerField, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  customerGroupId: 'group',
  tags: 'tags',
  notes: 'notes',
  emailMarketingConsent: 'email marketing consent',
  smsMarketingConsent: 'SMS marketing consent',
};

/** A field's label, or its name for one that is not (or no longer) editable, as old events may carry. */
export function customerFieldLabel(field: string): string {
  return Object.hasOwn(CUSTOMER_FIELD_LABELS, field) ? CUSTOMER_FIELD_LABELS[field as CustomerField] : field;
}

/** The fields of a new customer, with defaults; shared by the form, the server action, the API and the service. */
export const customerFieldsSchema = z.object({
  ...customerFieldRules,
  lastName: customerFieldRules.lastName.default(''),
  notes: customerFieldRules.notes.default(''),
  tags: customerFieldRules.tags.default([]),
  emailMarketingConsent: customerFieldRules.emailMarketingConsent.default(false),
  smsMarketingConsent: customerFieldRules.smsMarketingConsent.default(false),
});

const CONTACT_MESSAGE = 'Give an email or a phone number';

export const customerCreateSchema = customerFieldsSchema.superRefine((value, ctx) => {
  if (!value.email && !value.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: CONTACT_MESSAGE });
  if (value.smsMarketingConsent && !value.phone)
    ctx.addIssue({ code: 'custom', path: ['smsMarketingConsent'], message: 'SMS consent needs a phone number' });
});

export const customerUpdateSchema = z.object(customerFieldRules).partial().extend({
  // The version the editor started from; a stale one is refused instead of overwriting someone else's edit.
  version: z.number().int().positive().optional(),
});

export const CUSTOMER_SORT_FIELDS = ['createdAt', 'name', 'email', 'totalSpend', 'orderCount', 'lastOrderDate'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export const CUSTOMER_SORTS = CUSTOMER_SORT_FIELDS.flatMap((f) => [`${f}:asc`, `${f}:desc`] as const);
export type CustomerSort = `${CustomerSortField}:${'asc' | 'desc'}`;

const isoDate = dateParamSchema;
export const ERASED_FILTER_VALUES = ['include', 'only'] as const;
const moneyParam = z.preprocess(blankToNull, z.coerce.number().pipe(moneyMinorSchema).nullable().optional());
export const YES_NO_VALUES = ['yes', 'no'] as const;
const yesNoParam = z.preprocess(blankToNull, z.enum(YES_NO_VALUES, { error: 'Choose yes or no' }).nullable().optional());
const orderCountParam = z.preprocess(
  blankToNull,
  z.coerce.number({ error: 'Enter a whole number of orders' }).int('Enter a whole number of orders').min(0, 'Orders cannot be negative').max(1_000_000, 'At most 1,000,000 orders').nullable().optional(),
);

export const customerListQuerySchema = z.object({
  q: z.preprocess(blankToNull, text().max(200, 'Search is at most 200 characters').nullable().optional()),
  groupId: z.preprocess(blankToNull, z.union([uuidSchema, z.literal('none')]).nullable().optional()),
  tag: z.preprocess(blankToNull, text().max(40).nullable().optional()),
  minSpend: moneyParam,
  maxSpend: moneyParam,
  lastOrderAfter: isoDate,
  lastOrderBefore: isoDate,
  createdById: z.preprocess(blankToNull, z.string().max(100).nullable().optional()),
  // The segment of the last metrics run (services/metrics); customers without orders have none.
  rfmSegment: z.preprocess(blankToNull, z.enum(RFM_SEGMENTS, { error: 'Choose an RFM segment' }).nullable().optional()),
  // The country of the default shipping address.
  country: z.preprocess(blankToNull, countryCodeSchema.nullable().optional()),
  emailConsent: yesNoParam,
  smsConsent: yesNoParam,
  // Whether the customer has signed up in the storefront (a store login linked to the record).
  hasAccount: yesNoParam,
  // Completed orders, as the list's Orders column counts them (services/orders/customer-stats.ts).
  minOrders: orderCountParam,
  maxOrders: orderCountParam,
  neverOrdered: yesNoParam,
  // Erased customers (services/privacy) are left out unless asked for: `include` lists them too, `only` them alone.
  erased: z.preprocess(blankToNull, z.enum(ERASED_FILTER_VALUES, { error: 'Choose include or only' }).nullable().optional()),
  sort: z.enum(CUSTOMER_SORTS as unknown as [CustomerSort, ...CustomerSort[]]).default('createdAt:desc'),
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(200, 'Limit is at most 200').default(50),
  // A name of 201 characters, each up to 3 bytes of UTF-8, fits: the cursor carries the sort key (services/keyset-cursor.ts).
  cursor: z.preprocess(blankToNull, z.string().max(2000).nullable().optional()),
});

/**
 * The list's filters, without sort and paging: "everyone matching this filter". The URL, the chips, the bulk
 * moves, the service's conditions and the OpenAPI parameters all follow it, so a new filter starts as one line above.
 */
export const customerFilterSchema = customerListQuerySchema.omit({ sort: true, limit: true, cursor: true });
export type CustomerFilterKey = keyof typeof customerFilterSchema.shape;
export const CUSTOMER_FILTER_KEYS = Object.keys(customerFilterSchema.shape) as CustomerFilterKey[];

/** The filter part of a list query (for "everyone matching" after a page was listed). */
export function toCustomerFilter(query: CustomerListQuery): CustomerFilter {
  return Object.fromEntries(CUSTOMER_FILTER_KEYS.map((key) => [key, query[key]]));
}

/**
 * A filter's ranges the right way round: "to" not before "from", for spend and last-order dates. Zod cannot refine
 * `customerFilterSchema` itself (the schemas made from it by omit/extend would lose it), so the dashboard's list
 * and the batch classification run call this; each issue names the upper end of its range.
 */
export function customerFilterRangeIssues(filter: {
  minSpend?: number | string | null;
  maxSpend?: number | string | null;
  lastOrderAfter?: Date | string | number | null;
  lastOrderBefore?: Date | string | number | null;
  minOrders?: number | string | null;
  maxOrders?: number | string | null;
}): { path: 'maxSpend' | 'lastOrderBefore' | 'maxOrders'; message: string }[] {
  const issues: { path: 'maxSpend' | 'lastOrderBefore' | 'maxOrders'; message: string }[] = [];
  const { minSpend, maxSpend, lastOrderAfter, lastOrderBefore } = filter;
  if (typeof minSpend === 'number' && typeof maxSpend === 'number' && maxSpend < minSpend) issues.push({ path: 'maxSpend', message: 'Max spend is less than min spend' });
  // Order counts come as numbers from the service and as typed text from the URL.
  const minOrders = wholeNumber(filter.minOrders);
  const maxOrders = wholeNumber(filter.maxOrders);
  if (minOrders !== null && maxOrders !== null && maxOrders < minOrders) issues.push({ path: 'maxOrders', message: 'Max orders is less than min orders' });
  const after = lastOrderAfter ? new Date(lastOrderAfter).getTime() : Number.NaN;
  const before = lastOrderBefore ? new Date(lastOrderBefore).getTime() : Number.NaN;
  if (before < after) issues.push({ path: 'lastOrderBefore', message: 'This date is before the “from” date' });
  return issues;
}

function wholeNumber(value: number | string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) ? number : null;
}

export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerCreateData = z.output<typeof customerCreateSchema>;
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;
export type CustomerListQuery = z.input<typeof customerListQuerySchema>;
export type CustomerFilter = z.input<typeof customerFilterSchema>;
