// POST /api/v1/classification-runs/{id}/cancel – cancel a batch classification run
import { apiRoute, json } from '@/http/api-route';
import { cancelClassificationRun } from '@/services/classification/runs';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-runs/{id}/cancel', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await cancelClassificationRun({ actor, id: params.id }));
});
