import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';

import { getDb } from '@/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookEndpointRow } from '@/db/schema';
import type { Actor, Page } from '@/lib/types';
import { webhookEndpointCreateSchema, webhookEndpointUpdateSchema, type WebhookEndpointCreateInput, type WebhookEndpointUpdateInput } from '@/lib/validation/webhook';
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookEndpoint, type WebhookEventType } from '@/lib/webhook-events';

import { ConflictError, NotFoundError, ValidationFailedError } from '../errors';
import { isUuid } from '../ids';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { assertPublicUrl, RefusedAddressError } from './address-guard';
import { decryptSecret, encryptSecret, newSigningSecret } from './signing';

const NOT_FOUND = 'No webhook endpoint with this id';
const DELIVERY_NOT_FOUND = 'No delivery with this id for this endpoint';
// A shop needs a handful; the cap keeps the list page and every event's fan-out bounded.
export const MAX_ENDPOINTS = 50;
const ROTATION_GRACE = sql`interval '24 hours'`;

function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    // Enough to tell secrets apart after a rotation, not enough to sign.
    secretPrefix: decryptSecret(row.secretEncrypted).slice(0, 12),
    previousSecretExpiresAt: row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > Date.now() ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function assertReachableUrl(url: string): Promise<void> {
  try {
    await assertPublicUrl(url);
  } catch (error) {
    if (error instanceof RefusedAddressError) throw new ValidationFailedError(error.message, [{ path: 'url', message: error.message }]);
    throw error;
  }
}

async function findEndpoint(id: string): Promise<WebhookEndpointRow> {
  const [row] = isUuid(id) ? await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)) : [];
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

/** Creates an endpoint; its signing secret is in the answer once. Throws ForbiddenError, ValidationFailedError, ConflictError. */
export async function createWebhookEndpoint({ actor, input }: { actor: Actor; input: WebhookEndpointCreateInput }): Promise<{ secret: string; endpoint: WebhookEndpoint }> {
  assertCan(actor, 'webhooks:manage');
  const data = parseInput(webhookEndpointCreateSchema, input);
  await assertReachableUrl(data.url);
  const secret = newSigningSecret();
  const row = await getDb().transaction(async (tx) => {
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(webhookEndpoints);
    if (count >= MAX_ENDPOINTS) throw new ConflictError(`A shop may have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`);
    const [created] = await tx.insert(webhookEndpoints).values({ ...data, secretEncrypted: encryptSecret(secret) }).returning();
    return created;
  });
  return { secret, endpoint: toEndpoint(row) };
}

/** Every endpoint, newest first (at most MAX_ENDPOINTS exist). Throws ForbiddenError. */
export async function listWebhookEndpoints({ actor }: { actor: Actor }): Promise<WebhookEndpoint[]> {
  assertCan(actor, 'webhooks:manage');
  const rows = await getDb().select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt)).limit(MAX_ENDPOINTS);
  return rows.map(toEndpoint);
}

export async function getWebhookEndpoint({ actor, id }: { actor: Actor; id: string }): Promise<WebhookEndpoint> {
  assertCan(actor, 'webhooks:manage');
  return toEndpoint(await findEndpoint(id));
}

/** Changes URL, events, description or enabled; enabling again clears why it was disabled. */
export async function updateWebhookEndpoint({ actor, id, input }: { actor: Actor; id: string; input: WebhookEndpointUpdateInput }): Promise<WebhookEndpoint> {
  assertCan(actor, 'webhooks:manage');
  const data = parseInput(webhookEndpointUpdateSchema, input);
  await findEndpoint(id);
  if (data.url) await assertReachableUrl(data.url);
  const [row] = await getDb()
    .update(webhookEndpoints)
    .set({ ...data, ...(data.enabled ? { disabledReason: null, failingSince: null } : {}), updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  if (!row) throw new NotFoundError(NOT_FOUND);
  return toEndpoint(row);
}

/** Deletes the endpoint and its delivery log; pending deliveries are dropped. */
export async function deleteWebhookEndpoint({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, 'webhooks:manage');
  const deleted = isUuid(id) ? await getDb().delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id }) : [];
  if (deleted.length === 0) throw new NotFoundError(NOT_FOUND);
}

