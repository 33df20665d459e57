// GET /api/v1/classification-runs/{id} – a run's status and progress (poll while running)
import { apiRoute, json } from '@/http/api-route';
import { getClassificationRun } from '@/services/classification/runs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /classification-runs/{id}', async ({ actor, params }) => json(await getClassificationRun({ actor, id: params.id })));
