// POST /api/v1/classification-suggestions/reject – reject the chosen pending suggestions, or all matching a filter, atomically
import { apiRoute, json } from '@/http/api-route';
import { suggestionBulkSchema } from '@/lib/validation/classification-suggestions';
import { rejectSuggestions } from '@/services/classification/suggestions';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-suggestions/reject', async ({ request, actor }) => json(await rejectSuggestions({ actor, input: await readBody(request, suggestionBulkSchema) })));
