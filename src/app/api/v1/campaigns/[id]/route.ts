// GET /api/v1/campaigns/{id} – one campaign with its target groups and how many deliveries are pending, sent, failed
import { apiRoute, json } from '@/http/api-route';
import { getCampaign } from '@/services/campaigns';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /campaigns/{id}', async ({ params }) => json(await getCampaign({ id: params.id })));
