// GET /api/v1/store/me – the signed-in customer's own profile; PATCH – change their name, phone or marketing consent
import { json } from '@/http/api-route';
import { storeApiRoute } from '@/http/store-api-route';
import { storeProfileUpdateSchema } from '@/lib/validation/store-account';
import { updateCustomer } from '@/services/customers';
import { getStoreProfile } from '@/services/store/account';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = storeApiRoute('GET /store/me', async ({ customer }) => json(await getStoreProfile({ customerId: customer.id })));

// Group, notes, tags and email stay with staff: naming them is a 422 on that field. A stale `version` is a 409.
// The answer is the profile as the customer sees it, not the staff view updateCustomer returns.
export const PATCH = storeApiRoute('PATCH /store/me', async ({ request, customer }) => {
  await updateCustomer({ actor: customer, id: customer.id, input: await readBody(request, storeProfileUpdateSchema) });
  return json(await getStoreProfile({ customerId: customer.id }));
});
