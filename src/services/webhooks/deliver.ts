/**
 * The delivery worker. Claims due deliveries with FOR UPDATE SKIP LOCKED and a lease (locked_until), so app instances
 * share the work and a crashed instance's claims come back when their lease runs out: delivery is at least once, and
 * the `webhook-id` (the event's id) stays the same across retries and resends for receivers to deduplicate.
 *
 * Order: a delivery is claimable only when no older delivery of the same resource (customer, order) to the same
 * endpoint is still pending, so a receiver sees one customer's events in the order they were made; different
 * customers' events go out in parallel.
 */
import { inArray, sql } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';

import { sendWebhook, TIMEOUT_MS } from './send';
import { decryptSecret, signatureHeader } from './signing';

/** Retries go on for this long after the event (as Stripe and Shopify do); an endpoint failing this long is disabled. */
export const RETRY_WINDOW_MS = 3 * 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 12 * 3_600_000;
// Longer than a batch can take: every request of a batch runs at once and each stops after TIMEOUT_MS.
const LEASE_MS = TIMEOUT_MS * 6;

/**
 * Exponential backoff with ±25 % jitter (so that the retries of a burst do not all land together): 30 s, 1 min,
 * 2 min … doubling up to 12 h; attempts go on until RETRY_WINDOW_MS after the event (about 16 attempts).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_WAIT_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

interface Claimed {
  id: string;
  event_id: string;
  endpoint_id: string;
  attempts: number;
  created_at: string | Date;
}

async function claimDeliveries(limit: number): Promise<Claimed[]> {
  // The inner select walks webhook_deliveries_due_idx; the NOT EXISTS is one probe of webhook_deliveries_order_idx.
  // next_attempt_at keeps milliseconds, so a now() written there may be rounded up by half of one: the millisecond of
  // slack keeps a delivery made due just now from waiting for the next poll.
  return queryRows<Claimed>(
    getDb(),
    sql`update ${webhookDeliveries} d
      set locked_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = d.attempts + 1
      from (
        select c.id from ${webhookDeliveries} c
        where c.status = 'pending' and c.next_attempt_at <= now() + interval '1 millisecond' and (c.locked_until is null or c.locked_until < now())
          and exists (select 1 from ${webhookEndpoints} e where e.id = c.endpoint_id and e.enabled)
          and not exists (
            select 1 from ${webhookDeliveries} p
            where p.endpoint_id = c.endpoint_id and p.resource_key = c.resource_key and p.status = 'pending' and p.seq < c.seq
          )
        order by c.next_attempt_at, c.seq
        limit ${limit}
        for update of c skip locked
      ) picked
      where d.id = picked.id
      returning d.id, d.event_id, d.endpoint_id, d.attempts, d.created_at`,
  );
}

/** Claims up to `limit` due deliveries, sends them all at once and records the outcomes. Returns how many it sent. */
export async function deliverDueWebhooks({ limit = 50 }: { limit?: number } = {}): Promise<number> {
  const claimed = await claimDeliveries(limit);
  if (claimed.length === 0) return 0;
  const db = getDb();
  const [events, endpoints] = await Promise.all([
    db.select().from(webhookEvents).where(inArray(webhookEvents.id, [...new Set(claimed.map((row) => row.event_id))])),
    db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((row) => row.endpoint_id))])),
  ]);
  const eventById = new Map(events.map((event) => [event.id, event]));
  const endpointById = new Map(
    endpoints.map((endpoint) => {
      const secrets = [decryptSecret(endpoint.secretEncrypted)];
      if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > Date.now()) {
        secrets.push(decryptSecret(endpoint.previousSecretEncrypted));
      }
      return [endpoint.id, { url: endpoint.url, secrets }];
    }),
  );

  const outcomes = await Promise.all(
    claimed.map(async (delivery) => {
      const event = eventById.get(delivery.event_id)!;
      const endpoint = endpointById.get(delivery.endpoint_id)!;
      const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
      const messageId = `msg_${event.id}`;
      const timestamp = Math.floor(Date.now() / 1000);
      const result = await sendWebhook(endpoint.url, {
        'webhook-id': messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(endpoint.secrets, messageId, timestamp, body),
      }, body);
      const isExpired = Date.now() - new Date(delivery.created_at).getTime() + retryDelayMs(delivery.attempts) > RETRY_WINDOW_MS;
      return {
        id: delivery.id,
        endpoint_id: delivery.endpoint_id,
        ok: result.ok,
        give_up: !result.ok && isExpired,
        retry_ms: retryDelayMs(delivery.attempts),
        status_code: result.statusCode,
        duration_ms: result.durationMs,
        body: result.body,
        error: result.error,
      };
    }),
  );
  await recordOutcomes(outcomes);
  return claimed.length;
}

