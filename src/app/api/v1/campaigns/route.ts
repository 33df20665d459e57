// GET /api/v1/campaigns – campaigns newest first with delivery counts, keyset-paged; POST – save a draft campaign
import { apiRoute, json } from '@/http/api-route';
import { campaignFieldsSchema, campaignListQuerySchema } from '@/lib/validation/campaign';
import { createCampaign, listCampaigns } from '@/services/campaigns';

import { readBody, readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /campaigns', async ({ request }) => json(await listCampaigns(readQuery(request, campaignListQuerySchema))));

export const POST = apiRoute('POST /campaigns', async ({ request, actor }) => {
  const campaign = await createCampaign({ actor, input: await readBody(request, campaignFieldsSchema) });
  return Response.json(campaign, { status: 201, headers: { location: `/api/v1/campaigns/${campaign.id}` } });
});
