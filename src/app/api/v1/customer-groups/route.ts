// GET /api/v1/customer-groups – every customer group with its member count; POST – create a group (owner/admin)
import { apiRoute, json } from '@/http/api-route';
import { customerGroupCreateSchema } from '@/lib/validation/customer-group';
import { createCustomerGroup, listCustomerGroups } from '@/services/customer-groups';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

// A handful of groups, so one page; the list envelope matches the other lists for when it is paged.
export const GET = apiRoute('GET /customer-groups', async () => json({ data: await listCustomerGroups(), nextCursor: null }));

export const POST = apiRoute('POST /customer-groups', async ({ request, actor }) => {
  const group = await createCustomerGroup({ actor, input: await readBody(request, customerGroupCreateSchema) });
  return Response.json(group, { status: 201, headers: { Location: `/api/v1/customer-groups/${group.id}` } });
});
