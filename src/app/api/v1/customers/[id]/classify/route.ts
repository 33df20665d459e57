// POST /api/v1/customers/{id}/classify – run classifyCustomer and store the suggestion (replacing a pending one)
import { apiRoute, json } from '@/http/api-route';
import { suggestForCustomer } from '@/services/classification/suggestions';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// 201 with the stored suggestion; 200 { suggestion: null, reason } when the customer is already in the suggested group.
export const POST = apiRoute('POST /customers/{id}/classify', async ({ request, actor, params }) => {
  await readNoBody(request);
  const { suggestion, reason } = await suggestForCustomer({ actor, customerId: params.id });
  return suggestion ? json(suggestion, 201) : json({ suggestion: null, reason });
});
