// GET /api/v1/customers/{id}/orders – the customer's purchase history, newest first, keyset-paged
import { apiRoute, json } from '@/http/api-route';
import { orderListQuerySchema } from '@/lib/validation/order';
import { listCustomerOrders } from '@/services/orders';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

// The same limit (1-200, default 50) and cursor rules as the order list; GET /customers/{id} gives the first page's cursor.
const historyQuerySchema = orderListQuerySchema.pick({ limit: true, cursor: true });

export const GET = apiRoute('GET /customers/{id}/orders', async ({ request, params }) => {
  const customerId = params.id;
  const { limit, cursor } = readQuery(request, historyQuerySchema);
  return json(await listCustomerOrders({ customerId, limit, cursor }));
});

