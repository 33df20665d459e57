import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { classificationRuns, classificationSuggestions, customerGroups } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../errors';
import { completeOrder, createOrder } from '../orders';
import { cancelClassificationRun, getClassificationRun, pauseClassificationRun, processClassificationRun, resumeClassificationRun, startClassificationRun } from './runs';

withTestDatabase();

const system: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };
let manager: Actor & { type: 'staff' };
const group: Record<string, string> = {};
const traders: string[] = [];
const retail: string[] = [];

async function customer(name: string, groupName: string, items: number | null): Promise<string> {
  const created = await createCustomer({ actor: system, input: { firstName: name, email: `${crypto.randomUUID()}@example.com`, customerGroupId: group[groupName], tags: items ? ['trade'] : [] } });
  for (const daysAgo of items ? [10, 40] : []) {
    const order = await createOrder({
      actor: system,
      input: { customerId: created.id, items: [{ sku: 'X', name: 'Box', quantity: items!, unitPrice: 300 }], placedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() },
    });
    await completeOrder({ actor: system, id: order.id });
  }
  return created.id;
}

beforeAll(async () => {
  for (const row of await getDb().select().from(customerGroups)) group[row.name] = row.id;
  manager = await createStaffActor('owner', 'Olive Owner');
  // 12 traders in Retail (each gets a Wholesaler suggestion) and 13 shoppers already in Retail (none).
  for (let i = 0; i < 12; i += 1) traders.push(await customer(`Trader ${i}`, 'Retail', 40));
  for (let i = 0; i < 13; i += 1) retail.push(await customer(`Shopper ${i}`, 'Retail', null));
}, 300_000);

const suggestionsOf = (runId: string) => getDb().select().from(classificationSuggestions).where(eq(classificationSuggestions.runId, runId));

describe(`classification runs (${TEST_DB_KIND})`, () => {
  it('resumes after an interruption without duplicates, and the counts add up', async () => {
    const run = await startClassificationRun({ actor: manager, inBackground: false });
    expect(run).toMatchObject({ status: 'running', total: 25, processed: 0 });
    // Only one run at a time.
    await expect(startClassificationRun({ actor: manager, inBackground: false })).rejects.toBeInstanceOf(ConflictError);

    // The process "dies" after two batches of 5, and its heartbeat goes quiet.
    await processClassificationRun({ id: run.id, batchSize: 5, maxBatches: 2 });
    await getDb().update(classificationRuns).set({ heartbeatAt: sql`now() - interval '2 minutes'` }).where(eq(classificationRuns.id, run.id));
    const interrupted = await getClassificationRun({ actor: manager, id: run.id });
    expect(interrupted).toMatchObject({ status: 'running', isInterrupted: true, processed: 10 });
    await expect(startClassificationRun({ actor: manager, inBackground: false })).rejects.toThrow(/interrupted; resume or cancel/);

    const resumed = await resumeClassificationRun({ actor: manager, id: run.id, inBackground: false });
    expect(resumed).toMatchObject({ status: 'running', isInterrupted: false });
    // A stale worker of the old process that wakes up now cannot write the batch the resumed worker writes.
    // Whichever worker loses a batch stops at once, so only the run as stored says when it finished.
    await Promise.all([processClassificationRun({ id: run.id, batchSize: 5 }), processClassificationRun({ id: run.id, batchSize: 5 })]);
    const done = await getClassificationRun({ actor: manager, id: run.id });
    expect(done).toMatchObject({ status: 'completed', total: 25, processed: 25, suggested: 12, fallbacks: 0 });
    expect(done.finishedAt).not.toBeNull();

    const stored = await suggestionsOf(run.id);
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((s) => s.customerId))).toEqual(new Set(traders));
    expect(stored.every((s) => s.suggestedGroupId === group.Wholesaler && s.status === 'pending')).toBe(true);
  });

  it('classifies only the filtered customers, replaces pending suggestions, and can be paused, resumed and cancelled', async () => {
    await expect(startClassificationRun({ actor: await createStaffActor('staff'), inBackground: false })).rejects.toBeInstanceOf(ForbiddenError);
    const run = await startClassificationRun({ actor: manager, input: { filter: { tag: 'trade' } }, inBackground: false });
    expect(run.total).toBe(12);
    await pauseClassificationRun({ actor: manager, id: run.id });
    // A paused run's worker stops without writing.
    expect((await processClassificationRun({ id: run.id, batchSize: 5 })).processed).toBe(0);
    await resumeClassificationRun({ actor: manager, id: run.id, inBackground: false });
    await processClassificationRun({ id: run.id, batchSize: 5 });
    expect(await getClassificationRun({ actor: manager, id: run.id })).toMatchObject({ status: 'completed', processed: 12, suggested: 12 });
    // The newer run's suggestions replaced the older ones: still one pending per trader.
    const pending = await getDb().select().from(classificationSuggestions).where(eq(classificationSuggestions.status, 'pending'));
    expect(pending).toHaveLength(12);
    expect(new Set(pending.map((s) => s.runId))).toEqual(new Set([run.id]));
    await expect(resumeClassificationRun({ actor: manager, id: run.id, inBackground: false })).rejects.toBeInstanceOf(ConflictError);

    const another = await startClassificationRun({ actor: manager, inBackground: false });
    expect(await cancelClassificationRun({ actor: manager, id: another.id })).toMatchObject({ status: 'failed', error: 'Cancelled by Olive Owner' });
  });

  it('refuses a last-order range whose "until" is before its "from", naming the field, and starts nothing', async () => {
    const before = await getDb().select({ id: classificationRuns.id }).from(classificationRuns);
    const refusal = await startClassificationRun({ actor: manager, input: { filter: { lastOrderAfter: '2025-06-01', lastOrderBefore: '2025-01-01' } }, inBackground: false }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    expect((refusal as ValidationFailedError).fieldErrors).toEqual([{ path: 'filter.lastOrderBefore', message: 'This date is before the “from” date' }]);
    expect(await getDb().select({ id: classificationRuns.id }).from(classificationRuns)).toHaveLength(before.length);
  });

  it('runs in the background and finishes by itself', async () => {
    const run = await startClassificationRun({ actor: manager });
    for (let i = 0; i < 200; i += 1) {
      if ((await getClassificationRun({ actor: manager, id: run.id })).status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await getClassificationRun({ actor: manager, id: run.id })).toMatchObject({ status: 'completed', processed: 25, suggested: 12 });
  });
});
