// POST /api/v1/customers/{id}/erase – irreversibly erase the customer's personal data, keeping their orders (owner/admin)
import { apiRoute, json } from '@/http/api-route';
import { readBody } from '@/http/request';
import { customerEraseSchema } from '@/lib/validation/privacy';
import { eraseCustomer } from '@/services/privacy';

export const dynamic = 'force-dynamic';

// `{ "confirm": "ERASE" }` is required; erasing an erased customer answers 200 with the same customer, changing nothing.
export const POST = apiRoute('POST /customers/{id}/erase', async ({ request, actor, params }) =>
  json(await eraseCustomer({ actor, customerId: params.id, input: await readBody(request, customerEraseSchema) })),
);
