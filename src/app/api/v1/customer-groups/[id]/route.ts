// GET /api/v1/customer-groups/{id} – one group with its member count; PATCH – rename/describe; DELETE – remove
import { apiRoute, json } from '@/http/api-route';
import { customerGroupDeleteQuerySchema, customerGroupUpdateSchema } from '@/lib/validation/customer-group';
import { deleteCustomerGroup, getCustomerGroupById, updateCustomerGroup } from '@/services/customer-groups';

import { readBody, readQuery } from '@/http/request';

export const dynamic = 'force-dynamic';

export const GET = apiRoute('GET /customer-groups/{id}', async ({ params }) => json(await getCustomerGroupById({ id: params.id })));

// A stale `updatedAt` in the body is refused with 409 rather than overwriting a newer edit.
export const PATCH = apiRoute('PATCH /customer-groups/{id}', async ({ request, actor, params }) =>
  json(await updateCustomerGroup({ actor, id: params.id, input: await readBody(request, customerGroupUpdateSchema) })),
);

// 409 while discounts or campaigns target the group, or while it has members and ?confirmMembersToNoGroup=true is absent.
export const DELETE = apiRoute('DELETE /customer-groups/{id}', async ({ request, actor, params }) =>
  json(await deleteCustomerGroup({ actor, id: params.id, input: readQuery(request, customerGroupDeleteQuerySchema) })),
);
