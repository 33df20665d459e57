// GET /api/v1/store/me/addresses/{id} – one of the signed-in customer's addresses; PATCH – change it; DELETE – remove it
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { addressUpdateSchema } from '@/lib/validation/address';
import { deleteCustomerAddress, updateCustomerAddress } from '@/services/customer-addresses';
import { getStoreAddress } from '@/services/store/account';

import { pathId, readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

type Params = { id: string };

// Another customer's address id is a 404, the same as an id that does not exist.
export const GET = storeApiRoute<Params>(async ({ customer, params }) =>
  json(await getStoreAddress({ customerId: customer.id, addressId: pathId(params.id, 'address') })),
);

export const PATCH = storeApiRoute<Params>(async ({ request, customer, params }) =>
  json(
    await updateCustomerAddress({
      actor: customer,
      customerId: customer.id,
      addressId: pathId(params.id, 'address'),
      input: await readBody(request, addressUpdateSchema),
    }),
  ),
);

export const DELETE = storeApiRoute<Params>(async ({ customer, params }) => {
  await deleteCustomerAddress({ actor: customer, customerId: customer.id, addressId: pathId(params.id, 'address') });
  return new Response(null, { status: 204 });
});
