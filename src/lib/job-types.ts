// Background job shapes returned by services/jobs (kept beside lib/types.ts, which other work edits).

export type JobStatus = 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  /** Null until the job knows how much there is to do. */
  total: number | null;
}

export interface Job {
  id: string;
  kind: string;
  key: string | null;
  status: JobStatus;
  payload: Record<string, unknown>;
  progress: JobProgress;
  /** Where the work got to: a worker that takes the job over resumes after it. */
  cursor: unknown;
  result: unknown;
  error: string | null;
  attempts: number;
  /** The worker holding the job while it runs, and until when, unless it renews. */
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  heartbeatAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
