// POST /api/v1/orders/{id}/complete – complete a pending order, adding it to the customer's stats exactly once
import { apiRoute } from '@/http/api-route';
import { COMPLETION_APPLIED_HEADER } from '@/http/headers';
import { completeOrder } from '@/services/orders';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// A retry after a lost response must not fail, so completing a completed order is a 200 as well; the header
// tells the two apart without changing the body, which is the order either way.
export const POST = apiRoute('POST /orders/{id}/complete', async ({ request, actor, params }) => {
  const id = params.id;
  await readNoBody(request);
  const { order, applied } = await completeOrder({ actor, id });
  return Response.json(order, { headers: { [COMPLETION_APPLIED_HEADER]: String(applied) } });
});
