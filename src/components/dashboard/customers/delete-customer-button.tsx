'use client';

import { ShieldAlert, Trash2 } from 'lucide-react';
import * as React from 'react';

import { deleteCustomerAction } from '@/actions/customers';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';

import { EraseCustomerDialog } from './erase-customer-dialog';

const TRIGGER_CLASS = 'text-red-700 hover:bg-red-50 hover:text-red-800';

function Trigger() {
  return (
    <>
      <Trash2 aria-hidden />
      Delete
    </>
  );
}

/**
 * Delete with confirmation; a refusal (the role may not, an order placed meanwhile) is shown in the dialog. A customer
 * with orders cannot be deleted without losing purchase history, so for them the dialog offers erasure instead (to
 * roles that may erase), which keeps the orders and removes the person.
 */
export function DeleteCustomerButton({ customerId, customerName, orderCount, canErase }: { customerId: string; customerName: string; orderCount: number; canErase: boolean }) {
  const [isAsking, setIsAsking] = React.useState(false);
  const [isErasing, setIsErasing] = React.useState(false);
  if (orderCount === 0) {
    return (
      <ConfirmActionButton
        trigger={<Trigger />}
        triggerVariant="outline"
        triggerClassName={TRIGGER_CLASS}
        title={`Delete ${customerName}?`}
        description="This permanently removes the customer, their addresses and their timeline. It cannot be undone."
        confirmLabel="Delete customer"
        pendingLabel="Deleting…"
        confirmVariant="destructive"
        // On success the action redirects to the list, so only a refusal comes back here.
        onConfirm={() => deleteCustomerAction(customerId)}
      />
    );
  }
  return (
    <>
      <AlertDialog open={isAsking} onOpenChange={setIsAsking}>
        <AlertDialogTrigger asChild>
          <Button variant="outline" className={TRIGGER_CLASS}>
            <Trigger />
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogTitle>{customerName} cannot be deleted</AlertDialogTitle>
          <AlertDialogDescription>
            They have {orderCount} {orderCount === 1 ? 'order' : 'orders'}, and deleting them would lose that purchase history.{' '}
            {canErase
              ? 'Erase their personal data instead: the orders and amounts stay, the person is gone.'
              : 'An owner or admin can erase their personal data instead, which keeps the orders.'}
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>{canErase ? 'Cancel' : 'Close'}</AlertDialogCancel>
            {canErase && (
              <Button
                variant="destructive"
                onClick={() => {
                  setIsAsking(false);
                  setIsErasing(true);
                }}
              >
                <ShieldAlert aria-hidden />
                Erase personal data…
              </Button>
            )}
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {canErase && <EraseCustomerDialog customerId={customerId} customerName={customerName} orderCount={orderCount} open={isErasing} onOpenChange={setIsErasing} />}
    </>
  );
}
