import { z } from 'zod';

import { blankToNull, uuidSchema } from './common';
import { customerFilterRangeIssues, customerFilterSchema } from './customer';

// Suggestions to review and batch classification runs. Importable by client and server.

export const SUGGESTION_STATUS_VALUES = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUS_VALUES)[number];
export const SUGGESTION_BULK_IDS_MAX = 1000;

/** GET /classification-suggestions: newest first, keyset-paged. */
/** "At least this confident", 0–1 (0.9 = 90%); blank means any. */
const minConfidenceSchema = z.preprocess(
  blankToNull,
  z.coerce.number({ error: 'Confidence is a number from 0 to 1' }).min(0, 'Confidence is at least 0').max(1, 'Confidence is at most 1 (100%)').nullable().optional(),
);

export const suggestionListQuerySchema = z.object({
  status: z.enum(SUGGESTION_STATUS_VALUES, { error: 'Use pending, accepted or rejected' }).default('pending'),
  suggestedGroupId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
  minConfidence: minConfidenceSchema,
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(200, 'Limit is at most 200').default(50),
  cursor: z.preprocess(blankToNull, z.string().max(200).nullable().optional()),
});
export type SuggestionListQuery = z.input<typeof suggestionListQuerySchema>;

/**
 * "Every pending suggestion matching this": the customer list's filters (on the customer as they are now) plus the
 * suggested group. Strict, so a misspelt field is refused rather than widening the selection.
 */
export const suggestionFilterSchema = customerFilterSchema
  .extend({ suggestedGroupId: z.preprocess(blankToNull, uuidSchema.nullable().optional()), minConfidence: minConfidenceSchema })
  .strict();
export type SuggestionFilter = z.input<typeof suggestionFilterSchema>;

/** Bulk accept/reject: chosen suggestions, or all pending ones matching a filter ({} = all pending). */
export const suggestionBulkSchema = z
  .object({
    ids: z
      .array(uuidSchema)
      .min(1, 'Select at least one suggestion')
      .max(SUGGESTION_BULK_IDS_MAX, `At most ${SUGGESTION_BULK_IDS_MAX} suggestions at once; send a filter instead`)
      .optional(),
    filter: suggestionFilterSchema.optional().describe('All pending suggestions whose customer matches these customer list filters'),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), { message: 'Send either ids or filter', path: ['ids'] });
export type SuggestionBulkInput = z.input<typeof suggestionBulkSchema>;

/** The customers a batch run classifies: the customer list's filters; {} means every customer. */
export const classificationRunFilterSchema = customerFilterSchema.strict().superRefine((filter, ctx) => {
  for (const issue of customerFilterRangeIssues(filter)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type ClassificationRunFilter = z.input<typeof classificationRunFilterSchema>;

export const classificationRunCreateSchema = z.object({
  filter: classificationRunFilterSchema.default({}).describe('Customer list filters (group, tag, last order ...); omit for every customer'),
});
export type ClassificationRunCreateInput = z.input<typeof classificationRunCreateSchema>;

/** A stored suggestion as the API and the review page show it. */
export interface ClassificationSuggestion {
  id: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  currentGroupId: string | null;
  currentGroupName: string | null;
  suggestedGroupId: string;
  suggestedGroupName: string;
  confidence: number;
  reasons: string[];
  source: 'built_in' | 'model';
  model: string | null;
  fallbackReason: string | null;
  status: SuggestionStatus;
  /** The customer's group changed since the suggestion was made: accepting it is refused. */
  isStale: boolean;
  runId: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** What a bulk decision did: how many were decided, and why the others were left. */
export interface SuggestionBulkResult {
  decided: number;
  /** Customers whose group changed since the suggestion was made (accept only); they stay pending. */
  stale: number;
  /** Asked for but no longer pending (decided before, or gone). */
  skipped: number;
}

export const CLASSIFICATION_RUN_STATUS_VALUES = ['running', 'paused', 'completed', 'failed'] as const;

export interface ClassificationRun {
  id: string;
  status: (typeof CLASSIFICATION_RUN_STATUS_VALUES)[number];
  /** Running, but no sign of life for over a minute (the server stopped): resume it. */
  isInterrupted: boolean;
  filter: Record<string, unknown>;
  total: number;
  processed: number;
  suggested: number;
  fallbacks: number;
  error: string | null;
  startedById: string | null;
  startedAt: string;
  heartbeatAt: string | null;
  finishedAt: string | null;
}
