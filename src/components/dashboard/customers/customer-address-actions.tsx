'use client';

import { Loader2, Pencil, Trash2 } from 'lucide-react';
import * as React from 'react';

import { deleteAddressAction, updateAddressAction } from '@/actions/customers';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { CustomerAddress } from '@/lib/types';

import { CustomerAddressDialog } from './customer-address-dialog';

/** Edit, make default, and remove for one address card. */
export function CustomerAddressActions({ address, summary, names }: {
  address: CustomerAddress;
  /** "12 High St, London", to name the address in the confirmation. */
  summary: string;
  names: { firstName: string; lastName: string };
}) {
  const [error, setError] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<'shipping' | 'billing' | 'remove' | null>(null);
  const [, startTransition] = React.useTransition();

  function run(kind: 'shipping' | 'billing' | 'remove') {
    setError(null);
    setPending(kind);
    startTransition(async () => {
      const result =
        kind === 'remove'
          ? await deleteAddressAction(address.customerId, address.id)
          : await updateAddressAction(address.customerId, address.id, kind === 'shipping' ? { isDefaultShipping: true } : { isDefaultBilling: true });
      setPending(null);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1">
        <CustomerAddressDialog customerId={address.customerId} address={address} names={names}>
          <Button variant="ghost" size="sm">
            <Pencil aria-hidden />
            Edit<span className="sr-only"> address {summary}</span>
          </Button>
        </CustomerAddressDialog>
        {!address.isDefaultShipping && (
          <Button variant="ghost" size="sm" onClick={() => run('shipping')} disabled={pending !== null}>
            {pending === 'shipping' && <Loader2 className="animate-spin" aria-hidden />}
            Set as default shipping
          </Button>
        )}
        {!address.isDefaultBilling && (
          <Button variant="ghost" size="sm" onClick={() => run('billing')} disabled={pending !== null}>
            {pending === 'billing' && <Loader2 className="animate-spin" aria-hidden />}
            Set as default billing
          </Button>
        )}
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" disabled={pending !== null}>
              {pending === 'remove' ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
              Remove<span className="sr-only"> address {summary}</span>
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>Remove this address?</AlertDialogTitle>
            <AlertDialogDescription>
              {summary} will be removed from this customer. Past orders keep their copy.
              {(address.isDefaultShipping || address.isDefaultBilling) && ' Their newest remaining address becomes the default instead.'}
            </AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={() => run('remove')}>Remove address</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
