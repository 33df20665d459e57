import { z } from 'zod';

import { customerFieldRules, customerFilterSchema } from './customer';
import { uuidSchema } from './common';

// A selection from the table is at most a few pages; anything larger is sent as a filter instead.
export const BULK_IDS_MAX = 10_000;

export const customerIdsSchema = z
  .array(uuidSchema)
  .min(1, 'Select at least one customer')
  .max(BULK_IDS_MAX, `At most ${BULK_IDS_MAX} customers at once; send a filter instead`);

// Strict: a misspelt filter field must be refused, not dropped, or the change would reach more customers than meant.
export const strictCustomerFilterSchema = customerFilterSchema.strict();

/** Whom a bulk change reaches: the ticked customers, or everyone matching a list filter (`{}` is every customer). */
export const bulkTargetSchema = z.union([z.object({ ids: customerIdsSchema }).strict(), z.object({ filter: strictCustomerFilterSchema }).strict()]);

// The customer form's tag rules (length, at most 50, case-insensitive de-duplication), and at least one.
const bulkTagsListSchema = customerFieldRules.tags.refine((tags) => tags.length > 0, 'Give at least one tag');

/** Adding or removing tags on many customers. */
export const bulkTagsSchema = z.object({ tags: bulkTagsListSchema, target: bulkTargetSchema });

/** Deleting the chosen customers that have no orders (the others are kept). */
export const bulkDeleteSchema = z.object({ target: bulkTargetSchema });

export type BulkTarget = z.input<typeof bulkTargetSchema>;
export type BulkTargetData = z.output<typeof bulkTargetSchema>;
export type BulkTagsInput = z.input<typeof bulkTagsSchema>;
export type BulkDeleteInput = z.input<typeof bulkDeleteSchema>;

export const CUSTOMER_BULK_ACTIONS = ['addTags', 'removeTags', 'moveToGroup', 'delete'] as const;

/**
 * The body of POST /customers/bulk: one action over the chosen customers, or everyone matching a list filter. One
 * object rather than a union per action, so the API reads it like every other body; the refinement asks for what
 * the action needs.
 */
export const customerBulkBodySchema = z
  .object({
    action: z.enum(CUSTOMER_BULK_ACTIONS, { error: `Choose one of ${CUSTOMER_BULK_ACTIONS.join(', ')}` }),
    tags: bulkTagsListSchema.optional().describe('For addTags and removeTags: the tags (matched whatever their case)'),
    groupId: uuidSchema.nullable().optional().describe('For moveToGroup: the group, or null for no group'),
    target: bulkTargetSchema.describe('Either `{ "ids": [...] }` or `{ "filter": {...} }` with the filters of GET /customers (`{}` is every customer)'),
  })
  .superRefine((body, ctx) => {
    const needsTags = body.action === 'addTags' || body.action === 'removeTags';
    if (needsTags && body.tags === undefined) ctx.addIssue({ code: 'custom', path: ['tags'], message: `Give the tags to ${body.action === 'addTags' ? 'add' : 'remove'}` });
    if (!needsTags && body.tags !== undefined) ctx.addIssue({ code: 'custom', path: ['tags'], message: `Tags are for addTags and removeTags, not ${body.action}` });
    if (body.action === 'moveToGroup' && body.groupId === undefined) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'Give the group id, or null for no group' });
    if (body.action !== 'moveToGroup' && body.groupId !== undefined) ctx.addIssue({ code: 'custom', path: ['groupId'], message: `A group is for moveToGroup, not ${body.action}` });
  });
