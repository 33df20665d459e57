'use server';

// Form adapters for the discount pages: authenticate, call one service, map the outcome to form state.
// The services check the role too, so a refusal comes back as a readable message, not a crash.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { DiscountEligibility } from '@/lib/types';
import type { DiscountCreateInput, DiscountUpdateInput } from '@/lib/validation/discount';
import { checkDiscountEligibility, createDiscount, deleteDiscount, updateDiscount } from '@/services/discounts';

function revalidateDiscount(id: string) {
  revalidatePath(`/dashboard/discounts/${id}`);
  revalidatePath('/dashboard/discounts');
}

export async function createDiscountAction(input: DiscountCreateInput, idempotencyKey?: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff('discounts:manage');
  const result = await toIdempotentActionResult({ actor, action: 'createDiscount', key: idempotencyKey, input }, async () => ({ id: (await createDiscount({ actor, input })).id }));
  if (!result.ok) return result;
  revalidateDiscount(result.data.id);
  return { ok: true, data: { id: result.data.id } };
}

export async function updateDiscountAction(id: string, input: DiscountUpdateInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff('discounts:manage');
  const result = await toActionResult(() => updateDiscount({ actor, id, input }));
  if (!result.ok) return result;
  revalidateDiscount(id);
  return { ok: true, data: { id } };
}

/** Deletes an unused discount; a used one is refused with a message. Its own page is left alone: the caller leaves it. */
export async function deleteDiscountAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff('discounts:manage');
  const result = await toActionResult(() => deleteDiscount({ actor, id }));
  if (!result.ok) return result;
  revalidatePath('/dashboard/discounts');
  return { ok: true, data: undefined };
}

/** The checker on a discount's page: may this customer use it now, and why (not). `subtotal` in minor units, optional. */
export async function checkDiscountEligibilityAction(discountId: string, customerId: string, subtotal: number | null): Promise<ActionResult<DiscountEligibility>> {
  await requireStaff('discounts:read');
  return toActionResult(() => checkDiscountEligibility({ discountId, customerId, subtotal }));
}
