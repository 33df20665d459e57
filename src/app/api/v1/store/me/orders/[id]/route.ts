// GET /api/v1/store/me/orders/{id} – one of the signed-in customer's orders with its items
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { getStoreOrder } from '@/services/store/account';


export const dynamic = 'force-dynamic';

// Another customer's order id is a 404, the same as an id that does not exist.
export const GET = storeApiRoute('GET /store/me/orders/{id}', async ({ customer, params }) =>
  json(await getStoreOrder({ customerId: customer.id, orderId: params.id })),
);
