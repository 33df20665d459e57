'use client';

import { Loader2, Trash2 } from 'lucide-react';
import * as React from 'react';

import { deleteCustomerAction } from '@/actions/customers';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';

/** Delete with confirmation; a refusal (the customer has orders, or the role may not) is shown in the dialog. */
export function DeleteCustomerButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      // On success the action redirects to the list, so only a refusal comes back here.
      const result = await deleteCustomerAction(customerId);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-red-700 hover:bg-red-50 hover:text-red-800">
          <Trash2 aria-hidden />
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete {customerName}?</AlertDialogTitle>
        <AlertDialogDescription>
          This permanently removes the customer, their addresses and their timeline. It cannot be undone. Customers with
          orders cannot be deleted: erase their personal data instead, which keeps the financial records.
        </AlertDialogDescription>
        {error && (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction: the dialog must stay open while deleting and if it is refused. */}
          <Button variant="destructive" onClick={confirm} disabled={isPending}>
            {isPending && <Loader2 className="animate-spin" aria-hidden />}
            {isPending ? 'Deleting…' : 'Delete customer'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
