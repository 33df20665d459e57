import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, setDatabase } from '@/db/client';
import { createApiKey } from '@/services/api-keys';
import { bootstrapOwner } from '@/services/staff';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@/test/server-database';
import { startWebhookReceiver } from '@/test/webhook-receiver';

import { freePort, waitForServer } from './global-setup';

// Two production servers (`next start`) on one throw-away PostgreSQL database, as two app instances behind a load
// balancer: each piece of background work is done once, and a session made on one is good on the other.
// PGlite is one process per data folder, so there is nothing to share: the suite needs TEST_DATABASE_URL.
const serverUrl = process.env.TEST_DATABASE_URL;
const SKIP_REASON = 'SKIPPED e2e/instances.spec.ts: several instances on one database need PostgreSQL (set TEST_DATABASE_URL); PGlite serves one process';
if (!serverUrl) console.warn(SKIP_REASON);

const OWNER = { email: 'owner@instances.test', password: 'two-instances-one-database' };
const SECRET = 'instances-e2e-secret-not-for-production-use';
const RECIPIENTS = 30;
const RUN = Date.now().toString(36);

interface Instance {
  name: string;
  url: string;
  outboxDir: string;
  process: ChildProcess;
  log: string;
}

let databaseUrl = '';
let database: ThrowawayDatabase | undefined;
let apiKey = '';
let db: pg.Client;
const instances: Instance[] = [];
const poll = <T>(read: () => T | Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 250 });

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const outboxDir = mkdtempSync(path.join(os.tmpdir(), `customers-instance-${name}-outbox-`));
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // Each instance is told only the shared database and secret: no data folder, no pinned public URL.
  delete inherited.PGLITE_DATA_DIR;
  delete inherited.BETTER_AUTH_URL;
  // Set by Vitest in this process; a server that sees it starts no job worker (src/instrumentation.ts).
  delete inherited.VITEST;
  delete inherited.VITEST_MODE;
  delete inherited.VITEST_POOL_ID;
  delete inherited.VITEST_WORKER_ID;
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: SECRET,
      OUTBOX_DIR: outboxDir,
      // The webhook receiver of the test listens on 127.0.0.1.
      WEBHOOKS_ALLOW_PRIVATE: '1',
      // The shortest check interval, so that both instances look for stale metrics during the test.
      METRICS_RECOMPUTE_INTERVAL_SECONDS: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { name, url: `http://127.0.0.1:${port}`, outboxDir, process: child, log: '' };
  child.stdout?.on('data', (chunk) => (instance.log += chunk));
  child.stderr?.on('data', (chunk) => (instance.log += chunk));
  return instance;
}

