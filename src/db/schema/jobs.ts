import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';

export const JOB_STATUSES = ['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled'] as const;

// Background work (campaign sends, classification runs, metrics recomputes), run by whichever app instance holds its
// lease: services/jobs. A running job whose lease_expires_at has passed lost its worker and goes back to the queue.
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    // At most one queued, running or paused job per key (one send per campaign, one metrics recompute at a time).
    key: text('key'),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    // Where the work got to, saved by the lease holder: a worker that takes over resumes after it.
    cursor: jsonb('cursor').$type<unknown>(),
    // Not claimed before this moment (a scheduled campaign send); null: as soon as a worker is free.
    runAfter: timestampMs('run_after'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    // Claims so far; a job whose lease ran out this many times fails instead of going back to the queue.
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: timestampMs('lease_expires_at'),
    heartbeatAt: timestampMs('heartbeat_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestampMs('started_at'),
    finishedAt: timestampMs('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_active_key_idx').on(t.key).where(sql`${t.status} in ('queued', 'running', 'paused')`),
    // The workers' claim (oldest queued first) and reclaim (running with a lease that ran out).
    index('jobs_queued_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'queued'`),
    index('jobs_lease_idx').on(t.leaseExpiresAt).where(sql`${t.status} = 'running'`),
    index('jobs_kind_created_idx').on(t.kind, t.createdAt),
    check('jobs_progress', sql`${t.progressDone} >= 0 and (${t.progressTotal} is null or ${t.progressTotal} >= 0)`),
    check('jobs_running_has_lease', sql`${t.status} <> 'running' or (${t.leaseOwner} is not null and ${t.leaseExpiresAt} is not null)`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
