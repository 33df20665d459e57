// POST /api/v1/classification-runs/{id}/pause – pause a batch classification run
import { apiRoute, json } from '@/http/api-route';
import { pauseClassificationRun } from '@/services/classification/runs';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-runs/{id}/pause', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await pauseClassificationRun({ actor, id: params.id }));
});
