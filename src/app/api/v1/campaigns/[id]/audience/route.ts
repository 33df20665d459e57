// GET /api/v1/campaigns/{id}/audience – who the campaign would reach now: the count and the first few recipients
import { apiRoute, json } from '@/http/api-route';
import { campaignAudienceQuerySchema } from '@/lib/validation/campaign';
import { campaignAudience } from '@/services/campaigns';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /campaigns/{id}/audience', async ({ request, params }) => json(await campaignAudience(params.id, readQuery(request, campaignAudienceQuerySchema))));
