// GET /api/v1/metrics – the as-of setting and the last metrics run (when, how long, segment sizes, model parameters)
import { apiRoute, json } from '@/http/api-route';
import { getMetricsStatus } from '@/services/metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /metrics', async ({ actor }) => json(await getMetricsStatus({ actor })));
