/**
 * npm run bench -- --webhooks 10000 (PostgreSQL: DATABASE_URL)
 * Webhook delivery at scale: half as many customers as events are moved to group A and then to group B in two bulk
 * changes (two set-based transactions), and a worker process delivers every event to a receiver on 127.0.0.1.
 * 1. Rate: events delivered per second, and commit → delivery delay (p50/p95) of the bulk events.
 * 2. Delay of single changes: customers updated one at a time while the worker idles; commit → delivery p50/p95.
 * 3. Crash: the same bulk run, with the worker killed (SIGKILL) a third of the way and started again: no event lost,
 *    each customer's A before its B; duplicates (at least once) counted.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customers, webhookEndpoints } from '@/db/schema';
import { createCustomerGroup } from '@/services/customer-groups';
import { moveCustomers } from '@/services/customer-groups/move-customers';
import { createWebhookEndpoint } from '@/services/webhooks';
import { updateCustomer } from '@/services/customers';
import { createStaffActor } from '@/test/actors';
import { startWebhookReceiver } from '@/test/webhook-receiver';

type Log = (line?: string) => void;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(): Promise<ChildProcess> {
  const child = fork(path.join(process.cwd(), 'bench', 'webhook-worker.ts'), [], { execArgv: ['--import', 'tsx'], env: process.env, stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', () => resolve(child)));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for deliveries');
    await sleep(20);
  }
}

export async function measureWebhooks(events: number, log: Log): Promise<void> {
  process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
  const owner = await createStaffActor('owner', 'Bench owner');
  const people = Math.ceil(events / 2);
  await getDb().delete(webhookEndpoints);
  const tag = `wh${Date.now()}`;
  await getDb().execute(sql`insert into ${customers} (first_name, last_name, email)
    select 'Hook', ${tag} || '-' || g, ${tag} || '-' || g || '@bench.test' from generate_series(1, ${people * 2}) g`);
  const groupA = await createCustomerGroup({ actor: owner, input: { name: `${tag} A` } });
  const groupB = await createCustomerGroup({ actor: owner, input: { name: `${tag} B` } });

  const receiver = await startWebhookReceiver();
  await createWebhookEndpoint({ actor: owner, input: { url: receiver.url, events: ['customer.group_changed', 'customer.updated'] } });

  const bulk = async (half: 0 | 1) => {
    // Each half of the tagged customers is one run's: emails end in -1 … -people or -(people+1) … -(2·people).
    const where = sql`${customers.lastName} like ${tag + '-%'} and split_part(${customers.lastName}, '-', 2)::int between ${half * people + 1} and ${(half + 1) * people}`;
    const moves: number[] = [];
    for (const group of [groupA, groupB]) {
      const started = performance.now();
      await getDb().transaction((tx) => moveCustomers(tx, owner, where, group.id));
      moves.push(Date.now());
      log(`  moved ${people.toLocaleString('en')} customers to ${group.name} in ${(performance.now() - started).toFixed(0)} ms (one transaction, ${people.toLocaleString('en')} events)`);
    }
    return moves;
  };
  const check = (from: number, expected: number) => {
    const got = receiver.received.slice(from).map((hook) => ({ id: String(hook.headers['webhook-id']), body: JSON.parse(hook.body) as { data: { id: string; customerGroupId: string } }, at: hook.receivedAt }));
    const unique = new Set(got.map((hook) => hook.id));
    const lastA = new Map<string, number>();
    const firstB = new Map<string, number>();
    got.forEach((hook, index) => {
      if (hook.body.data.customerGroupId === groupA.id) lastA.set(hook.body.data.id, index);
      else if (!firstB.has(hook.body.data.id)) firstB.set(hook.body.data.id, index);
    });
    const outOfOrder = [...firstB].filter(([id, index]) => (lastA.get(id) ?? -1) > index).length;
    return { got, unique: unique.size, missing: expected - unique.size, duplicates: got.length - unique.size, outOfOrder };
  };

  log(`1. Bulk: ${events.toLocaleString('en')} events (${people.toLocaleString('en')} customers moved to A, then to B), one worker process (4 loops × 50)`);
  let worker = await startWorker();
  let started = Date.now();
  let commits = await bulk(0);
  await waitFor(() => receiver.received.length >= people * 2, 600_000);
  let seconds = (receiver.received[receiver.received.length - 1].receivedAt - started) / 1000;
  let result = check(0, people * 2);
  const delays = result.got.map((hook) => hook.at - (hook.body.data.customerGroupId === groupA.id ? commits[0] : commits[1]));
  log(`  delivered ${result.unique.toLocaleString('en')} of ${(people * 2).toLocaleString('en')} in ${seconds.toFixed(1)} s from the first commit: ${Math.round(result.unique / seconds).toLocaleString('en')} events/s; ` +
    `commit → delivery p50 ${percentile(delays, 50)} ms, p95 ${percentile(delays, 95)} ms; missing ${result.missing}, duplicates ${result.duplicates}, out of order ${result.outOfOrder}`);

  log('2. Single changes: 200 customer updates, 25 ms apart, while the worker idles');
  const singles = await getDb().select({ id: customers.id }).from(customers).where(sql`${customers.lastName} like ${tag + '-%'}`).limit(200);
  const from = receiver.received.length;
  const committedAt = new Map<string, number>();
  for (const [index, { id }] of singles.entries()) {
    await updateCustomer({ actor: owner, id, input: { notes: `bench ${index}` } });
    committedAt.set(id, Date.now());
    await sleep(25);
  }
  await waitFor(() => receiver.received.length >= from + singles.length, 60_000);
  const single = receiver.received.slice(from).map((hook) => hook.receivedAt - committedAt.get((JSON.parse(hook.body) as { data: { id: string } }).data.id)!);
  log(`  commit → delivery p50 ${percentile(single, 50)} ms, p95 ${percentile(single, 95)} ms (worker polls every 200 ms when idle)`);

  log(`3. Crash: the bulk run again on other customers, the worker killed with SIGKILL after a third, then started again`);
  const before = receiver.received.length;
  started = Date.now();
  commits = await bulk(1);
  await waitFor(() => receiver.received.length - before >= (people * 2) / 3, 600_000);
  worker.kill('SIGKILL');
  log(`  killed the worker after ${(receiver.received.length - before).toLocaleString('en')} deliveries; starting it again (its claimed deliveries wait for their 60 s lease)`);
  await sleep(500);
  worker = await startWorker();
  await waitFor(() => new Set(receiver.received.slice(before).map((hook) => hook.headers['webhook-id'])).size >= people * 2, 600_000);
  seconds = (Date.now() - started) / 1000;
  result = check(before, people * 2);
  log(`  delivered ${result.unique.toLocaleString('en')} of ${(people * 2).toLocaleString('en')} in ${seconds.toFixed(1)} s; missing ${result.missing}, duplicates ${result.duplicates} (at least once), out of order ${result.outOfOrder}`);
  worker.kill('SIGTERM');
  await receiver.close();
  void commits;
}
