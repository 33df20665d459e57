// Next.js calls register() once per server process. In the Node runtime it starts the engagement-metrics job, which
// recomputes every customer's metrics when orders changed since the last run (see services/metrics/auto.ts).
// METRICS_AUTO_RECOMPUTE=0 turns it off; METRICS_RECOMPUTE_INTERVAL_SECONDS sets how often it checks (default 120).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.METRICS_AUTO_RECOMPUTE === '0' || process.env.VITEST || process.env.NODE_ENV === 'test') return;
  const { startMetricsJob } = await import('@/services/metrics/auto');
  const seconds = Number(process.env.METRICS_RECOMPUTE_INTERVAL_SECONDS ?? 120);
  startMetricsJob(Math.max(10, Number.isFinite(seconds) ? seconds : 120) * 1000);
}
