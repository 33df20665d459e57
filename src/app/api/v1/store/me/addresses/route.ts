// GET /api/v1/store/me/addresses – the signed-in customer's addresses, defaults first; POST – add one
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { addressCreateSchema } from '@/lib/validation/address';
import { addCustomerAddress } from '@/services/customer-addresses';
import { listStoreAddresses } from '@/services/store/account';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = storeApiRoute('GET /store/me/addresses', async ({ customer }) => json({ data: await listStoreAddresses({ customerId: customer.id }) }));

// The first address becomes both defaults; making one a default unsets the previous one.
export const POST = storeApiRoute('POST /store/me/addresses', async ({ request, customer }) => {
  const address = await addCustomerAddress({ actor: customer, customerId: customer.id, input: await readBody(request, addressCreateSchema) });
  return Response.json(address, { status: 201, headers: { location: `/api/v1/store/me/addresses/${address.id}` } });
});
