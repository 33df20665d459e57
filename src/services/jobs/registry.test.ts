import { describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { ForbiddenError, NotFoundError } from '../errors';
import { METRICS_RECOMPUTE_JOB } from '../metrics/auto';
import { checkpointJob } from './lease';
import { claimJob, enqueueJob } from './queue';
import { getJob } from './registry';

withTestDatabase();

describe(`getJob (${TEST_DB_KIND})`, () => {
  it('shows a running job’s progress to whoever may read what it works on', async () => {
    const job = await enqueueJob({ kind: METRICS_RECOMPUTE_JOB, payload: {} });
    const claimed = await claimJob({ owner: 'host:1:a', id: job.id });
    await checkpointJob({ id: job.id, owner: claimed!.leaseOwner! }, { done: 40, total: 100, cursor: { after: 'x' } });
    const staff = await createStaffActor('staff');
    expect(await getJob({ actor: staff, id: job.id })).toMatchObject({
      kind: METRICS_RECOMPUTE_JOB,
      status: 'running',
      progress: { done: 40, total: 100 },
      cursor: { after: 'x' },
      leaseOwner: 'host:1:a',
      attempts: 1,
    });
    const shopper: Actor = { type: 'customer', id: crypto.randomUUID(), role: 'customer', name: 'Shopper' };
    await expect(getJob({ actor: shopper, id: job.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('does not find a job of a kind the app does not run, or a malformed id', async () => {
    const staff = await createStaffActor('staff');
    const other = await enqueueJob({ kind: 'test.unknown' });
    await expect(getJob({ actor: staff, id: other.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJob({ actor: staff, id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
