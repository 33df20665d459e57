// POST /api/v1/classification-suggestions/{id}/reject – reject one suggestion (409 when already accepted)
import { apiRoute, json } from '@/http/api-route';
import { rejectSuggestion } from '@/services/classification/suggestions';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-suggestions/{id}/reject', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await rejectSuggestion({ actor, id: params.id }));
});
