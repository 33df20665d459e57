// POST /api/v1/orders/{id}/cancel – cancel a pending or completed order; a completed one leaves the customer's stats
import { apiRoute, json } from '@/http/api-route';
import { cancelOrder } from '@/services/orders';

import { pathId, readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const id = pathId(params.id, 'order');
  await readNoBody(request);
  return json(await cancelOrder({ actor, id }));
});
