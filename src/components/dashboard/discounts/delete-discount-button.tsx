'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';

import { deleteDiscountAction } from '@/actions/discounts';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';

/** Deletes an unused discount after confirmation; then returns to the list. A refusal shows in the dialog. */
export function DeleteDiscountButton({ id, code }: { id: string; code: string }) {
  const router = useRouter();
  async function remove() {
    const result = await deleteDiscountAction(id);
    if (result.ok) router.push('/dashboard/discounts');
    return result;
  }
  return (
    <ConfirmActionButton
      trigger={
        <>
          <Trash2 aria-hidden />
          Delete
        </>
      }
      triggerVariant="outline"
      title={`Delete ${code}?`}
      description="Nobody has used it yet. Customers will no longer be able to use this code."
      confirmLabel="Delete discount"
      pendingLabel="Deleting…"
      confirmVariant="destructive"
      dismissLabel="Keep it"
      onConfirm={remove}
    />
  );
}