/** A new signing secret, shown once; the old one keeps signing (a second signature) for 24 hours. */
export async function rotateWebhookSecret({ actor, id }: { actor: Actor; id: string }): Promise<{ secret: string; endpoint: WebhookEndpoint }> {
  assertCan(actor, 'webhooks:manage');
  await findEndpoint(id);
  const secret = newSigningSecret();
  const [row] = await getDb()
    .update(webhookEndpoints)
    .set({
      previousSecretEncrypted: sql`${webhookEndpoints.secretEncrypted}`,
      previousSecretExpiresAt: sql`now() + ${ROTATION_GRACE}`,
      secretEncrypted: encryptSecret(secret),
      updatedAt: sql`now()`,
    })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  if (!row) throw new NotFoundError(NOT_FOUND);
  return { secret, endpoint: toEndpoint(row) };
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  seq: webhookDeliveries.seq,
  eventId: webhookDeliveries.eventId,
  eventType: webhookEvents.type,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastDurationMs: webhookDeliveries.lastDurationMs,
  lastResponseBody: webhookDeliveries.lastResponseBody,
  lastError: webhookDeliveries.lastError,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

type DeliveryRow = { [K in keyof typeof deliveryColumns]: (typeof deliveryColumns)[K]['_']['data'] | null } & { id: string; seq: number };

function toDelivery(row: DeliveryRow): WebhookDelivery {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: row.id,
    eventId: row.eventId!,
    eventType: row.eventType!,
    status: row.status!,
    attempts: row.attempts!,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastResponseBody: row.lastResponseBody,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt!.toISOString(),
  };
}

const cursorSchema = z.string().regex(/^\d{1,15}$/, 'cursor is the nextCursor of a previous page');

/** The endpoint's delivery log, newest first, keyset-paged on webhook_deliveries_endpoint_idx (endpoint_id, seq). */
export async function listWebhookDeliveries({ actor, endpointId, cursor, limit = 50 }: { actor: Actor; endpointId: string; cursor?: string | null; limit?: number }): Promise<Page<WebhookDelivery>> {
  assertCan(actor, 'webhooks:manage');
  await findEndpoint(endpointId);
  const after = cursor ? Number(parseInput(cursorSchema, cursor)) : null;
  const pageSize = Math.min(Math.max(Math.trunc(limit) || 50, 1), 100);
  const rows = await getDb()
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), after === null ? undefined : lt(webhookDeliveries.seq, after)))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize) as DeliveryRow[];
  return { data: page.map(toDelivery), nextCursor: rows.length > pageSize ? String(page[page.length - 1].seq) : null };
}

/** Sends the delivery's event again now, as a new delivery with the same webhook-id (receivers deduplicate on it). */
export async function resendWebhookDelivery({ actor, endpointId, deliveryId }: { actor: Actor; endpointId: string; deliveryId: string }): Promise<WebhookDelivery> {
  assertCan(actor, 'webhooks:manage');
  await findEndpoint(endpointId);
  const [original] = isUuid(deliveryId)
    ? await getDb()
        .select({ eventId: webhookDeliveries.eventId })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
    : [];
  if (!original) throw new NotFoundError(DELIVERY_NOT_FOUND);
  // No resource key: a resend asked for by hand goes at once, not behind the resource's pending deliveries.
  const [created] = await getDb().insert(webhookDeliveries).values({ eventId: original.eventId, endpointId }).returning({ id: webhookDeliveries.id });
  return getDelivery(created.id);
}

/** Queues a `webhook.test` event for this endpoint alone, whatever it subscribes to. */
export async function sendTestWebhook({ actor, endpointId }: { actor: Actor; endpointId: string }): Promise<WebhookDelivery> {
  assertCan(actor, 'webhooks:manage');
  await findEndpoint(endpointId);
  const id = await getDb().transaction(async (tx) => {
    const [event] = await tx
      .insert(webhookEvents)
      .values({ type: WEBHOOK_TEST_EVENT, data: { message: 'A test event sent from the webhooks settings', endpointId, sentBy: actor.name } })
      .returning({ id: webhookEvents.id });
    const [delivery] = await tx.insert(webhookDeliveries).values({ eventId: event.id, endpointId }).returning({ id: webhookDeliveries.id });
    return delivery.id;
  });
  return getDelivery(id);
}

async function getDelivery(id: string): Promise<WebhookDelivery> {
  const [row] = await getDb().select(deliveryColumns).from(webhookDeliveries).innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId)).where(eq(webhookDeliveries.id, id));
  return toDelivery(row as DeliveryRow);
}
