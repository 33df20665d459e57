import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { customers, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { startWebhookReceiver } from '@/test/webhook-receiver';

import { moveCustomers } from '../customer-groups/move-customers';
import { createCustomerGroup } from '../customer-groups';
import { createCustomer, updateCustomer } from '../customers';
import { ValidationFailedError } from '../errors';
import { completeOrder, createOrder } from '../orders';
import { eraseCustomer } from '../privacy/erase-customer';
import { ERASE_CONFIRMATION } from '@/lib/privacy-types';
import { isPrivateAddress } from './address-guard';
import { deliverDueWebhooks, retryDelayMs } from './deliver';
import { createWebhookEndpoint, listWebhookDeliveries, resendWebhookDelivery, rotateWebhookSecret, sendTestWebhook, updateWebhookEndpoint } from './endpoints';
import { sendWebhook } from './send';

withTestDatabase();

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
const receivers: Receiver[] = [];
async function receiver(respond?: Parameters<typeof startWebhookReceiver>[0]): Promise<Receiver> {
  const started = await startWebhookReceiver(respond);
  receivers.push(started);
  return started;
}

let owner: Awaited<ReturnType<typeof createStaffActor>>;
beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
  owner = await createStaffActor('owner', 'Olive Owner');
});
afterEach(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
  // Each test starts without endpoints, so another test's endpoint does not get (or hold up) its events.
  await getDb().delete(webhookEndpoints);
});
afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  await Promise.all(receivers.map((r) => r.close()));
});

async function deliverAll(): Promise<void> {
  for (let round = 0; round < 1000 && (await deliverDueWebhooks({ limit: 50 })) > 0; round += 1);
}

const headersOf = (hook: { headers: Record<string, unknown> }) => ({
  'webhook-id': String(hook.headers['webhook-id']),
  'webhook-timestamp': String(hook.headers['webhook-timestamp']),
  'webhook-signature': String(hook.headers['webhook-signature']),
});

