import type { z } from 'zod';

import { classificationRunCreateSchema, suggestionBulkSchema, suggestionListQuerySchema } from '@/lib/validation/classification-suggestions';

import {
  classificationRunListSchema,
  classificationRunSchema,
  classificationSuggestionPageSchema,
  classificationSuggestionSchema,
  noSuggestionSchema,
  suggestionBulkResultSchema,
} from './classification-schemas';
import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';

export const CLASSIFICATION_TAG = {
  name: 'Classification',
  description:
    'Group suggestions from classifyCustomer (built-in rules, or a configured model with the rules as fallback), reviewed by people: ' +
    'everyone may ask for and read suggestions; accepting, rejecting and batch runs need an owner or admin. Accepting moves the ' +
    'customer to the suggested group once, however often it is sent, and records who accepted it on the timeline.',
};

const TAGS = [CLASSIFICATION_TAG.name];
const id = (name: string, description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description, 'x-name': name });

type ListParam = keyof z.input<typeof suggestionListQuerySchema>;
const LIST_PARAMETERS: Record<ListParam, string> = {
  status: 'pending (default), accepted or rejected',
  suggestedGroupId: 'Only suggestions of this group',
  minConfidence: 'Only suggestions at least this confident, 0-1 (0.9 = 90%)',
  limit: 'Page size (1-200, default 50)',
  cursor: '`nextCursor` of the previous page',
};

export const classificationParameters = () => {
  const { 'x-name': _s, ...suggestion } = id('SuggestionId', 'The suggestion id');
  const { 'x-name': _r, ...run } = id('ClassificationRunId', 'The run id');
  return { SuggestionId: suggestion, ClassificationRunId: run };
};

export const classificationInputSchemas = () => ({ SuggestionBulk: suggestionBulkSchema.strict(), ClassificationRunCreate: classificationRunCreateSchema.strict() });

export const classificationOutputSchemas = () => ({
  ClassificationSuggestion: classificationSuggestionSchema,
  ClassificationSuggestionPage: classificationSuggestionPageSchema,
  NoSuggestion: noSuggestionSchema,
  SuggestionBulkResult: suggestionBulkResultSchema,
  ClassificationRun: classificationRunSchema,
  ClassificationRunList: classificationRunListSchema,
});

const runAction = (verb: 'resume' | 'pause' | 'cancel', summary: string, description: string) => ({
  parameters: [ref('parameters', 'ClassificationRunId')],
  post: {
    operationId: `${verb}ClassificationRun`,
    tags: TAGS,
    summary,
    description,
    responses: { [verb === 'resume' ? 202 : 200]: jsonResponse('The run', 'ClassificationRun'), ...problems(400, 403, 404, 409, 422) },
  },
});

const decide = (verb: 'accept' | 'reject') => ({
  parameters: [ref('parameters', 'SuggestionId')],
  post: {
    operationId: `${verb}ClassificationSuggestion`,
    tags: TAGS,
    summary: verb === 'accept' ? 'Accept a suggestion: the customer moves to the suggested group' : 'Reject a suggestion',
    description:
      verb === 'accept'
        ? "Accepting an accepted suggestion returns it unchanged. 409 when it was rejected, or when the customer's group changed since it was made (stale)."
        : 'Rejecting twice is a no-op; 409 when it was accepted.',
    responses: { 200: jsonResponse('The suggestion as decided', 'ClassificationSuggestion'), ...problems(400, 403, 404, 409, 422) },
  },
});

const decideMany = (verb: 'accept' | 'reject') => ({
  post: {
    operationId: `${verb}ClassificationSuggestions`,
    tags: TAGS,
    summary: verb === 'accept' ? 'Accept many pending suggestions at once' : 'Reject many pending suggestions at once',
    description: 'By `ids`, or every pending suggestion whose customer matches `filter` (`{}` = all pending). One atomic statement.',
    requestBody: jsonBody('SuggestionBulk'),
    responses: { 200: jsonResponse('What was decided', 'SuggestionBulkResult'), ...problems(400, 403, 422) },
  },
});

/** The paths of the suggestions workflow and batch classification runs. */
export function classificationPaths() {
  return {
    '/customers/{id}/classify': {
      parameters: [ref('parameters', 'CustomerId')],
      post: {
        operationId: 'classifyCustomer',
        tags: TAGS,
        summary: 'Classify one customer and store the suggestion',
        description: 'Replaces their pending suggestion. A customer already in the suggested group gets none (200), and a pending one is removed.',
        responses: {
          201: jsonResponse('The stored suggestion', 'ClassificationSuggestion'),
          200: jsonResponse('Already in the suggested group', 'NoSuggestion'),
          ...problems(400, 403, 404, 422),
        },
      },
    },
    '/classification-suggestions': {
      get: {
        operationId: 'listClassificationSuggestions',
        tags: TAGS,
        summary: 'Suggestions by status, newest first',
        parameters: queryParametersOf(suggestionListQuerySchema, LIST_PARAMETERS, ['status', 'suggestedGroupId', 'minConfidence', 'limit', 'cursor']),
        responses: { 200: jsonResponse('A page of suggestions', 'ClassificationSuggestionPage'), ...problems(422) },
      },
    },
    '/classification-suggestions/accept': decideMany('accept'),
    '/classification-suggestions/reject': decideMany('reject'),
    '/classification-suggestions/{id}/accept': decide('accept'),
    '/classification-suggestions/{id}/reject': decide('reject'),
    '/classification-runs': {
      get: {
        operationId: 'listClassificationRuns',
        tags: TAGS,
        summary: 'The latest batch runs, newest first',
        responses: { 200: jsonResponse('Up to 10 runs', 'ClassificationRunList'), ...problems() },
      },
      post: {
        operationId: 'startClassificationRun',
        tags: TAGS,
        summary: 'Classify every customer (or a filter) in the background',
        description: 'Answers 202 at once; poll GET /classification-runs/{id}. One run at a time (409 otherwise); a paused run is superseded.',
        requestBody: jsonBody('ClassificationRunCreate', false),
        responses: { 202: jsonResponse('The run, started', 'ClassificationRun'), ...problems(400, 403, 409, 422) },
      },
    },
    '/classification-runs/{id}': {
      parameters: [ref('parameters', 'ClassificationRunId')],
      get: {
        operationId: 'getClassificationRun',
        tags: TAGS,
        summary: "A run's status and progress",
        responses: { 200: jsonResponse('The run', 'ClassificationRun'), ...problems(404) },
      },
    },
    '/classification-runs/{id}/resume': runAction('resume', 'Resume a paused or interrupted run after its cursor', 'A run still going is returned as it is; 409 when it finished.'),
    '/classification-runs/{id}/pause': runAction('pause', 'Pause a running run after the batch in flight', '409 unless it is running.'),
    '/classification-runs/{id}/cancel': runAction('cancel', 'Stop a run for good', 'Its suggestions so far stay. 409 when it already finished.'),
  };
}
