'use server';

// Adapters for the groups page and the customer list's "Move to group…": authenticate, call one service, map the
// outcome. Roles are checked by the services, so a refusal comes back as a readable message.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { CustomerFilter } from '@/lib/validation/customer';
import type { AssignToGroupInput, CustomerGroupCreateInput, CustomerGroupUpdateInput } from '@/lib/validation/customer-group';
import { assignCustomersToGroup, createCustomerGroup, deleteCustomerGroup, updateCustomerGroup } from '@/services/customer-groups';
import { countCustomers } from '@/services/customers/list';

const GROUPS_PATH = '/dashboard/groups';
const CUSTOMERS_PATH = '/dashboard/customers';

export async function createGroupAction(input: CustomerGroupCreateInput, idempotencyKey?: string): Promise<ActionResult<{ id: string }>> {
  // Outside toActionResult: requireStaff redirects by throwing, and that must reach Next.js.
  const actor = await requireStaff();
  const result = await toIdempotentActionResult({ actor, action: 'createGroup', key: idempotencyKey, input }, async () => ({ id: (await createCustomerGroup({ actor, input })).id }));
  if (result.ok) revalidatePath(GROUPS_PATH);
  return result;
}

export async function updateGroupAction(id: string, input: CustomerGroupUpdateInput): Promise<ActionResult<{ updatedAt: string }>> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => ({ updatedAt: (await updateCustomerGroup({ actor, id, input })).updatedAt ?? '' }));
  if (result.ok) revalidatePath(GROUPS_PATH);
  return result;
}

/** Deletes the group; refused while targeted, or while it has members unless `confirmMembersToNoGroup`. */
export async function deleteGroupAction(id: string, confirmMembersToNoGroup: boolean): Promise<ActionResult<{ membersMoved: number }>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => deleteCustomerGroup({ actor, id, input: { confirmMembersToNoGroup } }));
  if (result.ok) {
    revalidatePath(GROUPS_PATH);
    revalidatePath(CUSTOMERS_PATH);
  }
  return result;
}

/** How many customers match the list's current filter, for "Select all N matching this filter". */
export async function countMatchingCustomersAction(filter: CustomerFilter): Promise<ActionResult<{ count: number }>> {
  await requireStaff('customers:read');
  return toActionResult(async () => ({ count: await countCustomers(filter) }));
}

/** Moves the selected customers (or all matching the filter) into a group, or to no group; a repeated `idempotencyKey` moves once. */
export async function moveCustomersToGroupAction(input: AssignToGroupInput, idempotencyKey?: string): Promise<ActionResult<{ moved: number }>> {
  const actor = await requireStaff('customers:bulk_edit');
  const result = await toIdempotentActionResult({ actor, action: 'moveCustomersToGroup', key: idempotencyKey, input }, () => assignCustomersToGroup({ actor, ...input }));
  if (result.ok) {
    revalidatePath(CUSTOMERS_PATH);
    revalidatePath(GROUPS_PATH);
  }
  return result;
}
