// PATCH /api/v1/customers/{id}/addresses/{addressId} – change an address or make it a default; DELETE – remove it
import { apiRoute, json } from '@/http/api-route';
import { addressUpdateSchema } from '@/lib/validation/address';
import { deleteCustomerAddress, updateCustomerAddress } from '@/services/customers';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

type Params = { id: string; addressId: string };

const idsOf = (params: Params) => ({ customerId: params.id, addressId: params.addressId });

export const PATCH = apiRoute('PATCH /customers/{id}/addresses/{addressId}', async ({ request, actor, params }) =>
  json(await updateCustomerAddress({ actor, ...idsOf(params), input: await readBody(request, addressUpdateSchema) })),
);

export const DELETE = apiRoute('DELETE /customers/{id}/addresses/{addressId}', async ({ actor, params }) => {
  await deleteCustomerAddress({ actor, ...idsOf(params) });
  return new Response(null, { status: 204 });
});
