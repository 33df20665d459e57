// POST /api/v1/orders/{id}/cancel – cancel a pending or completed order; a completed one leaves the customer's stats
import { apiRoute, json } from '@/http/api-route';
import { cancelOrder } from '@/services/orders';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /orders/{id}/cancel', async ({ request, actor, params }) => {
  const id = params.id;
  await readNoBody(request);
  return json(await cancelOrder({ actor, id }));
});
