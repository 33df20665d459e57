import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { classificationSuggestions, customerGroups, jobs } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { readJob } from '../jobs/read';
import { claimJob } from '../jobs/queue';
import { runJobNow } from '../jobs/run';
import { completeOrder, createOrder } from '../orders';
import { CLASSIFICATION_RUN_JOB, classificationRunJob, getClassificationRun, pauseClassificationRun, processClassificationRun, resumeClassificationRun, startClassificationRun } from './runs';

withTestDatabase();

const system: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };
let manager: Actor;

beforeAll(async () => {
  const [retail] = await getDb().select().from(customerGroups).where(eq(customerGroups.name, 'Retail'));
  manager = await createStaffActor('owner', 'Olive Owner');
  // 8 traders in Retail, each of whom gets a Wholesaler suggestion.
  for (let i = 0; i < 8; i += 1) {
    const customer = await createCustomer({ actor: system, input: { firstName: `Trader ${i}`, email: `${crypto.randomUUID()}@example.com`, customerGroupId: retail.id } });
    for (const daysAgo of [10, 40]) {
      const order = await createOrder({ actor: system, input: { customerId: customer.id, items: [{ sku: 'X', name: 'Box', quantity: 40, unitPrice: 300 }], placedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() } });
      await completeOrder({ actor: system, id: order.id });
    }
  }
}, 120_000);

const jobOf = async (runId: string) => (await getDb().select().from(jobs).where(eq(jobs.key, `${CLASSIFICATION_RUN_JOB}:${runId}`)))[0];

describe(`classification runs as jobs (${TEST_DB_KIND})`, () => {
  it('is taken over after its worker stopped, from the cursor, with the counts on the job too', async () => {
    const run = await startClassificationRun({ actor: manager, inBackground: false });
    await processClassificationRun({ id: run.id, batchSize: 3, maxBatches: 2 });
    const { id } = await jobOf(run.id);
    expect(await readJob(id)).toMatchObject({ status: 'queued', progress: { done: 6, total: 8 } });
    // Another instance's worker takes it and its process dies: the lease runs out with nobody renewing it.
    await claimJob({ owner: 'dead-host:1:x', id });
    await getDb().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));

    expect(await runJobNow({ id, definition: classificationRunJob({ batchSize: 3 }) })).toMatchObject({ status: 'succeeded', result: { status: 'completed' } });
    expect(await getClassificationRun({ actor: manager, id: run.id })).toMatchObject({ status: 'completed', processed: 8, suggested: 8 });
    expect(await readJob(id)).toMatchObject({ status: 'succeeded', progress: { done: 8, total: 8 } });
    const stored = await getDb().select().from(classificationSuggestions).where(eq(classificationSuggestions.runId, run.id));
    expect(stored).toHaveLength(8);
  });

  it('pausing pauses the job, so no worker takes it until it is resumed', async () => {
    const run = await startClassificationRun({ actor: manager, inBackground: false });
    // Holds the job and gives it back at once, leaving it queued.
    await processClassificationRun({ id: run.id, maxBatches: 0 });
    await pauseClassificationRun({ actor: manager, id: run.id });
    const job = await jobOf(run.id);
    expect(job.status).toBe('paused');
    expect(await runJobNow({ id: job.id, definition: classificationRunJob() })).toBeNull();
    await resumeClassificationRun({ actor: manager, id: run.id });
    await expect.poll(async () => (await getClassificationRun({ actor: manager, id: run.id })).status, { timeout: 15_000 }).toBe('completed');
    await expect.poll(async () => (await readJob(job.id))?.status).toBe('succeeded');
  });
});
