import { z } from 'zod';

import { blankToNull, uuidSchema } from './common';

/**
 * The fields whose value staff choose when two customers are merged, in the dialog's order. Tags are not here: they
 * are always unioned. A consent carries the time it was given with it.
 */
export const MERGE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'company', 'notes', 'customerGroupId', 'emailMarketingConsent', 'smsMarketingConsent'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  notes: 'Notes',
  customerGroupId: 'Group',
  emailMarketingConsent: 'Email marketing consent',
  smsMarketingConsent: 'SMS marketing consent',
};

export const MERGE_SIDES = ['target', 'source'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || value === false;

/** The side a field takes when staff do not choose: the target's value, or the source's where the target's is empty (none, blank, a consent not given). */
export function defaultMergeSide(targetValue: unknown, sourceValue: unknown): MergeSide {
  return isEmpty(targetValue) && !isEmpty(sourceValue) ? 'source' : 'target';
}

const sideSchema = z.enum(MERGE_SIDES, 'Choose "target" or "source"');

/** POST /customers/merge: the source is merged into the target and removed. Unchosen fields keep the target's value, or the source's where the target has none. */
export const customerMergeSchema = z.object({
  targetId: uuidSchema,
  sourceId: uuidSchema,
  fields: z
    .object(Object.fromEntries(MERGE_FIELDS.map((field) => [field, sideSchema.optional()])) as Record<MergeField, z.ZodOptional<typeof sideSchema>>)
    .strict()
    .optional(),
});
export type CustomerMergeInput = z.input<typeof customerMergeSchema>;
export type MergeFieldChoices = Partial<Record<MergeField, MergeSide>>;

/** One page of the Duplicates list. */
export const duplicateListQuerySchema = z.object({
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(100, 'Limit is at most 100').default(25),
  cursor: z.preprocess(blankToNull, z.string().max(500).nullable().optional()),
});
export type DuplicateListQuery = z.input<typeof duplicateListQuerySchema>;

/** A pair staff say are two different people. */
export const duplicateDismissSchema = z.object({ customerAId: uuidSchema, customerBId: uuidSchema });
