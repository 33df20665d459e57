import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { jobs } from '@/db/schema';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { claimJob, enqueueJob } from '../jobs/queue';
import { readJob } from '../jobs/read';
import { METRICS_RECOMPUTE_JOB, recomputeMetricsIfStale } from './auto';
import { readLastRun } from './settings';

withTestDatabase();

describe(`the automatic metrics recompute as a job (${TEST_DB_KIND})`, () => {
  it('does not run while another instance holds the metrics job, and takes it over once that lease runs out', async () => {
    const job = await enqueueJob({ kind: METRICS_RECOMPUTE_JOB, key: METRICS_RECOMPUTE_JOB });
    await claimJob({ owner: 'other-instance:1:x', id: job.id });
    expect(await recomputeMetricsIfStale()).toEqual({ reason: 'never computed', ran: false });
    expect(await readLastRun()).toBeNull();

    // The other instance died mid-run.
    await getDb().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    expect(await recomputeMetricsIfStale()).toEqual({ reason: 'never computed', ran: true });
    expect((await readLastRun())?.trigger).toBe('automatic');
    expect(await readJob(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: { reason: 'never computed', ran: true } });
  });

  it('runs once when two instances find the metrics stale at the same moment', async () => {
    await getDb().execute(sql`delete from shop_settings where key = 'metrics.lastRun'`);
    const outcomes = await Promise.all([recomputeMetricsIfStale(), recomputeMetricsIfStale()]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(await recomputeMetricsIfStale()).toEqual({ reason: null, ran: false });
  });
});
