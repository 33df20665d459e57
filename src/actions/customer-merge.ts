'use server';

// Form adapters for the Duplicates page and the merge dialog: authenticate, call one service, map the outcome.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type { CustomerMergeResult } from '@/lib/customer-merge-types';
import type { CustomerDetail } from '@/lib/types';
import type { CustomerMergeInput } from '@/lib/validation/customer-merge';
import { dismissDuplicate, getCustomerById, mergeCustomers } from '@/services/customers';

const LIST_PATH = '/dashboard/customers';
const DUPLICATES_PATH = `${LIST_PATH}/duplicates`;

/** Both customers of a pair, as the merge dialog compares them. */
export async function loadMergePairAction(firstId: string, secondId: string): Promise<ActionResult<[CustomerDetail, CustomerDetail]>> {
  await requireStaff('customers:merge');
  return toActionResult(() => Promise.all([getCustomerById({ id: firstId }), getCustomerById({ id: secondId })]));
}

/** Merges the source into the target with the chosen fields; the pages showing either are refreshed. */
export async function mergeCustomersAction(input: CustomerMergeInput): Promise<ActionResult<CustomerMergeResult>> {
  const actor = await requireStaff('customers:merge');
  const result = await toActionResult(() => mergeCustomers({ actor, input }));
  if (result.ok) {
    revalidatePath(LIST_PATH);
    revalidatePath(DUPLICATES_PATH);
    revalidatePath(`${LIST_PATH}/${result.data.targetId}`);
  }
  return result;
}

/** Keeps a pair off the Duplicates list. */
export async function dismissDuplicateAction(customerAId: string, customerBId: string): Promise<ActionResult> {
  const actor = await requireStaff('customers:merge');
  const result = await toActionResult(async () => {
    await dismissDuplicate({ actor, input: { customerAId, customerBId } });
    return undefined;
  });
  if (result.ok) revalidatePath(DUPLICATES_PATH);
  return result;
}
