// GET /api/v1/webhooks – every webhook endpoint; POST – add one (its signing secret is in this answer only)
import { apiRoute, json } from '@/http/api-route';
import { readBody } from '@/http/request';
import { webhookEndpointCreateSchema } from '@/lib/validation/webhook';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

// At most 50 endpoints exist, so one page; the envelope matches the other lists.
export const GET = apiRoute('GET /webhooks', async ({ actor }) => json({ data: await listWebhookEndpoints({ actor }), nextCursor: null }));

export const POST = apiRoute('POST /webhooks', async ({ request, actor }) => {
  const { secret, endpoint } = await createWebhookEndpoint({ actor, input: await readBody(request, webhookEndpointCreateSchema) });
  return Response.json({ ...endpoint, secret }, { status: 201, headers: { Location: `/api/v1/webhooks/${endpoint.id}` } });
});
