import { eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { jobs, type JobRow } from '@/db/schema';
import type { Job } from '@/lib/job-types';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    status: row.status,
    payload: row.payload,
    progress: { done: row.progressDone, total: row.progressTotal },
    cursor: row.cursor ?? null,
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    leaseOwner: row.leaseOwner,
    leaseExpiresAt: iso(row.leaseExpiresAt),
    heartbeatAt: iso(row.heartbeatAt),
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** The job as stored, or null: for services, which check permissions themselves. */
export async function readJob(id: string): Promise<Job | null> {
  const [row] = await getDb().select().from(jobs).where(eq(jobs.id, id));
  return row ? toJob(row) : null;
}
