import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs } from './columns';

export const IDEMPOTENCY_STATES = ['running', 'done'] as const;

// One row per Idempotency-Key a caller sent (services/idempotency.ts): inserting it is the lock that lets one of
// several requests with the key run; the others replay its stored answer. Rows older than a day are deleted.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    // Whose key: `staff:<id>`, `api_key:<id>`, `customer:<id>`, so two callers' equal keys never meet.
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    // SHA-256 (hex) of what was asked (method, path, canonical body; or the action and its input).
    fingerprint: text('fingerprint').notNull(),
    state: text('state', { enum: IDEMPOTENCY_STATES }).notNull().default('running'),
    // Until then a running request is taken to be alive; after it (a crashed instance), a retry may run instead.
    leaseExpiresAt: timestampMs('lease_expires_at').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
    check('idempotency_keys_done_has_response', sql`${t.state} <> 'done' or ${t.responseStatus} is not null`),
  ],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
