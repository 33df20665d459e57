// POST /api/v1/classification-runs – start a batch classification in the background (202); GET – the latest runs
import { apiRoute, json } from '@/http/api-route';
import { classificationRunCreateSchema } from '@/lib/validation/classification-suggestions';
import { listClassificationRuns, startClassificationRun } from '@/services/classification/runs';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-runs', async ({ request, actor }) => json(await startClassificationRun({ actor, input: await readBody(request, classificationRunCreateSchema) }), 202));

export const GET = apiRoute('GET /classification-runs', async ({ actor }) => json({ data: await listClassificationRuns({ actor }) }));
