'use client';

import * as React from 'react';

import { addAddressAction, updateAddressAction } from '@/actions/store-account';
import { AddressForm } from '@/components/forms/address-form';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { CustomerAddress } from '@/lib/types';

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
        <AddressForm
          variant="store"
          address={address}
          names={names}
          // No address saved yet: this one becomes both defaults whatever the boxes say.
          defaultsNote={isFirst ? 'Your first address is used for both shipping and billing.' : undefined}
          save={(values) => (address ? updateAddressAction(address.id, values) : addAddressAction(values))}
          onSaved={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}
