// POST /api/v1/metrics/recompute – recompute every customer's engagement metrics now (managers), optionally as of a day, optionally reading every order
import { apiRoute, json } from '@/http/api-route';
import { metricsRecomputeSchema } from '@/lib/validation/metrics';
import { computeAllCustomerMetrics } from '@/services/metrics';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// Waits for a run already going, then runs (or answers that run when it computed the same: requests at once share one
// run, on any instance); answers the run's summary when done.
export const POST = apiRoute('POST /metrics/recompute', async ({ request, actor }) => {
  const { asOf, readAllOrders } = await readBody(request, metricsRecomputeSchema);
  return json(await computeAllCustomerMetrics({ actor, asOf, readAllOrders, trigger: 'manual' }));
});
