import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { jobs } from '@/db/schema';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { checkpointJob, completeJob, LeaseLostError, renewLease } from './lease';
import { cancelJob, claimJob, enqueueJob, pauseJob, pruneFinishedJobs, reclaimExpiredJobs, rescheduleJob, resumeJob } from './queue';
import { readJob } from './read';
import { executeJob, newLeaseOwner, runJobNow, type JobDefinition } from './run';
import { startJobWorker } from './worker';

withTestDatabase();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowOf = async (id: string) => (await getDb().select().from(jobs).where(eq(jobs.id, id)))[0];
// Lets a lease run out without waiting for it.
const expireLease = (id: string) => getDb().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));

/** Counts items `from` the cursor up to `count`, checkpointing after each; records what it did. */
function counter(count: number, seen: number[], { stopAfter = Infinity, onItem }: { stopAfter?: number; onItem?: (item: number) => Promise<void> } = {}): JobDefinition<{ label: string }, { counted: number }> {
  return {
    kind: 'test.count',
    readPermission: 'metrics:read',
    async run({ job, checkpoint }) {
      let item = job.cursor === null || job.cursor === undefined ? 0 : Number(job.cursor) + 1;
      let counted = 0;
      for (; item < count && counted < stopAfter; item += 1) {
        seen.push(item);
        counted += 1;
        await checkpoint({ cursor: item, done: item + 1, total: count });
        await onItem?.(item);
      }
      return { counted };
    },
  };
}

