// Next.js calls register() once per server process. In the Node runtime it starts the background-job worker, which
// runs campaign sends, classification runs and metrics recomputes, taking over those of a stopped instance (see
// services/jobs; JOB_WORKER=0 leaves them, and webhook deliveries, to other instances), and the engagement-metrics check, which recomputes every
// customer's metrics when orders changed since the last run (see services/metrics/auto.ts).
// METRICS_AUTO_RECOMPUTE=0 turns that off; METRICS_RECOMPUTE_INTERVAL_SECONDS sets how often it checks (default 120).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV === 'test') return;
  // Webhook deliveries: their own loop (many short HTTP calls), claimed with SKIP LOCKED and a lease like the jobs. It
  // runs in the browser journeys' server too (started under vitest), which sends nothing until an endpoint exists.
  if (process.env.JOB_WORKER !== '0') {
    const { startWebhookWorker } = await import('@/services/webhooks');
    startWebhookWorker();
  }
  if (process.env.VITEST) return;
  if (process.env.JOB_WORKER !== '0') {
    const { startBackgroundJobs } = await import('@/services/jobs/registry');
    startBackgroundJobs();
  }
  if (process.env.METRICS_AUTO_RECOMPUTE === '0') return;
  const { startMetricsJob } = await import('@/services/metrics/auto');
  const seconds = Number(process.env.METRICS_RECOMPUTE_INTERVAL_SECONDS ?? 120);
  startMetricsJob(Math.max(10, Number.isFinite(seconds) ? seconds : 120) * 1000);
}
