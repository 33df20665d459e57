// GET /api/v1/classification-suggestions – suggestions by status (default pending), newest first, keyset-paged
import { apiRoute, json } from '@/http/api-route';
import { suggestionListQuerySchema } from '@/lib/validation/classification-suggestions';
import { listSuggestions } from '@/services/classification/suggestions';

import { readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /classification-suggestions', async ({ request, actor }) => json(await listSuggestions({ actor, query: readQuery(request, suggestionListQuerySchema) })));
