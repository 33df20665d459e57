// GET /api/v1/staff?from=&to= – the staff members the caller may see, with customers acquired and revenue for the period
import { apiRoute, json } from '@/http/api-route';
import { staffMetricsQuerySchema } from '@/lib/validation/staff-metrics';
import { listStaffPerformance } from '@/services/staff-metrics';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /staff', async ({ request, actor }) => json(await listStaffPerformance({ actor, query: readQuery(request, staffMetricsQuerySchema) })));
