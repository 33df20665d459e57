import { z } from 'zod';

import { CUSTOMER_BULK_ACTIONS, customerBulkBodySchema } from '@/lib/validation/customer-bulk';
import { TAGS_MAX } from '@/lib/validation/customer';

import { jsonBody, jsonResponse, problems } from './operations';

const count = (description: string) => z.int().min(0).optional().describe(description);

// One answer for every action, each filling in its own counts.
const customerBulkResultSchema = z.object({
  action: z.enum(CUSTOMER_BULK_ACTIONS),
  changed: count('addTags, removeTags: customers whose tags changed'),
  unchanged: count('addTags: customers who had every tag already; removeTags: customers who had none of them'),
  overLimit: count(`addTags: customers left alone because they would pass ${TAGS_MAX} tags`),
  moved: count('moveToGroup: customers moved; those already in the group are not counted'),
  deleted: count('delete: customers deleted'),
  keptWithOrders: count('delete: customers kept because they have orders'),
});

export const bulkInputSchemas = () => ({ CustomerBulkAction: customerBulkBodySchema.strict() });
export const bulkOutputSchemas = () => ({ CustomerBulkResult: customerBulkResultSchema });

/** Changing many customers at once. */
export function bulkPaths() {
  return {
    '/customers/bulk': {
      post: {
        operationId: 'bulkChangeCustomers',
        tags: ['Customers'],
        summary: 'Tag, untag, move or delete many customers at once',
        description:
          'One action over `target`: either `{ "ids": [...] }` (at most 10,000) or `{ "filter": {...} }` with the filters of GET /customers ' +
          '(everyone matching them; `{}` is every customer). Each action is one set-based transaction: it all happens or none of it does. ' +
          `\`addTags\` adds the \`tags\` a customer lacks (a tag they have in any case is kept as they spell it); a customer who would pass ${TAGS_MAX} tags ` +
          'is left alone and counted in `overLimit`. `removeTags` removes the `tags` whatever their case. Each customer changed gets its `version` ' +
          'bumped (so a PATCH with the old version is refused) and a `customer.tags_added` or `customer.tags_removed` event; customers it need not ' +
          'change are only counted, and erased customers are never changed. `moveToGroup` moves to `groupId` (null for no group), as POST ' +
          '/customer-groups/{id}/members does. `delete` deletes the customers without any order, as DELETE /customers/{id} would, and keeps ' +
          'and counts those with orders; it needs the `customers:delete` permission too.',
        requestBody: jsonBody('CustomerBulkAction'),
        responses: { 200: jsonResponse('What the action did', 'CustomerBulkResult'), ...problems(400, 403, 404, 409, 422) },
      },
    },
  };
}
