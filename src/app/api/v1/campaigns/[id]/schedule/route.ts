// POST /api/v1/campaigns/{id}/schedule – the draft sends itself at `sendAt`; DELETE – take the schedule back
import { apiRoute, json } from '@/http/api-route';
import { readBody, readNoBody } from '@/http/request';
import { campaignScheduleSchema } from '@/lib/validation/campaign';
import { cancelCampaignSchedule, scheduleCampaignSend } from '@/services/campaigns';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /campaigns/{id}/schedule', async ({ request, actor, params }) =>
  json(await scheduleCampaignSend({ actor, id: params.id, input: await readBody(request, campaignScheduleSchema) })),
);

export const DELETE = apiRoute('DELETE /campaigns/{id}/schedule', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await cancelCampaignSchedule({ actor, id: params.id }));
});
