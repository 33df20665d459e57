// POST /api/v1/classification-runs/{id}/resume – resume a batch classification run
import { apiRoute, json } from '@/http/api-route';
import { resumeClassificationRun } from '@/services/classification/runs';

import { readNoBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-runs/{id}/resume', async ({ request, actor, params }) => {
  await readNoBody(request);
  return json(await resumeClassificationRun({ actor, id: params.id }), 202);
});
