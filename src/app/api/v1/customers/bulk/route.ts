// POST /api/v1/customers/bulk – add or remove tags, move to a group, or delete those without orders, over many customers
import { apiRoute, json } from '@/http/api-route';
import { readBody } from '@/http/request';
import { customerBulkBodySchema } from '@/lib/validation/customer-bulk';
import { assignCustomersToGroup } from '@/services/customer-groups';
import { addTagsToCustomers, deleteCustomersWithoutOrders, removeTagsFromCustomers } from '@/services/customers';

export const dynamic = 'force-dynamic';

export const POST = apiRoute('POST /customers/bulk', async ({ request, actor }) => {
  const { action, tags = [], groupId = null, target } = await readBody(request, customerBulkBodySchema);
  if (action === 'addTags') return json({ action, ...(await addTagsToCustomers({ actor, tags, target })) });
  if (action === 'removeTags') return json({ action, ...(await removeTagsFromCustomers({ actor, tags, target })) });
  if (action === 'moveToGroup') return json({ action, ...(await assignCustomersToGroup({ actor, groupId, target })) });
  return json({ action, ...(await deleteCustomersWithoutOrders({ actor, target })) });
});
