import type { z } from 'zod';

import { discountEligibilityQuerySchema, discountListQuerySchema } from '@/lib/validation/discount';

import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';

type ListParam = keyof z.input<typeof discountListQuerySchema>;
type EligibilityParam = keyof z.input<typeof discountEligibilityQuerySchema>;

const LIST_PARAMETERS: Record<ListParam, string> = { limit: 'Page size', cursor: 'The `nextCursor` of the previous page, unchanged' };
const ELIGIBILITY_PARAMETERS: Record<EligibilityParam, string> = {
  customerId: 'The customer to check',
  subtotal: 'The items subtotal in minor units; without it a minimum subtotal is mentioned in the reason, not enforced',
};

const discountId = ref('parameters', 'DiscountId');
const DISCOUNTS = ['Discounts'];
const VALUE_RULES =
  '`value` is percent off for `percentage` (at most 100, 2 decimals) and minor units off for `fixed_amount`. `code` is trimmed and upper-cased. ' +
  '`customerGroupIds` empty means everyone.';

/** The paths of discounts and the eligibility check. */
export function discountPaths() {
  return {
    '/discounts': {
      get: {
        operationId: 'listDiscounts',
        tags: DISCOUNTS,
        summary: 'List discounts by code, with their target groups',
        parameters: queryParametersOf(discountListQuerySchema, LIST_PARAMETERS, ['limit', 'cursor']),
        responses: { 200: jsonResponse('A page of discounts', 'DiscountPage'), ...problems(422) },
      },
      post: {
        operationId: 'createDiscount',
        tags: DISCOUNTS,
        summary: 'Create a discount code',
        description: `${VALUE_RULES} A code in use (in any case) is a 409 naming \`code\`.`,
        requestBody: jsonBody('DiscountCreate'),
        responses: {
          201: {
            ...jsonResponse('The discount', 'Discount'),
            headers: { Location: { description: 'The path of the new discount', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 403, 409, 422),
        },
      },
    },
    '/discounts/{id}': {
      parameters: [discountId],
      get: {
        operationId: 'getDiscount',
        tags: DISCOUNTS,
        summary: 'One discount',
        responses: { 200: jsonResponse('The discount', 'Discount'), ...problems(404) },
      },
      patch: {
        operationId: 'updateDiscount',
        tags: DISCOUNTS,
        summary: 'Change a discount',
        description: `Fields not sent stay as they are; the result is checked as a whole. ${VALUE_RULES} A stale \`version\` is a 409.`,
        requestBody: jsonBody('DiscountUpdate'),
        responses: { 200: jsonResponse('The discount', 'Discount'), ...problems(400, 403, 404, 409, 422) },
      },
      delete: {
        operationId: 'deleteDiscount',
        tags: DISCOUNTS,
        summary: 'Delete a discount nobody has used',
        description: 'A discount used by any order is a 409 (its uses are order history): set `active` to false instead.',
        responses: { 204: { description: 'Deleted' }, ...problems(403, 404, 409) },
      },
    },
    '/discounts/{id}/eligibility': {
      parameters: [discountId],
      get: {
        operationId: 'checkDiscountEligibility',
        tags: DISCOUNTS,
        summary: 'May this customer use the discount now, and why (not)',
        description:
          "The rules an order applies: active, the customer's current group among the targets, the time window, the total and per-customer limits, and the minimum subtotal.",
        parameters: queryParametersOf(discountEligibilityQuerySchema, ELIGIBILITY_PARAMETERS, ['customerId', 'subtotal']),
        responses: { 200: jsonResponse('The answer and its reason', 'DiscountEligibility'), ...problems(404, 422) },
      },
    },
  };
}
