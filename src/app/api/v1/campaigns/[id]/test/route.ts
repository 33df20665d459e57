// POST /api/v1/campaigns/{id}/test – one copy of the message, filled in with the sender's name, to the sender
import { apiRoute, json } from '@/http/api-route';
import { readBody } from '@/http/request';
import { campaignTestSchema } from '@/lib/validation/campaign';
import { sendCampaignTest } from '@/services/campaigns';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /campaigns/{id}/test', async ({ request, actor, params }) =>
  json(await sendCampaignTest({ actor, id: params.id, input: await readBody(request, campaignTestSchema) })),
);
