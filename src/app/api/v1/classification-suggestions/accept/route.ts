// POST /api/v1/classification-suggestions/accept – accept the chosen pending suggestions, or all matching a filter, atomically
import { apiRoute, json } from '@/http/api-route';
import { suggestionBulkSchema } from '@/lib/validation/classification-suggestions';
import { acceptSuggestions } from '@/services/classification/suggestions';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /classification-suggestions/accept', async ({ request, actor }) => json(await acceptSuggestions({ actor, input: await readBody(request, suggestionBulkSchema) })));
