// GET /api/v1/store/me/addresses/{id} – one of the signed-in customer's addresses; PATCH – change it; DELETE – remove it
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { addressUpdateSchema } from '@/lib/validation/address';
import { deleteCustomerAddress, updateCustomerAddress } from '@/services/customer-addresses';
import { getStoreAddress } from '@/services/store/account';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// Another customer's address id is a 404, the same as an id that does not exist.
export const GET = storeApiRoute('GET /store/me/addresses/{id}', async ({ customer, params }) =>
  json(await getStoreAddress({ customerId: customer.id, addressId: params.id })),
);

export const PATCH = storeApiRoute('PATCH /store/me/addresses/{id}', async ({ request, customer, params }) =>
  json(
    await updateCustomerAddress({
      actor: customer,
      customerId: customer.id,
      addressId: params.id,
      input: await readBody(request, addressUpdateSchema),
    }),
  ),
);

export const DELETE = storeApiRoute('DELETE /store/me/addresses/{id}', async ({ customer, params }) => {
  await deleteCustomerAddress({ actor: customer, customerId: customer.id, addressId: params.id });
  return new Response(null, { status: 204 });
});
