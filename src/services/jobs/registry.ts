/**
 * Every kind of background job the app runs, for the process-wide worker (started by instrumentation.ts) and for
 * reading a job's progress. A new kind (an import, say) adds its definition here.
 */
import type { Job } from '@/lib/job-types';
import type { Actor } from '@/lib/types';

import { campaignScheduledSendJob } from '../campaigns/schedule';
import { campaignSendJob } from '../campaigns/send';
import { customerImportJob } from '../customer-import/job';
import { classificationRunJob } from '../classification/runs';
import { NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { metricsRecomputeJob } from '../metrics/auto';
import { assertCan } from '../permissions';
import { readJob } from './read';
import { startJobWorker, type JobWorkerOptions } from './worker';

export const JOB_DEFINITIONS = [campaignSendJob, campaignScheduledSendJob, classificationRunJob(), metricsRecomputeJob, customerImportJob] as const;

const NOT_FOUND = 'No job with this id';

/** One job with its status and progress, for those who may read what it works on. Throws NotFoundError, ForbiddenError. */
export async function getJob({ actor, id }: { actor: Actor; id: string }): Promise<Job> {
  assertUuid(id, NOT_FOUND);
  const job = await readJob(id);
  const definition = JOB_DEFINITIONS.find((candidate) => candidate.kind === job?.kind);
  if (!job || !definition) throw new NotFoundError(NOT_FOUND);
  assertCan(actor, definition.readPermission);
  return job;
}

// Kept on globalThis so that Next.js dev reloads do not start a second worker in one process.
const globalForJobs = globalThis as unknown as { stopJobWorker?: () => void };

/** Starts this process's worker for every kind (once per process). Returns a stop function. */
export function startBackgroundJobs(options: Omit<JobWorkerOptions, 'definitions'> = {}): () => void {
  globalForJobs.stopJobWorker ??= startJobWorker({ ...options, definitions: [...JOB_DEFINITIONS] });
  return globalForJobs.stopJobWorker;
}
