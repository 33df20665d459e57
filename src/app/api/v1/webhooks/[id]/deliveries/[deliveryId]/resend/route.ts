// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend – send that delivery's event again (same webhook-id)
import { apiRoute } from '@/http/api-route';
import { readNoBody } from '@/http/request';
import { resendWebhookDelivery } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /webhooks/{id}/deliveries/{deliveryId}/resend', async ({ request, actor, params }) => {
  await readNoBody(request);
  return Response.json(await resendWebhookDelivery({ actor, endpointId: params.id, deliveryId: params.deliveryId }), { status: 202 });
});
