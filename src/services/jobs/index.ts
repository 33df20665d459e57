// Background jobs: one runner for campaign sends, classification runs, metrics recomputes and the imports to come.
// A kind's code imports from the files themselves (queue, lease, run); the registry imports every kind.
export { cancelJob, claimJob, enqueueJob, LEASE_MS, pauseJob, pruneFinishedJobs, reclaimExpiredJobs, rescheduleJob, resumeJob, type JobRef } from './queue';
export { checkpointJob, completeJob, failJob, LeaseLostError, releaseJob, renewLease, type Checkpoint, type Lease } from './lease';
export { executeJob, runJobInBackground, runJobNow, type JobContext, type JobDefinition, type JobOutcome } from './run';
export { readJob, toJob } from './read';
export { getJob, JOB_DEFINITIONS, startBackgroundJobs } from './registry';
export { startJobWorker } from './worker';
