// GET /api/v1/staff/{id}/metrics?from=&to= – one member's acquired customers and the revenue they brought, per month
import { apiRoute, json } from '@/http/api-route';
import { staffMetricsQuerySchema } from '@/lib/validation/staff-metrics';
import { getStaffMetrics } from '@/services/staff-metrics';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /staff/{id}/metrics', async ({ request, actor, params }) =>
  json(await getStaffMetrics({ actor, id: params.id, query: readQuery(request, staffMetricsQuerySchema) })),
);
