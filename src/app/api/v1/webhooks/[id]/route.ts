// GET /api/v1/webhooks/{id} – one endpoint; PATCH – change URL, events, description, enabled; DELETE – remove it and its log
import { apiRoute, json } from '@/http/api-route';
import { readBody } from '@/http/request';
import { webhookEndpointUpdateSchema } from '@/lib/validation/webhook';
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /webhooks/{id}', async ({ actor, params }) => json(await getWebhookEndpoint({ actor, id: params.id })));

export const PATCH = apiRoute('PATCH /webhooks/{id}', async ({ request, actor, params }) =>
  json(await updateWebhookEndpoint({ actor, id: params.id, input: await readBody(request, webhookEndpointUpdateSchema) })),
);

export const DELETE = apiRoute('DELETE /webhooks/{id}', async ({ actor, params }) => {
  await deleteWebhookEndpoint({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