describe(`webhooks (${TEST_DB_KIND})`, () => {
  it('signs every delivery so the standardwebhooks verifier accepts it, with { type, timestamp, data } as the API shows the customer', async () => {
    const hooks = await receiver();
    const { secret, endpoint } = await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.created', 'customer.updated'] } });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(endpoint.secretPrefix).toBe(secret.slice(0, 12));
    expect(JSON.stringify(await listWebhookDeliveries({ actor: owner, endpointId: endpoint.id }))).not.toContain(secret);

    const customer = await createCustomer({ actor: owner, input: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } });
    await updateCustomer({ actor: owner, id: customer.id, input: { company: 'Analytical Engines' } });
    await deliverAll();

    expect(hooks.received).toHaveLength(2);
    const verifier = new Webhook(secret);
    const [created, updated] = hooks.received.map((hook) => verifier.verify(hook.body, headersOf(hook)) as { type: string; timestamp: string; data: Record<string, unknown> });
    expect(created).toMatchObject({ type: 'customer.created', data: { id: customer.id, email: 'ada@example.com', firstName: 'Ada' } });
    expect(Date.parse(created.timestamp)).not.toBeNaN();
    expect(updated).toMatchObject({ type: 'customer.updated', data: { id: customer.id, company: 'Analytical Engines', version: customer.version + 1 } });
    // A tampered body or another secret fails verification.
    expect(() => verifier.verify(hooks.received[0].body.replace('Ada', 'Eve'), headersOf(hooks.received[0]))).toThrow();
    expect(() => new Webhook('whsec_' + Buffer.alloc(24, 1).toString('base64')).verify(hooks.received[0].body, headersOf(hooks.received[0]))).toThrow();

    const log = await listWebhookDeliveries({ actor: owner, endpointId: endpoint.id });
    expect(log.data.map((d) => [d.eventType, d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['customer.updated', 'succeeded', 1, 200],
      ['customer.created', 'succeeded', 1, 200],
    ]);
  });

  it('keeps the old secret signing for 24 hours after a rotation, so either verifies', async () => {
    const hooks = await receiver();
    const { secret: oldSecret, endpoint } = await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.created'] } });
    const { secret: newSecret, endpoint: rotated } = await rotateWebhookSecret({ actor: owner, id: endpoint.id });
    expect(newSecret).not.toBe(oldSecret);
    expect(Date.parse(rotated.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await sendTestWebhook({ actor: owner, endpointId: endpoint.id });
    await deliverAll();
    const [hook] = hooks.received;
    expect(String(hook.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(newSecret).verify(hook.body, headersOf(hook))).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(oldSecret).verify(hook.body, headersOf(hook))).toMatchObject({ type: 'webhook.test' });

    // After the grace period only the new secret signs.
    await getDb().update(webhookEndpoints).set({ previousSecretExpiresAt: sql`now() - interval '1 second'` }).where(eq(webhookEndpoints.id, endpoint.id));
    await sendTestWebhook({ actor: owner, endpointId: endpoint.id });
    await deliverAll();
    const second = hooks.received[1];
    expect(() => new Webhook(oldSecret).verify(second.body, headersOf(second))).toThrow();
    expect(new Webhook(newSecret).verify(second.body, headersOf(second))).toBeTruthy();
  });

  it('writes the event in the change’s transaction: a rolled-back change emits nothing, a committed one always does', async () => {
    const hooks = await receiver();
    await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.group_changed'] } });
    const group = await createCustomerGroup({ actor: owner, input: { name: 'Outbox group' } });
    const created = await Promise.all([1, 2, 3].map((n) => createCustomer({ actor: owner, input: { firstName: `Roll${n}`, lastName: 'Back', email: `roll${n}@example.com` } })));
    const ids = created.map((c) => c.id);
    const count = async () => (await getDb().select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.type, 'customer.group_changed'))).length;

    await expect(
      getDb().transaction(async (tx) => {
        expect(await moveCustomers(tx, owner, sql`${customers.id} in ${ids}`, group.id)).toBe(3);
        throw new Error('something later in the transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(await count()).toBe(0);
    expect((await getDb().select().from(webhookDeliveries)).length).toBe(0);

    await getDb().transaction((tx) => moveCustomers(tx, owner, sql`${customers.id} in ${ids}`, group.id));
    expect(await count()).toBe(3);
    await deliverAll();
    const bodies = hooks.received.map((hook) => JSON.parse(hook.body));
    expect(bodies.map((b) => b.data.id).sort()).toEqual([...ids].sort());
    expect(bodies[0]).toMatchObject({ type: 'customer.group_changed', data: { customerGroupId: group.id, customerGroup: { id: group.id, name: 'Outbox group' }, previousCustomerGroupId: null } });
  });

  it('retries a failing receiver with exponential backoff and jitter, keeping the webhook-id, and disables an endpoint failing for 3 days', async () => {
    const hooks = await receiver((_hook, index, response) => {
      if (index < 2) response.writeHead(500).end('x'.repeat(5000));
    });
    const { endpoint } = await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.created'] } });
    await createCustomer({ actor: owner, input: { firstName: 'Retry', lastName: 'Me', email: 'retry@example.com' } });
    const makeDue = () => getDb().update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(eq(webhookDeliveries.endpointId, endpoint.id));

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const before = Date.now();
      expect(await deliverDueWebhooks()).toBe(1);
      expect(await deliverDueWebhooks()).toBe(0); // not due before its retry time
      const [row] = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(row.lastResponseBody).toHaveLength(1024);
      waits.push(row.nextAttemptAt.getTime() - before);
      await makeDue();
    }
    // 30 s then 1 min, each ±25 %.
    expect(waits[0]).toBeGreaterThan(22_000);
    expect(waits[0]).toBeLessThan(38_500);
    expect(waits[1]).toBeGreaterThan(45_000);
    expect(waits[1]).toBeLessThan(76_000);
    expect((await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0].failingSince).not.toBeNull();

    expect(await deliverDueWebhooks()).toBe(1);
    const [delivered] = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(delivered).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200 });
    expect(new Set(hooks.received.map((hook) => hook.headers['webhook-id'])).size).toBe(1);
    expect((await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0].failingSince).toBeNull();

    // The schedule: doubling from 30 s to 12 h with jitter, about 3 days in all.
    expect([1, 2, 3, 12, 30].map((n) => retryDelayMs(n, () => 0.5))).toEqual([30_000, 60_000, 120_000, 43_200_000, 43_200_000]);
    let total = 0;
    let attempts = 0;
    while (total < 3 * 24 * 3_600_000) total += retryDelayMs(++attempts, () => 0.5);
    expect(attempts).toBeGreaterThan(12);
    expect(attempts).toBeLessThan(20);
  });

  it('gives up on a delivery after 3 days and disables an endpoint that failed for that long, saying why', async () => {
    const hooks = await receiver((_hook, _index, response) => void response.writeHead(503).end('down'));
    const { endpoint } = await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.created'] } });
    await createCustomer({ actor: owner, input: { firstName: 'Down', lastName: 'Hill', email: 'down@example.com' } });
    await getDb().update(webhookDeliveries).set({ createdAt: sql`now() - interval '3 days'` }).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await getDb().update(webhookEndpoints).set({ failingSince: sql`now() - interval '3 days 1 minute'` }).where(eq(webhookEndpoints.id, endpoint.id));
    expect(await deliverDueWebhooks()).toBe(1);
    const [row] = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(row.status).toBe('failed');
    const [disabled] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toContain('every delivery failed for 3 days (last: HTTP 503)');

    // A disabled endpoint gets nothing; enabling it again clears the reason.
    await createCustomer({ actor: owner, input: { firstName: 'Later', lastName: 'On', email: 'later@example.com' } });
    expect(await deliverDueWebhooks()).toBe(0);
    const enabled = await updateWebhookEndpoint({ actor: owner, id: endpoint.id, input: { enabled: true } });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('refuses private, loopback and link-local addresses unless WEBHOOKS_ALLOW_PRIVATE=1, and never follows redirects', async () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8']) expect(isPrivateAddress(address), address).toBe(false);

    const hooks = await receiver((_hook, _index, response) => void response.writeHead(302, { location: 'http://169.254.169.254/latest' }).end());
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::ffff:127.0.0.1]:9/x', 'http://169.254.169.254/latest/meta-data']) {
      const error = await createWebhookEndpoint({ actor: owner, input: { url, events: ['customer.created'] } }).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fieldErrors?.[0]).toMatchObject({ path: 'url' });
    }
    // At delivery time too (the name may resolve elsewhere by then).
    const refused = await sendWebhook(hooks.url, {}, '{}');
    expect(refused).toMatchObject({ ok: false, statusCode: null });
    expect(refused.error).toContain('private, loopback or link-local');
    expect(hooks.received).toHaveLength(0);

    process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
    const redirected = await sendWebhook(hooks.url, {}, '{}');
    expect(redirected).toMatchObject({ ok: false, statusCode: 302 });
    expect(redirected.error).toContain('not followed');
    expect(hooks.received).toHaveLength(1);
  });

  it('stops reading a huge answer and gives up on a silent receiver after the timeout', async () => {
    const hooks = await receiver((_hook, index, response) => {
      if (index === 0) {
        response.writeHead(200);
        const chunk = 'y'.repeat(16 * 1024);
        // An endless body: the sender must stop reading it.
        const pump = () => {
          while (response.write(chunk));
          response.once('drain', pump);
        };
        response.on('close', () => response.removeAllListeners('drain'));
        pump();
      }
      if (index === 1) return 'hold';
    });
    const big = await sendWebhook(hooks.url, {}, '{}');
    expect(big).toMatchObject({ ok: true, statusCode: 200 });
    expect(big.body).toHaveLength(1024);
    const silent = await sendWebhook(hooks.url, {}, '{}', 300);
    expect(silent).toMatchObject({ ok: false, statusCode: null, error: 'No answer within 0.3 s' });
  });

  it('delivers each customer’s events in the order they were made, a resend keeps the webhook-id, and an erased customer’s events carry no personal data', async () => {
    const hooks = await receiver();
    const { endpoint } = await createWebhookEndpoint({
      actor: owner,
      input: { url: hooks.url, events: ['customer.created', 'customer.updated', 'order.created', 'order.completed', 'customer.erased'] },
    });
    const people = await Promise.all([1, 2, 3].map((n) => createCustomer({ actor: owner, input: { firstName: `Ord${n}`, lastName: 'Erly', email: `order${n}@example.com` } })));
    for (const person of people) {
      const order = await createOrder({ actor: owner, input: { customerId: person.id, items: [{ sku: 'A', name: 'Mug', quantity: 1, unitPrice: 1200 }] } });
      await updateCustomer({ actor: owner, id: person.id, input: { notes: 'first' } });
      await completeOrder({ actor: owner, id: order.id });
      await updateCustomer({ actor: owner, id: person.id, input: { notes: 'second' } });
    }
    // Several batches in flight at once, as several loops and instances run them.
    for (let round = 0; round < 20; round += 1) if ((await Promise.all([1, 2, 3].map(() => deliverDueWebhooks({ limit: 2 })))).every((n) => n === 0)) break;

    for (const person of people) {
      const bodies = hooks.received.map((hook) => JSON.parse(hook.body)).filter((body) => (body.data.customerId ?? body.data.customer?.id ?? body.data.id) === person.id);
      const expected = ['customer.created', 'order.created', 'customer.updated', 'order.completed', 'customer.updated'];
      expect(bodies.map((body) => body.type)).toEqual(expected);
    }

    await eraseCustomer({ actor: owner, customerId: people[0].id, input: { confirm: ERASE_CONFIRMATION } });
    await deliverAll();
    const erased = hooks.received.map((hook) => JSON.parse(hook.body)).find((body) => body.type === 'customer.erased');
    expect(erased.data).toMatchObject({ id: people[0].id, email: null, phone: null });
    expect(JSON.stringify(erased)).not.toMatch(/Ord1|order1@/);
    // Events written before the erasure were redacted, so a resend of one carries nothing about the person either.
    const stored = await queryRows<{ data: unknown }>(getDb(), sql`select data from webhook_events where resource_key = ${people[0].id} and type <> 'customer.erased'`);
    expect(JSON.stringify(stored)).not.toMatch(/Ord1|order1@/);

    const log = await listWebhookDeliveries({ actor: owner, endpointId: endpoint.id, limit: 100 });
    const first = log.data.find((d) => d.eventType === 'customer.created')!;
    const count = hooks.received.length;
    const resent = await resendWebhookDelivery({ actor: owner, endpointId: endpoint.id, deliveryId: first.id });
    expect(resent).toMatchObject({ status: 'pending', eventId: first.eventId });
    await deliverAll();
    expect(hooks.received).toHaveLength(count + 1);
    const resentId = hooks.received[count].headers['webhook-id'];
    expect(hooks.received.filter((hook) => hook.headers['webhook-id'] === resentId)).toHaveLength(2);
  });

  it('takes back the deliveries of a worker that died mid-batch once its lease runs out, losing none', async () => {
    const hooks = await receiver();
    await createWebhookEndpoint({ actor: owner, input: { url: hooks.url, events: ['customer.group_changed'] } });
    const group = await createCustomerGroup({ actor: owner, input: { name: 'Crash group' } });
    const people = await Promise.all(Array.from({ length: 30 }, (_, n) => createCustomer({ actor: owner, input: { firstName: `Crash${n}`, lastName: 'Test', email: `crash${n}@example.com` } })));
    await getDb().transaction((tx) => moveCustomers(tx, owner, sql`${customers.id} in ${people.map((p) => p.id)}`, group.id));
    // A worker claims 10 and dies before sending: its lease holds them until it runs out.
    await getDb().execute(sql`update webhook_deliveries set locked_until = now() + interval '1 minute', attempts = attempts + 1
      where id in (select id from webhook_deliveries where status = 'pending' order by seq limit 10)`);
    await deliverAll();
    expect(hooks.received).toHaveLength(20);
    await getDb().execute(sql`update webhook_deliveries set locked_until = now() - interval '1 second' where status = 'pending'`);
    await deliverAll();
    expect(new Set(hooks.received.map((hook) => JSON.parse(hook.body).data.id))).toEqual(new Set(people.map((p) => p.id)));
    expect(hooks.received).toHaveLength(30);
  });
});
