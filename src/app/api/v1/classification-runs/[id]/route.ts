// GET /api/v1/classification-runs/{id} – a run's status and progress (poll while running)
import { pathId } from '@/http/request';
import { apiRoute, json } from '@/http/api-route';
import { getClassificationRun } from '@/services/classification/runs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getClassificationRun({ actor, id: pathId(params.id, 'classification run') })));
