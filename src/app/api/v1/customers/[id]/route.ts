// GET /api/v1/customers/{id} – one customer with addresses, orders and metrics; PATCH – partial update; DELETE – remove
import { apiRoute, json } from '@/http/api-route';
import { customerUpdateSchema } from '@/lib/validation/customer';
import { deleteCustomer, getCustomerById, updateCustomer } from '@/services/customers';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /customers/{id}', async ({ params }) => json(await getCustomerById({ id: params.id })));

// A stale `version` in the body is refused with 409 rather than overwriting a newer edit.
export const PATCH = apiRoute('PATCH /customers/{id}', async ({ request, actor, params }) =>
  json(await updateCustomer({ actor, id: params.id, input: await readBody(request, customerUpdateSchema) })),
);

export const DELETE = apiRoute('DELETE /customers/{id}', async ({ actor, params }) => {
  await deleteCustomer({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
