import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

// Where the shop sends its events (services/webhooks). The signing secret must be usable to sign, so it cannot be
// hashed like an API key: it is stored encrypted (AES-256-GCM, key derived from the auth secret) and shown once.
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    secretEncrypted: text('secret_encrypted').notNull(),
    // After a rotation the old secret still signs (a second signature) for 24 h, so receivers can switch over.
    previousSecretEncrypted: text('previous_secret_encrypted'),
    previousSecretExpiresAt: timestampMs('previous_secret_expires_at'),
    // Since when every delivery failed (null once one succeeds); failing for 3 days disables the endpoint.
    failingSince: timestampMs('failing_since'),
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_created_idx').on(t.createdAt)],
);

// The outbox: one row per change, written in the change's transaction (emitWebhookEvents). Only written when at
// least one enabled endpoint subscribes to the type, so shops without webhooks pay nothing.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    // The customer (or order) the event is about: deliveries of one key go out in the order they were made.
    resourceKey: text('resource_key'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_created_idx').on(t.createdAt)],
);

// One row per event and subscribed endpoint, fanned out in the same statement as the event. The worker claims
// pending ones with FOR UPDATE SKIP LOCKED and a lease (locked_until), so several instances share them and a crashed
// instance's claims come back when the lease runs out.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Creation order (ties in created_at within a transaction): deliveries of one resource go out in this order.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    resourceKey: text('resource_key'),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestampMs('next_attempt_at').notNull().defaultNow(),
    lockedUntil: timestampMs('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    // The last answer's body cut to 1 KB, or why there was none (timeout, refused address).
    lastResponseBody: text('last_response_body'),
    lastError: text('last_error'),
    lastAttemptAt: timestampMs('last_attempt_at'),
    deliveredAt: timestampMs('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The claim: pending deliveries due now, oldest first.
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt, t.seq).where(sql`${t.status} = 'pending'`),
    // Per-resource order: "is an older delivery of this resource to this endpoint still pending?"
    index('webhook_deliveries_order_idx').on(t.endpointId, t.resourceKey, t.seq).where(sql`${t.status} = 'pending'`),
    // The delivery log of an endpoint, newest first.
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.seq),
    index('webhook_deliveries_event_idx').on(t.eventId),
    check('webhook_deliveries_attempts', sql`${t.attempts} >= 0`),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
