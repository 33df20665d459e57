// GET /api/v1/jobs/{id} – a background job's status, progress and result (an import's counts and row problems)
import { apiRoute, json } from '@/http/api-route';
import { getJob } from '@/services/jobs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /jobs/{id}', async ({ actor, params }) => json(await getJob({ actor, id: params.id })));
