// GET /api/v1/customers/{id}/metrics – one customer's engagement metrics (RFM, 12-month prediction), null until computed
import { apiRoute, json } from '@/http/api-route';
import { getCustomerEngagement } from '@/services/metrics';


export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /customers/{id}/metrics', async ({ actor, params }) => json(await getCustomerEngagement({ actor, customerId: params.id })));
