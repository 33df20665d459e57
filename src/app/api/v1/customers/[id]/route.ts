// GET /api/v1/customers/{id} – one customer with addresses, orders and metrics; PATCH – partial update; DELETE – remove
import { apiRoute, json } from '@/http/api-route';
import { customerUpdateSchema } from '@/lib/validation/customer';
import { deleteCustomer, getCustomerById, updateCustomer } from '@/services/customers';

import { pathId, readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params }) => json(await getCustomerById({ id: pathId(params.id, 'customer') })));

// A stale `version` in the body is refused with 409 rather than overwriting a newer edit.
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateCustomer({ actor, id: pathId(params.id, 'customer'), input: await readBody(request, customerUpdateSchema) })),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteCustomer({ actor, id: pathId(params.id, 'customer') });
  return new Response(null, { status: 204 });
});
