// POST /api/v1/customers/{id}/addresses – add an address (the first one becomes both defaults)
import { apiRoute } from '@/http/api-route';
import { addressCreateSchema } from '@/lib/validation/address';
import { addCustomerAddress } from '@/services/customers';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /customers/{id}/addresses', async ({ request, actor, params }) => {
  const customerId = params.id;
  const address = await addCustomerAddress({ actor, customerId, input: await readBody(request, addressCreateSchema) });
  return Response.json(address, { status: 201, headers: { location: `/api/v1/customers/${customerId}/addresses/${address.id}` } });
});
