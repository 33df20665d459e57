// POST /api/v1/customers/merge – merge the source customer into the target; the source is removed
import { apiRoute, json } from '@/http/api-route';
import { customerMergeSchema } from '@/lib/validation/customer-merge';
import { mergeCustomers } from '@/services/customers';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /customers/merge', async ({ request, actor }) =>
  json(await mergeCustomers({ actor, input: await readBody(request, customerMergeSchema) })),
);
