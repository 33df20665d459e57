// POST /api/v1/classification-suggestions/{id}/accept – accept one suggestion (moves the customer; 409 when stale or rejected)
import { apiRoute, json } from '@/http/api-route';
import { acceptSuggestion } from '@/services/classification/suggestions';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-suggestions/{id}/accept', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await acceptSuggestion({ actor, id: params.id }));
});
