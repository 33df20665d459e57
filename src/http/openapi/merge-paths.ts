import { z } from 'zod';

import { customerMergeSchema } from '@/lib/validation/customer-merge';

import { jsonBody, jsonResponse, problems } from './operations';

const customerMergedSchema = z.object({
  targetId: z.uuid().describe('The customer that remains'),
  sourceId: z.uuid().describe('The customer merged into it, now removed'),
  ordersMoved: z.int().min(0),
  addressesMoved: z.int().min(0),
});

export const mergeInputSchemas = () => ({ CustomerMerge: customerMergeSchema.strict() });
export const mergeOutputSchemas = () => ({ CustomerMerged: customerMergedSchema });

/** Merging two records of one person. */
export function mergePaths() {
  return {
    '/customers/merge': {
      post: {
        operationId: 'mergeCustomers',
        tags: ['Customers'],
        summary: 'Merge one customer into another',
        description:
          'Moves the source\'s orders (with items and refunds), addresses (the target\'s defaults stay the defaults), timeline, classification ' +
          'suggestions, discount redemptions, campaign deliveries and storefront login to the target, unions the tags, recomputes total spend, ' +
          'order count and order dates from the orders, bumps the target\'s `version`, records a `customer.merged` event on the target and ' +
          'removes the source. `fields` chooses per field whose value stays (`target` or `source`); a field not chosen keeps the target\'s ' +
          'value, or the source\'s when the target has none. Afterwards GET /customers/{sourceId} answers 404 with `mergedInto`. ' +
          'Refused with 422 for the same customer twice, 404 for a missing one (with `mergedInto` when it was merged already), and 409 for an ' +
          'erased customer or when both have a storefront login.',
        requestBody: jsonBody('CustomerMerge'),
        responses: { 200: jsonResponse('What moved', 'CustomerMerged'), ...problems(400, 403, 404, 409, 422) },
      },
    },
  };
}
