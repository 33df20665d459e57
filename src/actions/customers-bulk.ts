'use server';

// Adapters for the customer list's bulk actions: the role is checked before the input is looked at, then one service
// runs; a repeated `idempotencyKey` (a double click, a retry) acts once and answers the first result.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import type { ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { BulkDeleteInput, BulkTagsInput } from '@/lib/validation/customer-bulk';
import { addTagsToCustomers, deleteCustomersWithoutOrders, removeTagsFromCustomers } from '@/services/customers';
import type { BulkTagsResult } from '@/services/customers/bulk-tags';

const LIST_PATH = '/dashboard/customers';

/** Adds the tags to the selected customers (or all matching the filter). */
export async function addTagsToCustomersAction(input: BulkTagsInput, idempotencyKey?: string): Promise<ActionResult<BulkTagsResult>> {
  const actor = await requireStaff('customers:bulk_edit');
  const result = await toIdempotentActionResult({ actor, action: 'addTagsToCustomers', key: idempotencyKey, input }, () => addTagsToCustomers({ actor, ...input }));
  if (result.ok) revalidatePath(LIST_PATH);
  return result;
}

/** Removes the tags from the selected customers (or all matching the filter). */
export async function removeTagsFromCustomersAction(input: BulkTagsInput, idempotencyKey?: string): Promise<ActionResult<BulkTagsResult>> {
  const actor = await requireStaff('customers:bulk_edit');
  const result = await toIdempotentActionResult({ actor, action: 'removeTagsFromCustomers', key: idempotencyKey, input }, () => removeTagsFromCustomers({ actor, ...input }));
  if (result.ok) revalidatePath(LIST_PATH);
  return result;
}

/** Deletes the selected customers (or all matching the filter) that have no orders; those with orders are kept. */
export async function deleteCustomersWithoutOrdersAction(input: BulkDeleteInput, idempotencyKey?: string): Promise<ActionResult<{ deleted: number; keptWithOrders: number }>> {
  const actor = await requireStaff('customers:delete');
  const result = await toIdempotentActionResult({ actor, action: 'deleteCustomersWithoutOrders', key: idempotencyKey, input }, () => deleteCustomersWithoutOrders({ actor, ...input }));
  if (result.ok) revalidatePath(LIST_PATH);
  return result;
}
