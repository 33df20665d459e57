import { z } from 'zod';

import { CLASSIFICATION_RUN_STATUS_VALUES, SUGGESTION_STATUS_VALUES } from '@/lib/validation/classification-suggestions';

// Response shapes of the suggestions workflow and batch runs; the route test checks answers against them.

const time = z.iso.datetime({ offset: true });
const count = z.int().min(0);

export const classificationSuggestionSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  currentGroupId: z.uuid().nullable().describe('The group the customer was in when the suggestion was made (null: none)'),
  currentGroupName: z.string().nullable(),
  suggestedGroupId: z.uuid(),
  suggestedGroupName: z.string(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()).describe('Checkable reasons naming the figures ("2 orders averaging 40 items")'),
  source: z.enum(['built_in', 'model']).describe('Who answered: the built-in rules, or the configured model'),
  model: z.string().nullable().describe('The model asked, if one was'),
  fallbackReason: z.string().nullable().describe("Why the model's answer was not used (timeout, error, invalid output)"),
  status: z.enum(SUGGESTION_STATUS_VALUES),
  isStale: z.boolean().describe("The customer's group changed since the suggestion was made: accepting it is refused (409)"),
  runId: z.uuid().nullable().describe('The batch run that made it; null when asked for one customer'),
  decidedById: z.string().nullable(),
  decidedAt: time.nullable(),
  createdAt: time,
});

export const classificationSuggestionPageSchema = z.object({ data: z.array(classificationSuggestionSchema), nextCursor: z.string().nullable() });

export const noSuggestionSchema = z.object({ suggestion: z.null(), reason: z.literal('already in group') });

export const suggestionBulkResultSchema = z.object({
  decided: count.describe('Suggestions accepted (customers moved) or rejected'),
  stale: count.describe("Left pending because the customer's group changed since they were made (accept only)"),
  skipped: count.describe('Asked for by id but no longer pending, or unknown'),
});

export const classificationRunSchema = z.object({
  id: z.uuid(),
  status: z.enum(CLASSIFICATION_RUN_STATUS_VALUES).describe('failed also covers a cancelled run (see error)'),
  isInterrupted: z.boolean().describe('Running, but without a heartbeat for over a minute: resume it'),
  filter: z.record(z.string(), z.unknown()).describe('The customer list filters it classifies; {} = everyone'),
  total: count.describe('Customers matching the filter when the run started'),
  processed: count,
  suggested: count.describe('Suggestions stored (customers already in the suggested group get none)'),
  fallbacks: count.describe("Customers for whom the model's answer was not used"),
  error: z.string().nullable(),
  startedById: z.string().nullable(),
  startedAt: time,
  heartbeatAt: time.nullable(),
  finishedAt: time.nullable(),
});

export const classificationRunListSchema = z.object({ data: z.array(classificationRunSchema) });
