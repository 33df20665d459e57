// POST /api/v1/webhooks/{id}/test – queue a `webhook.test` event for this endpoint; the delivery shows in its log
import { apiRoute } from '@/http/api-route';
import { readNoBody } from '@/http/request';
import { sendTestWebhook } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /webhooks/{id}/test', async ({ request, actor, params }) => {
  await readNoBody(request);
  return Response.json(await sendTestWebhook({ actor, endpointId: params.id }), { status: 202 });
});