async function api<T = { id: string }>(instance: Instance, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${instance.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${instance.name} ${method} ${route}: ${response.status} ${text}`);
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** How many messages each address got, over both instances' outboxes. */
async function deliveries(subject: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const instance of instances) {
    const files = (await readdir(instance.outboxDir)).filter((file) => file.endsWith('.eml'));
    for (const file of files) {
      const message = await readFile(path.join(instance.outboxDir, file), 'utf8');
      if (!message.includes(`Subject: ${subject}`)) continue;
      const to = /^To: (?:.*<)?([^\s<>]+@[^\s<>]+?)>?$/m.exec(message)?.[1] ?? '?';
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
  }
  return counts;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL database', () => {
  let groupId = '';
  let emails: string[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase(serverUrl!, 'customers_instances');
    databaseUrl = database.url;

    // Both instances migrate at once on start-up, as `npm start` on two machines would: neither may fail.
    const starting = [openDatabase({ url: databaseUrl, poolSize: 2 }), openDatabase({ url: databaseUrl, poolSize: 2 })];
    await Promise.all(starting.map((handle) => handle.migrate()));
    setDatabase(starting[0]);
    try {
      await bootstrapOwner(OWNER);
      apiKey = (await createApiKey({ actor: { type: 'system', id: null, role: 'owner', name: 'instances e2e' }, input: { name: 'instances', role: 'admin' } })).key;
    } finally {
      setDatabase(undefined);
      await Promise.all(starting.map((handle) => handle.close()));
    }

    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    instances.push(await startInstance('a'), await startInstance('b'));
    try {
      await Promise.all(instances.map((instance) => waitForServer(`${instance.url}/sign-in`, instance.process)));
    } catch (error) {
      for (const instance of instances) console.error(`--- instance ${instance.name} ---\n${instance.log}`);
      throw error;
    }

    const [a, b] = instances;
    groupId = (await api(a, 'POST', '/customer-groups', { name: `Both instances ${RUN}` })).body.id;
    emails = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}.${RUN}@instances.example`);
    // Written through either instance in turn: they share the one database.
    for (const [i, email] of emails.entries()) {
      await api(i % 2 ? b : a, 'POST', '/customers', { firstName: `Reader${i}`, lastName: 'Twice', email, customerGroupId: groupId, emailMarketingConsent: true });
    }
    await api(b, 'POST', '/customers', { firstName: 'Nosy', email: `nosy.${RUN}@instances.example`, customerGroupId: groupId, emailMarketingConsent: false });
  }, 180_000);

  afterAll(async () => {
    for (const instance of instances) instance.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (process.env.E2E_SERVER_LOG) for (const instance of instances) console.log(`--- instance ${instance.name} ---\n${instance.log}`);
    await db?.end();
    await database?.drop();
    for (const instance of instances) rmSync(instance.outboxDir, { recursive: true, force: true });
  });

  it('sends a campaign sent from both instances at once to each consenting customer once', async () => {
    const [a, b] = instances;
    const subject = `Now ${RUN}`;
    const campaign = (await api(a, 'POST', '/campaigns', { name: subject, channel: 'email', subject, body: 'Hello {{firstName}}', customerGroupIds: [groupId] })).body;
    // Two managers press Send on two instances in the same instant.
    const answers = await Promise.all([api(a, 'POST', `/campaigns/${campaign.id}/send`), api(b, 'POST', `/campaigns/${campaign.id}/send`)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(expect.arrayContaining([202]));
    await poll(async () => (await api<{ status: string }>(b, 'GET', `/campaigns/${campaign.id}`)).body.status).toBe('sent');
    const counts = await deliveries(subject);
    expect(total(counts)).toBe(RECIPIENTS);
    expect([...counts.keys()].sort()).toEqual([...emails].sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const { rows } = await db.query<{ count: number }>(`select count(*)::int as count from jobs where kind = 'campaign.send' and payload->>'campaignId' = $1`, [campaign.id]);
    expect(rows[0].count).toBe(1);
  });

  it('sends a scheduled campaign once when it falls due, whichever instance’s worker claims it', async () => {
    const [a] = instances;
    const subject = `Scheduled ${RUN}`;
    const campaign = (await api(a, 'POST', '/campaigns', { name: subject, channel: 'email', subject, body: 'Hello {{firstName}}', customerGroupIds: [groupId] })).body;
    await api(a, 'POST', `/campaigns/${campaign.id}/schedule`, { sendAt: new Date(Date.now() + 3_600_000).toISOString() });
    // Brings the hour forward to now: both workers poll the queue every 2 s and race for the job.
    const moved = await db.query(`update jobs set run_after = now() where kind = 'campaign.scheduled_send' and payload->>'campaignId' = $1 and status = 'queued'`, [campaign.id]);
    expect(moved.rowCount).toBe(1);
    await poll(async () => total(await deliveries(subject))).toBe(RECIPIENTS);
    await poll(async () => (await api<{ status: string }>(a, 'GET', `/campaigns/${campaign.id}`)).body.status).toBe('sent');
    // A few more worker polls on both instances, then still one message each.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const counts = await deliveries(subject);
    expect(counts.size).toBe(RECIPIENTS);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('recomputes stale metrics once, though both instances check, and never runs two recomputes at once', async () => {
    const [a, b] = instances;
    // Both instances found the metrics "never computed" on start-up and at each 10 s check since.
    const recomputes = async () =>
      (await db.query<{ ran: number; jobs: number }>(`select count(*) filter (where result->>'ran' = 'true')::int as ran, count(*)::int as jobs from jobs where kind = 'metrics.recompute' and status = 'succeeded'`)).rows[0];
    await poll(async () => (await recomputes()).ran, 60_000).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect((await recomputes()).ran).toBe(1);

    // Two managers press Recompute on both instances at once. The one that waits for the other's run shares it; on
    // a small shop a run can end before the second request arrives, which then runs after it. Never two at once.
    const asOf = new Date().toISOString().slice(0, 10);
    const [fromA, fromB] = await Promise.all([
      api<{ startedAt: string; durationMs: number }>(a, 'POST', '/metrics/recompute', { asOf }),
      api<{ startedAt: string; durationMs: number }>(b, 'POST', '/metrics/recompute', { asOf }),
    ]);
    const [first, second] = [fromA.body, fromB.body].sort((x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt));
    const shared = first.startedAt === second.startedAt;
    expect(shared || Date.parse(second.startedAt) >= Date.parse(first.startedAt) + first.durationMs).toBe(true);
  }, 120_000);

  it('accepts a session signed in on one instance on the other, and a sign-out on the other ends it on both', async () => {
    const [a, b] = instances;
    const signIn = await fetch(`${a.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.url },
      body: JSON.stringify(OWNER),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    expect(cookie).toContain('session_token=');
    const sessionOn = async (instance: Instance) => {
      const response = await fetch(`${instance.url}/api/auth/get-session`, { headers: { cookie } });
      return ((await response.json()) as { user?: { email: string } } | null)?.user?.email ?? null;
    };
    expect(await sessionOn(b)).toBe(OWNER.email);
    const dashboard = await fetch(`${b.url}/dashboard/customers`, { headers: { cookie }, redirect: 'manual' });
    expect(dashboard.status).toBe(200);

    const signOut = await fetch(`${b.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: b.url, 'content-type': 'application/json' }, body: '{}' });
    expect(signOut.status).toBe(200);
    expect(await sessionOn(a)).toBeNull();
  });

  it('delivers each webhook once while both instances run their delivery workers', async () => {
    const [a, b] = instances;
    const receiver = await startWebhookReceiver();
    try {
      await api(a, 'POST', '/webhooks', { url: receiver.url, events: ['customer.created'], description: 'both instances' });
      const count = 20;
      for (let i = 0; i < count; i++) {
        await api(i % 2 ? b : a, 'POST', '/customers', { firstName: `Hooked${i}`, email: `hooked${i}.${RUN}@instances.example` });
      }
      const ids = () => receiver.received.map((hook) => String(hook.headers['webhook-id']));
      await poll(() => new Set(ids()).size, 60_000).toBe(count);
      // Both workers keep polling the outbox for a while: still one request per event, as each attempt succeeded.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(ids()).toHaveLength(count);
      const names = receiver.received.map((hook) => (JSON.parse(hook.body) as { data: { firstName: string } }).data.firstName).sort();
      expect(names).toEqual(Array.from({ length: count }, (_, i) => `Hooked${i}`).sort());
    } finally {
      await receiver.close();
    }
  }, 120_000);
});

describe.skipIf(!!serverUrl)('two app instances on one database', () => {
  it.skip(SKIP_REASON, () => undefined);
});