describe(`the job queue (${TEST_DB_KIND})`, () => {
  it('gives a queued job to exactly one of several workers claiming at once', async () => {
    const job = await enqueueJob({ kind: 'test.race-one' });
    const owners = Array.from({ length: 8 }, () => newLeaseOwner());
    const claims = await Promise.all(owners.map((owner) => claimJob({ owner, kinds: ['test.race-one'] })));
    const winners = claims.filter((claim) => claim !== null);
    expect(winners).toHaveLength(1);
    expect(await rowOf(job.id)).toMatchObject({ status: 'running', leaseOwner: winners[0]!.leaseOwner, attempts: 1 });
  });

  it('hands each of many jobs to one worker only', async () => {
    for (let i = 0; i < 20; i += 1) await enqueueJob({ kind: 'test.race-many', payload: { i } });
    const worker = async () => {
      const owner = newLeaseOwner();
      const taken: string[] = [];
      for (;;) {
        const claimed = await claimJob({ owner, kinds: ['test.race-many'] });
        if (!claimed) return taken;
        taken.push(claimed.id);
      }
    };
    const taken = (await Promise.all([worker(), worker(), worker(), worker()])).flat();
    expect(taken).toHaveLength(20);
    expect(new Set(taken).size).toBe(20);
  });

  it('leaves a job queued until its runAfter, and a rescheduled one until its new time', async () => {
    const owner = newLeaseOwner();
    const later = await enqueueJob({ kind: 'test.later', runAfter: new Date(Date.now() + 60_000) });
    expect(await claimJob({ owner, kinds: ['test.later'] })).toBeNull();
    expect(await rescheduleJob({ id: later.id }, new Date(Date.now() - 1_000))).toMatchObject({ status: 'queued' });
    expect(await claimJob({ owner, kinds: ['test.later'] })).toMatchObject({ id: later.id, status: 'running' });
    // Only a queued job moves: one already claimed keeps going.
    expect(await rescheduleJob({ id: later.id }, new Date(Date.now() + 60_000))).toBeNull();
  });

  it('keeps one active job per key, and takes the key again once that job has finished', async () => {
    const [a, b] = await Promise.all([enqueueJob({ kind: 'test.keyed', key: 'only-one' }), enqueueJob({ kind: 'test.keyed', key: 'only-one' })]);
    expect(b.id).toBe(a.id);
    const claimed = await claimJob({ owner: newLeaseOwner(), id: a.id });
    expect(await completeJob({ id: a.id, owner: claimed!.leaseOwner! }, { ok: true })).toBe(true);
    const next = await enqueueJob({ kind: 'test.keyed', key: 'only-one' });
    expect(next.id).not.toBe(a.id);
    expect(await readJob(a.id)).toMatchObject({ status: 'succeeded', result: { ok: true }, leaseOwner: null });
  });

  it('takes back a job whose lease ran out and resumes it from its cursor', async () => {
    const job = await enqueueJob({ kind: 'test.count' });
    // Worker A counts 0..3 and its process dies: no completion, no more heartbeats.
    const a = await claimJob({ owner: newLeaseOwner(), id: job.id });
    for (let item = 0; item < 4; item += 1) await checkpointJob({ id: job.id, owner: a!.leaseOwner! }, { cursor: item, done: item + 1, total: 10 });
    expect(await reclaimExpiredJobs({ id: job.id })).toEqual({ requeued: 0, failed: 0 });
    await expireLease(job.id);
    expect(await reclaimExpiredJobs({ id: job.id })).toEqual({ requeued: 1, failed: 0 });
    expect(await readJob(job.id)).toMatchObject({ status: 'queued', cursor: 3, progress: { done: 4, total: 10 }, leaseOwner: null });

    const seen: number[] = [];
    const outcome = await runJobNow({ id: job.id, definition: counter(10, seen) });
    expect(outcome).toEqual({ status: 'succeeded', result: { counted: 6 } });
    expect(seen).toEqual([4, 5, 6, 7, 8, 9]);
    expect(await readJob(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, progress: { done: 10, total: 10 }, cursor: 9 });
  });

  it('refuses a heartbeat, checkpoint or completion from a worker that lost its lease', async () => {
    const job = await enqueueJob({ kind: 'test.lost' });
    const a = { id: job.id, owner: (await claimJob({ owner: newLeaseOwner(), id: job.id }))!.leaseOwner! };
    // Ran out, but nobody took it over: still A's to renew.
    await expireLease(job.id);
    expect(await renewLease(a)).toBe(true);
    await expireLease(job.id);
    await reclaimExpiredJobs();
    const b = { id: job.id, owner: (await claimJob({ owner: newLeaseOwner(), id: job.id }))!.leaseOwner! };
    expect(await renewLease(a, { done: 99 })).toBe(false);
    await expect(checkpointJob(a, { cursor: 'A' })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await completeJob(a)).toBe(false);
    expect(await readJob(job.id)).toMatchObject({ status: 'running', leaseOwner: b.owner, progress: { done: 0 }, cursor: null });
    expect(await completeJob(b)).toBe(true);
  });

  it('fails a job whose worker stopped as often as it may be tried', async () => {
    const job = await enqueueJob({ kind: 'test.poison', maxAttempts: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await claimJob({ owner: newLeaseOwner(), id: job.id });
      await expireLease(job.id);
      await reclaimExpiredJobs({ id: job.id });
    }
    expect(await readJob(job.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'Its worker stopped 2 times without finishing' });
    expect(await claimJob({ owner: newLeaseOwner(), id: job.id })).toBeNull();
  });

  it('prunes only jobs that finished long enough ago', async () => {
    const old = await enqueueJob({ kind: 'test.prune' });
    await cancelJob({ id: old.id });
    await getDb().update(jobs).set({ finishedAt: sql`now() - interval '31 days'` }).where(eq(jobs.id, old.id));
    const recent = await enqueueJob({ kind: 'test.prune' });
    await cancelJob({ id: recent.id });
    const queued = await enqueueJob({ kind: 'test.prune' });
    expect(await pruneFinishedJobs({ olderThanDays: 30 })).toBe(1);
    expect(await readJob(old.id)).toBeNull();
    expect((await readJob(recent.id))?.status).toBe('cancelled');
    expect((await readJob(queued.id))?.status).toBe('queued');
  });
});

describe(`running jobs (${TEST_DB_KIND})`, () => {
  it('shows progress while running and the result when done', async () => {
    const job = await enqueueJob({ kind: 'test.count' });
    const during: unknown[] = [];
    const definition = counter(3, [], { onItem: async (item) => void during.push((await readJob(job.id))?.progress ?? item) });
    await runJobNow({ id: job.id, definition });
    expect(during).toEqual([{ done: 1, total: 3 }, { done: 2, total: 3 }, { done: 3, total: 3 }]);
    const done = await readJob(job.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { counted: 3 }, leaseOwner: null, leaseExpiresAt: null, error: null });
    expect(done?.finishedAt).not.toBeNull();
    expect(await runJobNow({ id: job.id, definition })).toBeNull();
  });

  it('renews the lease while a handler works between checkpoints', async () => {
    const job = await enqueueJob({ kind: 'test.slow' });
    const claimed = (await claimJob({ owner: newLeaseOwner(), id: job.id, leaseMs: 300 }))!;
    const outcome = await executeJob(claimed, { kind: 'test.slow', readPermission: 'metrics:read', run: () => sleep(900).then(() => 'slow') }, { leaseMs: 300 });
    // Three leases long, yet never free to take: the heartbeat kept it.
    expect(outcome).toEqual({ status: 'succeeded', result: 'slow' });
  });

  it('stops a handler at its next checkpoint once its job is paused, and resumes from the cursor', async () => {
    const job = await enqueueJob({ kind: 'test.count', key: 'pausable' });
    const seen: number[] = [];
    const outcome = await runJobNow({ id: job.id, definition: counter(10, seen, { onItem: async (item) => void (item === 2 && (await pauseJob({ key: 'pausable' }))) }) });
    expect(outcome).toEqual({ status: 'lost' });
    // Item 3 was worked on, but its checkpoint was refused: the cursor stays at 2, and 3 is done again on resume.
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(await readJob(job.id)).toMatchObject({ status: 'paused', cursor: 2 });
    expect(await runJobNow({ id: job.id, definition: counter(10, seen) })).toBeNull();
    await resumeJob({ key: 'pausable' });
    expect(await runJobNow({ id: job.id, definition: counter(10, seen) })).toMatchObject({ status: 'succeeded' });
    expect(seen).toEqual([0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    const cancelled = await enqueueJob({ kind: 'test.count', key: 'pausable' });
    expect(await cancelJob({ key: 'pausable' }, 'Not wanted')).toMatchObject({ id: cancelled.id, status: 'cancelled', error: 'Not wanted' });
  });

  it('records a handler error as the failure, and a release puts the job back in the queue', async () => {
    const failing = await enqueueJob({ kind: 'test.fail' });
    const outcome = await runJobNow({ id: failing.id, definition: { kind: 'test.fail', readPermission: 'metrics:read', run: () => Promise.reject(new Error('disk full')) } });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(await readJob(failing.id)).toMatchObject({ status: 'failed', error: 'disk full' });

    const partial = await enqueueJob({ kind: 'test.count' });
    const seen: number[] = [];
    const stopping: JobDefinition<{ label: string }, { counted: number }> = {
      ...counter(5, seen, { stopAfter: 2 }),
      async run(context) {
        const result = await counter(5, seen, { stopAfter: 2 }).run(context);
        await context.release();
        return result;
      },
    };
    expect(await runJobNow({ id: partial.id, definition: stopping })).toEqual({ status: 'released' });
    expect(await readJob(partial.id)).toMatchObject({ status: 'queued', cursor: 1, leaseOwner: null });
  });

  it('the worker runs queued jobs of its kinds, two at a time, and takes over one whose worker died', async () => {
    const crashed = await enqueueJob({ kind: 'test.worker' });
    const dead = await claimJob({ owner: 'dead-host:1:x', id: crashed.id });
    await checkpointJob({ id: crashed.id, owner: dead!.leaseOwner! }, { cursor: 4 });
    await expireLease(crashed.id);
    const fresh = await Promise.all([1, 2, 3].map(() => enqueueJob({ kind: 'test.worker' })));
    const other = await enqueueJob({ kind: 'test.unknown-kind' });
    const seen: number[] = [];
    let atOnce = 0;
    let mostAtOnce = 0;
    const definition: JobDefinition = {
      ...counter(6, seen),
      kind: 'test.worker',
      async run(context) {
        atOnce += 1;
        mostAtOnce = Math.max(mostAtOnce, atOnce);
        await sleep(50);
        const result = await counter(6, seen).run(context as never);
        atOnce -= 1;
        return result;
      },
    };
    const stop = startJobWorker({ definitions: [definition], pollMs: 20, concurrency: 2, log: () => undefined });
    try {
      for (const job of [crashed, ...fresh]) await expect.poll(async () => (await readJob(job.id))?.status, { timeout: 10_000 }).toBe('succeeded');
    } finally {
      stop();
    }
    expect((await readJob(crashed.id))?.result).toEqual({ counted: 1 });
    expect(seen.filter((item) => item === 0)).toHaveLength(3);
    expect(mostAtOnce).toBeLessThanOrEqual(2);
    expect((await readJob(other.id))?.status).toBe('queued');
  });
});
