import { z } from 'zod';

import { bulkTargetSchema, customerIdsSchema, strictCustomerFilterSchema } from './customer-bulk';
import { text, uuidSchema } from './common';

export const GROUP_NAME_MAX = 60;
export const GROUP_DESCRIPTION_MAX = 500;

// The rules without defaults: .partial() keeps defaults, and an update must leave unsent fields alone.
const groupFieldRules = {
  name: text().min(1, 'Name is required').max(GROUP_NAME_MAX, `Name must be at most ${GROUP_NAME_MAX} characters`),
  description: text().max(GROUP_DESCRIPTION_MAX, `Description must be at most ${GROUP_DESCRIPTION_MAX} characters`),
};

/** A new group; names are unique regardless of case (the database's index decides). */
export const customerGroupCreateSchema = z.object({ ...groupFieldRules, description: groupFieldRules.description.default('') });

export const customerGroupUpdateSchema = z.object(groupFieldRules).partial().extend({
  // The updatedAt the editor started from; a stale one is refused instead of overwriting someone else's rename.
  updatedAt: z.iso.datetime({ offset: true, error: 'Must be a timestamp like 2024-05-31T12:00:00.000Z' }).optional(),
});

export const customerGroupDeleteSchema = z.object({
  // Deleting a group with members moves them to no group, but only when staff said so.
  confirmMembersToNoGroup: z.boolean().default(false),
});

export const assignToGroupSchema = z.object({
  // null moves the customers to no group.
  groupId: uuidSchema.nullable(),
  target: bulkTargetSchema,
});

/** The body of POST /customer-groups/{id}/members: the chosen customers, or everyone matching a list filter. */
export const groupMembersBodySchema = z
  .object({
    customerIds: customerIdsSchema.optional(),
    filter: strictCustomerFilterSchema.optional().describe('The customer list filters (as GET /customers takes them); {} means every customer'),
  })
  .refine((body) => (body.customerIds === undefined) !== (body.filter === undefined), {
    message: 'Send either customerIds or filter',
    path: ['customerIds'],
  });

export const customerGroupDeleteQuerySchema = z.object({
  confirmMembersToNoGroup: z
    .enum(['true', 'false'], { error: 'Use true or false' })
    .optional()
    .transform((value) => value === 'true'),
});

export type CustomerGroupCreateInput = z.input<typeof customerGroupCreateSchema>;
export type CustomerGroupUpdateInput = z.input<typeof customerGroupUpdateSchema>;
export type AssignToGroupInput = z.input<typeof assignToGroupSchema>;
