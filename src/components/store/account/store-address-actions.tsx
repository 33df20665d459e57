'use client';

import { Loader2, Pencil, Trash2 } from 'lucide-react';
import * as React from 'react';

import { deleteAddressAction, setDefaultAddressAction } from '@/actions/store-account';
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
import { cn } from '@/lib/utils';

import { STORE_SECONDARY_BUTTON_CLASS } from '../store-styles';

import { StoreAddressDialog } from './store-address-dialog';

const SMALL_BUTTON = cn(STORE_SECONDARY_BUTTON_CLASS, 'h-9 px-3');

type Pending = 'shipping' | 'billing' | 'remove' | null;

/** Edit, make default and remove for one of the customer's address cards. */
export function StoreAddressActions({ address, summary, names }: {
  address: CustomerAddress;
  /** "12 High St, London", to name the address for screen readers and in the confirmation. */
  summary: string;
  names: { firstName: string; lastName: string };
}) {
  const [error, setError] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<Pending>(null);
  const [, startTransition] = React.useTransition();

  function run(kind: Exclude<Pending, null>) {
    setError(null);
    setPending(kind);
    startTransition(async () => {
      const result = kind === 'remove' ? await deleteAddressAction(address.id) : await setDefaultAddressAction(address.id, kind);
      setPending(null);
      if (!result.ok) setError(result.message);
    });
  }

  const isDefault = address.isDefaultShipping || address.isDefaultBilling;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <StoreAddressDialog address={address} names={names}>
          <Button variant="outline" size="sm" className={SMALL_BUTTON}>
            <Pencil aria-hidden />
            Edit<span className="sr-only"> address {summary}</span>
          </Button>
        </StoreAddressDialog>
        {!address.isDefaultShipping && (
          <Button variant="outline" size="sm" className={SMALL_BUTTON} onClick={() => run('shipping')} disabled={pending !== null}>
            {pending === 'shipping' && <Loader2 className="animate-spin" aria-hidden />}
            Make default shipping<span className="sr-only"> address: {summary}</span>
          </Button>
        )}
        {!address.isDefaultBilling && (
          <Button variant="outline" size="sm" className={SMALL_BUTTON} onClick={() => run('billing')} disabled={pending !== null}>
            {pending === 'billing' && <Loader2 className="animate-spin" aria-hidden />}
            Make default billing<span className="sr-only"> address: {summary}</span>
          </Button>
        )}
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="ghost" size="sm" className="h-9 rounded-full text-red-700 hover:bg-red-50 focus-visible:ring-emerald-700" disabled={pending !== null}>
              {pending === 'remove' ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
              Delete<span className="sr-only"> address {summary}</span>
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>Delete this address?</AlertDialogTitle>
            <AlertDialogDescription>
              {summary} will be removed from your account. Orders already placed keep their copy.
              {isDefault && ' Your newest remaining address becomes the default instead.'}
            </AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep it</AlertDialogCancel>
              <AlertDialogAction onClick={() => run('remove')}>
                Delete address
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
