// The events a webhook endpoint may subscribe to; the UI, the API document and the services read this list.
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.group_changed',
  'customer.merged',
  'customer.erased',
  'order.created',
  'order.completed',
  'order.cancelled',
  'order.refunded',
  'classification.suggestion_created',
  'customers.import_finished',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a receiver gets for a "send test event"; not subscribable. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** Why the shop disabled it (every delivery failed for 3 days); null when enabled or disabled by staff. */
  disabledReason: string | null;
  failingSince: string | null;
  secretPrefix: string;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastResponseBody: string | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
