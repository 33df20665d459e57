import { z } from 'zod';

import { WEBHOOK_EVENT_TYPES } from '../webhook-events';

const url = z
  .string({ error: 'URL is required' })
  .trim()
  .min(1, 'URL is required')
  .max(2000, 'URL must be at most 2000 characters')
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
    } catch {
      return false;
    }
  }, 'Give an http:// or https:// URL without a user name or password');

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `Each event is one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }), { error: 'Events is a list of event types' })
  .min(1, 'Choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

const description = z.string({ error: 'Description is text' }).trim().max(500, 'Description must be at most 500 characters');

export const webhookEndpointCreateSchema = z.object({
  url,
  events,
  description: description.default(''),
  enabled: z.boolean({ error: 'Enabled is true or false' }).default(true),
});

export const webhookEndpointUpdateSchema = z
  .object({ url, events, description, enabled: z.boolean({ error: 'Enabled is true or false' }) })
  .partial();

export type WebhookEndpointCreateInput = z.input<typeof webhookEndpointCreateSchema>;
export type WebhookEndpointUpdateInput = z.input<typeof webhookEndpointUpdateSchema>;

/** GET /webhooks/{id}/deliveries: newest first, keyset-paged. */
export const webhookDeliveryListQuerySchema = z.object({
  cursor: z.string().max(20, 'cursor is the nextCursor of a previous page').optional(),
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(100, 'Limit is at most 100').default(50),
});
