// GET /api/v1/orders – orders newest first, filtered by status, customer and dates, keyset-paged; POST – place an order
import { apiRoute, json } from '@/http/api-route';
import { orderCreateSchema, orderListQuerySchema } from '@/lib/validation/order';
import { createOrder, listOrders } from '@/services/orders';

import { readBody, readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /orders', async ({ request }) => json(await listOrders(readQuery(request, orderListQuerySchema))));

// The order starts pending; completing it (POST /orders/{id}/complete) is what counts it in the customer's stats.
export const POST = apiRoute('POST /orders', async ({ request, actor }) => {
  const order = await createOrder({ actor, input: await readBody(request, orderCreateSchema) });
  return Response.json(order, { status: 201, headers: { location: `/api/v1/orders/${order.id}` } });
});
