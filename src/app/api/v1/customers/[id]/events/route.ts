// GET /api/v1/customers/{id}/events – the customer's timeline, newest first, keyset-paged
import { apiRoute, json } from '@/http/api-route';
import { customerListQuerySchema } from '@/lib/validation/customer';
import { listCustomerEvents } from '@/services/customers';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

// The same limit (1-200, default 50) and cursor rules as the customer list.
const eventsQuerySchema = customerListQuerySchema.pick({ limit: true, cursor: true });

export const GET = apiRoute('GET /customers/{id}/events', async ({ request, params }) => {
  const { limit, cursor } = readQuery(request, eventsQuerySchema);
  return json(await listCustomerEvents({ customerId: params.id, limit, cursor }));
});
