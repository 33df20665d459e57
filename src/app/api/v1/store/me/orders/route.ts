// GET /api/v1/store/me/orders – the signed-in customer's orders, newest first, keyset-paged
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { storeOrderListQuerySchema } from '@/lib/validation/store-account';
import { listStoreOrders } from '@/services/store/account';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = storeApiRoute('GET /store/me/orders', async ({ request, customer }) => {
  const { limit, cursor } = readQuery(request, storeOrderListQuerySchema);
  return json(await listStoreOrders({ customerId: customer.id, limit, cursor }));
});
