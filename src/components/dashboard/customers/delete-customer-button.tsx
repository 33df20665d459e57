'use client';

import { Trash2 } from 'lucide-react';

import { deleteCustomerAction } from '@/actions/customers';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';

/** Delete with confirmation; a refusal (the customer has orders, or the role may not) is shown in the dialog. */
export function DeleteCustomerButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  return (
    <ConfirmActionButton
      trigger={
        <>
          <Trash2 aria-hidden />
          Delete
        </>
      }
      triggerVariant="outline"
      triggerClassName="text-red-700 hover:bg-red-50 hover:text-red-800"
      title={`Delete ${customerName}?`}
      description="This permanently removes the customer, their addresses and their timeline. It cannot be undone. Customers with orders cannot be deleted: erase their personal data instead, which keeps the financial records."
      confirmLabel="Delete customer"
      pendingLabel="Deleting…"
      confirmVariant="destructive"
      // On success the action redirects to the list, so only a refusal comes back here.
      onConfirm={() => deleteCustomerAction(customerId)}
    />
  );
}
