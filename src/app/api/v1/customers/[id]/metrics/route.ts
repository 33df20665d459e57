// GET /api/v1/customers/{id}/metrics – one customer's engagement metrics (RFM, 12-month prediction), null until computed
import { apiRoute, json } from '@/http/api-route';
import { getCustomerEngagement } from '@/services/metrics';

import { pathId } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getCustomerEngagement({ actor, customerId: pathId(params.id, 'customer') })));