type Outcome = { id: string; endpoint_id: string; ok: boolean; give_up: boolean; retry_ms: number; status_code: number | null; duration_ms: number; body: string | null; error: string | null };

// One UPDATE for the batch's deliveries and one for their endpoints, whatever the batch size.
async function recordOutcomes(outcomes: Outcome[]): Promise<void> {
  const db = getDb();
  const json = JSON.stringify(outcomes);
  await db.execute(sql`update ${webhookDeliveries} d set
      status = case when r.ok then 'succeeded' when r.give_up then 'failed' else 'pending' end,
      next_attempt_at = case when r.ok or r.give_up then d.next_attempt_at else now() + r.retry_ms * interval '1 millisecond' end,
      delivered_at = case when r.ok then now() else d.delivered_at end,
      locked_until = null, last_attempt_at = now(),
      last_status_code = r.status_code, last_duration_ms = r.duration_ms, last_response_body = r.body, last_error = r.error
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, ok boolean, give_up boolean, retry_ms int, status_code int, duration_ms int, body text, error text)
    where d.id = r.id`);
  // An endpoint is failing from its first failure after a success; failing for RETRY_WINDOW_MS disables it, with why.
  await db.execute(sql`update ${webhookEndpoints} e set
      failing_since = case when r.any_ok then null else coalesce(e.failing_since, now()) end,
      enabled = case when not r.any_ok and e.failing_since < now() - ${RETRY_WINDOW_MS} * interval '1 millisecond' then false else e.enabled end,
      disabled_reason = case when not r.any_ok and e.failing_since < now() - ${RETRY_WINDOW_MS} * interval '1 millisecond'
        then 'Disabled automatically: every delivery failed for 3 days (last: ' || coalesce(r.last_error, 'unknown error') || '). Fix the receiver, then enable the endpoint again.'
        else e.disabled_reason end,
      updated_at = now()
    from (
      select endpoint_id, bool_or(ok) as any_ok, (array_agg(error) filter (where error is not null))[1] as last_error
      from jsonb_to_recordset(${json}::jsonb) as o(endpoint_id uuid, ok boolean, error text) group by endpoint_id
    ) r
    where e.id = r.endpoint_id and (not r.any_ok or e.failing_since is not null)`);
}

const PRUNE_EVERY_MS = 3_600_000;

/** Deletes delivered or abandoned deliveries a month old, and events left without deliveries. */
export async function pruneWebhookLog(): Promise<void> {
  const db = getDb();
  await db.execute(sql`delete from ${webhookDeliveries} where status <> 'pending' and created_at < now() - interval '30 days'`);
  await db.execute(sql`delete from ${webhookEvents} e where e.created_at < now() - interval '30 days'
    and not exists (select 1 from ${webhookDeliveries} d where d.event_id = e.id)`);
}

export interface WebhookWorkerOptions {
  pollMs?: number;
  batchSize?: number;
  /** Batches in flight at once in this process (each claims its own rows). */
  loops?: number;
  log?: (message: string) => void;
}

/**
 * Runs `loops` delivery loops in this process: each claims a batch, sends it, and claims again at once while there is
 * work, or waits `pollMs`. Returns a function that stops them (batches in flight finish).
 */
export function startWebhookWorker({ pollMs = 500, batchSize = 50, loops = 4, log = console.info }: WebhookWorkerOptions = {}): () => Promise<void> {
  let isStopped = false;
  let prunedAt = Date.now();
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = async (index: number) => {
    while (!isStopped) {
      let sent = 0;
      try {
        if (index === 0 && Date.now() - prunedAt > PRUNE_EVERY_MS) {
          prunedAt = Date.now();
          await pruneWebhookLog();
        }
        sent = await deliverDueWebhooks({ limit: batchSize });
      } catch (error) {
        log(`[webhooks] delivery batch failed: ${(error as Error).message}`);
      }
      if (sent < batchSize && !isStopped) await sleep(pollMs);
    }
  };
  const running = Array.from({ length: loops }, (_, index) => loop(index));
  return async () => {
    isStopped = true;
    wake?.();
    await Promise.all(running);
  };
}
