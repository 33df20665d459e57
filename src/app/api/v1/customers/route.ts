// GET /api/v1/customers – search and list customers, keyset-paged; POST – create a customer
import { apiRoute, json } from '@/http/api-route';
import { customerCreateSchema, customerListQuerySchema } from '@/lib/validation/customer';
import { createCustomer, listCustomers } from '@/services/customers';

import { readBody, readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /customers', async ({ request }) => json(await listCustomers(readQuery(request, customerListQuerySchema))));

// createdById is the calling staff member for session callers; an API key is an integration, not a person, so null.
export const POST = apiRoute('POST /customers', async ({ request, actor }) => {
  const customer = await createCustomer({ actor, input: await readBody(request, customerCreateSchema) });
  return Response.json(customer, { status: 201, headers: { location: `/api/v1/customers/${customer.id}` } });
});
