// GET /api/v1/webhooks/{id}/deliveries – the endpoint's delivery log, newest first, keyset-paged
import { apiRoute, json } from '@/http/api-route';
import { readQuery } from '@/http/request';
import { webhookDeliveryListQuerySchema } from '@/lib/validation/webhook';
import { listWebhookDeliveries } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /webhooks/{id}/deliveries', async ({ request, actor, params }) => {
  const { cursor, limit } = readQuery(request, webhookDeliveryListQuerySchema);
  return json(await listWebhookDeliveries({ actor, endpointId: params.id, cursor, limit }));
});
