// POST /api/v1/customer-groups/{id}/members – move customers (by id, or all matching a list filter) into the group
import { apiRoute, json } from '@/http/api-route';
import { groupMembersBodySchema } from '@/lib/validation/customer-group';
import { assignCustomersToGroup } from '@/services/customer-groups';

import { readBody } from '@/http/request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /customer-groups/{id}/members', async ({ request, actor, params }) => {
  const { customerIds, filter } = await readBody(request, groupMembersBodySchema);
  const target = customerIds ? { ids: customerIds } : { filter: filter ?? {} };
  return json(await assignCustomersToGroup({ actor, groupId: params.id, target }));
});
