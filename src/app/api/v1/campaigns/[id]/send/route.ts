// POST /api/v1/campaigns/{id}/send – fix the audience and send in the background; poll GET /campaigns/{id} for progress
import { apiRoute } from '@/http/api-route';
import { startCampaignSend } from '@/services/campaigns';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// 202 while deliveries go out in this process; a campaign already sent answers 200 and sends nothing again.
export const POST = apiRoute('POST /campaigns/{id}/send', async ({ request, actor, params }) => {
  await readNoBody(request);
  const { campaign, accepted } = await startCampaignSend({ actor, id: params.id });
  return Response.json(campaign, { status: accepted ? 202 : 200 });
});
