import { z } from 'zod';

import { uuidSchema } from '@/lib/validation/common';
import { webhookDeliveryListQuerySchema, webhookEndpointCreateSchema, webhookEndpointUpdateSchema } from '@/lib/validation/webhook';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhook-events';

import { toJsonSchema } from './json-schema';
import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';

const TAGS = ['Webhooks'];
const timestamp = z.iso.datetime();

export const WEBHOOKS_TAG = {
  name: 'Webhooks',
  description:
    'Endpoints that receive events, per the Standard Webhooks specification (standardwebhooks.com): a POST of `{ type, timestamp, data }` ' +
    '(`data` is the resource as this API returns it) with the headers `webhook-id`, `webhook-timestamp` and `webhook-signature` ' +
    '(`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed with the base64 part of the `whsec_` secret), so the published libraries verify it. ' +
    'At least once: a 2xx within 10 s is a success; anything else is retried with exponential backoff for about 3 days, with the same ' +
    '`webhook-id` (deduplicate on it). One customer\'s events (and their orders\') arrive in the order they were made. Owner or admin only.',
};

const endpointSchema = z.object({
  id: uuidSchema,
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe('Why the shop disabled it (every delivery failed for 3 days); null otherwise'),
  failingSince: timestamp.nullable().describe('Since when every delivery failed; null once one succeeds'),
  secretPrefix: z.string().describe('The first characters of the signing secret, to tell secrets apart'),
  previousSecretExpiresAt: timestamp.nullable().describe('After a rotation: until when the old secret signs too'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const deliverySchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema.describe('Also the `webhook-id` header, as `msg_<eventId>`'),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.int().min(0),
  nextAttemptAt: timestamp.nullable().describe('When a pending delivery is tried next'),
  lastStatusCode: z.int().nullable(),
  lastDurationMs: z.int().nullable(),
  lastResponseBody: z.string().nullable().describe('The last answer, cut to 1 KB'),
  lastError: z.string().nullable(),
  lastAttemptAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const webhookInputSchemas = () => ({
  WebhookEndpointCreate: webhookEndpointCreateSchema.strict(),
  WebhookEndpointUpdate: webhookEndpointUpdateSchema.strict(),
});

export const webhookOutputSchemas = () => ({
  WebhookEndpoint: endpointSchema,
  WebhookEndpointWithSecret: endpointSchema.extend({ secret: z.string().describe('The signing secret (`whsec_…`): shown in this answer only') }),
  WebhookEndpointList: z.object({ data: z.array(endpointSchema), nextCursor: z.null() }),
  WebhookDelivery: deliverySchema,
  WebhookDeliveryList: z.object({ data: z.array(deliverySchema), nextCursor: z.string().nullable() }),
});

export const webhookParameters = () => ({
  WebhookId: { schema: toJsonSchema(uuidSchema, 'input'), required: true, in: 'path', name: 'id', description: 'The webhook endpoint id' },
  WebhookDeliveryId: { schema: toJsonSchema(uuidSchema, 'input'), required: true, in: 'path', name: 'deliveryId', description: 'The delivery id' },
});

export function webhookPaths() {
  const id = ref('parameters', 'WebhookId');
  return {
    '/webhooks': {
      get: {
        operationId: 'listWebhookEndpoints',
        tags: TAGS,
        summary: 'Every webhook endpoint (one page; at most 50 exist)',
        responses: { 200: jsonResponse('The endpoints, newest first', 'WebhookEndpointList'), ...problems(403) },
      },
      post: {
        operationId: 'createWebhookEndpoint',
        tags: TAGS,
        summary: 'Add an endpoint',
        description:
          'The answer holds the signing secret, once. URLs that resolve to private, loopback or link-local addresses are refused (422 naming `url`) ' +
          'unless the server runs with WEBHOOKS_ALLOW_PRIVATE=1.',
        requestBody: jsonBody('WebhookEndpointCreate'),
        responses: {
          201: {
            ...jsonResponse('The new endpoint with its secret', 'WebhookEndpointWithSecret'),
            headers: { Location: { description: 'The path of the new endpoint', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 403, 409, 422),
        },
      },
    },
    '/webhooks/{id}': {
      parameters: [id],
      get: { operationId: 'getWebhookEndpoint', tags: TAGS, summary: 'One endpoint', responses: { 200: jsonResponse('The endpoint', 'WebhookEndpoint'), ...problems(403, 404) } },
      patch: {
        operationId: 'updateWebhookEndpoint',
        tags: TAGS,
        summary: 'Change URL, events, description or enabled',
        description: 'Enabling an endpoint the shop disabled clears `disabledReason`; its pending deliveries go out again.',
        requestBody: jsonBody('WebhookEndpointUpdate'),
        responses: { 200: jsonResponse('The endpoint', 'WebhookEndpoint'), ...problems(400, 403, 404, 422) },
      },
      delete: {
        operationId: 'deleteWebhookEndpoint',
        tags: TAGS,
        summary: 'Delete an endpoint, its pending deliveries and its log',
        responses: { 204: { description: 'Deleted' }, ...problems(403, 404) },
      },
    },
    '/webhooks/{id}/rotate-secret': {
      parameters: [id],
      post: {
        operationId: 'rotateWebhookSecret',
        tags: TAGS,
        summary: 'A new signing secret',
        description: 'The answer holds the new secret, once. For 24 hours deliveries carry two signatures, by the new and the old secret.',
        responses: { 200: jsonResponse('The endpoint with its new secret', 'WebhookEndpointWithSecret'), ...problems(403, 404) },
      },
    },
    '/webhooks/{id}/test': {
      parameters: [id],
      post: {
        operationId: 'sendTestWebhook',
        tags: TAGS,
        summary: 'Send a `webhook.test` event to this endpoint',
        responses: { 202: jsonResponse('The queued delivery', 'WebhookDelivery'), ...problems(403, 404) },
      },
    },
    '/webhooks/{id}/deliveries': {
      parameters: [id],
      get: {
        operationId: 'listWebhookDeliveries',
        tags: TAGS,
        summary: "The endpoint's delivery log, newest first",
        parameters: queryParametersOf(webhookDeliveryListQuerySchema, { cursor: 'The `nextCursor` of the previous page', limit: 'Deliveries per page' }, ['cursor', 'limit']),
        responses: { 200: jsonResponse('One page of deliveries', 'WebhookDeliveryList'), ...problems(403, 404, 422) },
      },
    },
    '/webhooks/{id}/deliveries/{deliveryId}/resend': {
      parameters: [id, ref('parameters', 'WebhookDeliveryId')],
      post: {
        operationId: 'resendWebhookDelivery',
        tags: TAGS,
        summary: "Send a delivery's event again now",
        description: 'A new delivery of the same event, with the same `webhook-id`.',
        responses: { 202: jsonResponse('The queued delivery', 'WebhookDelivery'), ...problems(403, 404) },
      },
    },
  };
}
