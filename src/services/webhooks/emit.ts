/**
 * The transactional outbox. Every service that changes something a webhook may announce calls emitWebhookEvent (one
 * change) or emitWebhookEvents (a set-based change) inside its own transaction: the event commits with the change or
 * not at all.
 *
 * Fan-out happens here, in the same statement, rather than in the worker: the worker then claims ready deliveries
 * straight from one index with SKIP LOCKED, instead of first scanning new events past a cursor (which, with
 * transactions committing out of sequence order, can skip an event that commits late). An endpoint gets the events
 * made while it subscribed, as Stripe does. Nothing is written when no enabled endpoint wants the type.
 */
import { sql, type SQL } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';
import { customerGroups, customers, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import type { WebhookEventType } from '@/lib/webhook-events';

import { customerJsonSql } from './customer-json';

/**
 * The WITH items that write the events of `source` (rows of `resource_key text, data jsonb`) and their deliveries, for
 * a caller that must put them in its own statement (a data-modifying CTE cannot be read by a later statement). They
 * are named `<prefix>_subscribers`, `<prefix>_new_events` and `<prefix>_new_deliveries`: a statement that emits two
 * types gives each its own prefix. With no subscriber, `source` is never evaluated (the INSERT's one-time filter
 * fails first), so a change nobody listens to pays one scan of the few endpoint rows and builds no payload.
 */
export function webhookOutboxCtes(type: WebhookEventType | string, source: SQL, prefix = 'webhook'): SQL {
  const subscribers = sql.identifier(`${prefix}_subscribers`);
  const newEvents = sql.identifier(`${prefix}_new_events`);
  return sql`${subscribers} as (
      select ${webhookEndpoints.id} as id from ${webhookEndpoints}
      where ${webhookEndpoints.enabled} and ${type}::text = any(${webhookEndpoints.events})
    ),
    ${newEvents} as (
      insert into ${webhookEvents} (type, resource_key, data)
      select ${type}::text, s.resource_key, s.data from (${source}) s
      where exists (select 1 from ${subscribers})
      returning id, resource_key
    ),
    ${sql.identifier(`${prefix}_new_deliveries`)} as (
      insert into ${webhookDeliveries} (event_id, endpoint_id, resource_key)
      select e.id, w.id, e.resource_key from ${newEvents} e cross join ${subscribers} w
    )`;
}

/** Writes the events of a set-based change (one per row of `source`: `resource_key text, data jsonb`) in one statement. */
export async function emitWebhookEvents(tx: Db | Tx, type: WebhookEventType | string, source: SQL): Promise<void> {
  await tx.execute(sql`with ${webhookOutboxCtes(type, source)} select 1`);
}

/**
 * Writes one event about `data` (the resource as the API returns it), keyed by `resourceKey` for delivery order. When
 * `data` is a function it is called only if an endpoint subscribes, so a change nobody listens to loads nothing more.
 */
export async function emitWebhookEvent(
  tx: Db | Tx,
  type: WebhookEventType,
  data: object | (() => Promise<object>),
  resourceKey: string | null = null,
): Promise<void> {
  if (typeof data === 'function') {
    if (!(await hasWebhookSubscribers(tx, type))) return;
    data = await data();
  }
  await emitWebhookEvents(tx, type, sql`select ${resourceKey}::text as resource_key, ${JSON.stringify(data)}::jsonb as data`);
}

/** Whether an enabled endpoint wants `type` (the endpoints table holds at most a few dozen rows). */
export async function hasWebhookSubscribers(tx: Db | Tx, type: WebhookEventType): Promise<boolean> {
  const rows = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(sql`${webhookEndpoints.enabled} and ${type} = any(${webhookEndpoints.events})`)
    .limit(1);
  return rows.length > 0;
}

/**
 * Writes one event about a customer as the row stands now in `tx` (after the change), in the API's shape, with `extra`
 * fields merged in (a merge's source id). An erased customer's row no longer holds personal data, so neither does this.
 */
export async function emitCustomerWebhookEvent(tx: Db | Tx, type: WebhookEventType, customerId: string, extra: Record<string, unknown> = {}): Promise<void> {
  await emitWebhookEvents(
    tx,
    type,
    sql`select c.id::text as resource_key, ${customerJsonSql('c', 'g')} || ${JSON.stringify(extra)}::jsonb as data
      from ${customers} c left join ${customerGroups} g on g.id = c.customer_group_id where c.id = ${customerId}`,
  );
}

/**
 * An erasure's part: the events already written about the customer (and their orders) keep only the resource's id,
 * so a delivery still pending or resent later carries nothing about the person.
 */
export async function redactWebhookEvents(tx: Db | Tx, customerId: string): Promise<void> {
  await tx
    .update(webhookEvents)
    .set({ data: sql`jsonb_build_object('id', ${webhookEvents.data} -> 'id', 'redacted', true)` })
    .where(sql`${webhookEvents.resourceKey} = ${customerId}`);
}
