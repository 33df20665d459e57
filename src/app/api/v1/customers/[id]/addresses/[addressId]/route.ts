// PATCH /api/v1/customers/{id}/addresses/{addressId} – change an address or make it a default; DELETE – remove it
import { apiRoute, json } from '@/http/api-route';
import { addressUpdateSchema } from '@/lib/validation/address';
import { deleteCustomerAddress, updateCustomerAddress } from '@/services/customers';

import { pathId, readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

type Params = { id: string; addressId: string };

const idsOf = (params: Params) => ({ customerId: pathId(params.id, 'customer'), addressId: pathId(params.addressId, 'address') });

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateCustomerAddress({ actor, ...idsOf(params), input: await readBody(request, addressUpdateSchema) })),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteCustomerAddress({ actor, ...idsOf(params) });
  return new Response(null, { status: 204 });
});
