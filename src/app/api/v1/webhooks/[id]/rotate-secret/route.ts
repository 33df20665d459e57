// POST /api/v1/webhooks/{id}/rotate-secret – a new signing secret, shown once; the old one signs too for 24 hours
import { apiRoute } from '@/http/api-route';
import { readNoBody } from '@/http/request';
import { rotateWebhookSecret } from '@/services/webhooks';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /webhooks/{id}/rotate-secret', async ({ request, actor, params }) => {
  await readNoBody(request);
  const { secret, endpoint } = await rotateWebhookSecret({ actor, id: params.id });
  return Response.json({ ...endpoint, secret });
});
