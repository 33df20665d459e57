'use client';

import * as React from 'react';

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { CustomerAddress } from '@/lib/types';

import { StoreAddressForm } from './store-address-form';

/** Add or edit an address in a modal; the trigger is the button passed as `children`. */
export function StoreAddressDialog({ address, names, isFirst = false, children }: {
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  isFirst?: boolean;
  children: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{address ? 'Edit address' : 'Add an address'}</DialogTitle>
          <DialogDescription>
            {address ? 'Changes apply to your next orders; orders already placed keep the address they were sent to.' : 'Where we send your orders, or where your bills go.'}
          </DialogDescription>
        </DialogHeader>
        <StoreAddressForm address={address} names={names} isFirst={isFirst} onSaved={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
