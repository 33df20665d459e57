// POST /api/v1/classification-runs/{id}/pause – pause a batch classification run
import { apiRoute, json } from '@/http/api-route';
import { pauseClassificationRun } from '@/services/classification/runs';

import { pathId, readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await pauseClassificationRun({ actor, id: pathId(params.id, 'classification run') }));
});
