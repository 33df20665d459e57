'use client';

import { Trash2 } from 'lucide-react';

import { deleteCustomersWithoutOrdersAction } from '@/actions/customers-bulk';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import type { BulkTarget } from '@/lib/validation/customer-bulk';

import { customersCount, deletedMessage } from './customers-bulk-messages';

/** Deletes the selected customers (or all matching) that have no orders, after saying that those with orders stay. */
export function CustomersBulkDeleteButton({ target, count, onDone }: { target: BulkTarget; count: number; onDone: (message: string) => void }) {
  return (
    <ConfirmActionButton
      trigger={
        <>
          <Trash2 aria-hidden />
          Delete…
        </>
      }
      triggerVariant="outline"
      triggerSize="sm"
      triggerClassName="text-red-700 hover:text-red-800"
      title={`Delete ${customersCount(count)} without orders?`}
      description={
        <>
          Of the {customersCount(count)} selected, those without any order are deleted with their addresses and timeline; this cannot be undone.
          Customers with orders are kept, so no purchase history is lost (erase a customer&apos;s personal data from their page instead).
        </>
      }
      confirmLabel="Delete those without orders"
      pendingLabel="Deleting…"
      confirmVariant="destructive"
      canRetry
      onConfirm={async (idempotencyKey) => {
        const result = await deleteCustomersWithoutOrdersAction({ target }, idempotencyKey);
        if (result.ok) onDone(deletedMessage(result.data));
        return result;
      }}
    />
  );
}
