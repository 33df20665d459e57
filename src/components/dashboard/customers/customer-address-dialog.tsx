'use client';

import * as React from 'react';

import { addAddressAction, updateAddressAction } from '@/actions/customers';
import { AddressForm } from '@/components/forms/address-form';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { CustomerAddress } from '@/lib/types';

/** Add or edit an address in a modal; the trigger is the button passed as `children`. */
export function CustomerAddressDialog({ customerId, address, names, children }: {
  customerId: string;
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  children: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{address ? 'Edit address' : 'Add address'}</DialogTitle>
          <DialogDescription>
            {address ? 'Changes apply to future orders; past orders keep the address they were shipped to.' : 'For shipping and billing.'}
          </DialogDescription>
        </DialogHeader>
        <AddressForm
          variant="dashboard"
          address={address}
          names={names}
          defaultsNote={address ? undefined : "A customer's first address becomes both defaults."}
          save={(values) => (address ? updateAddressAction(customerId, address.id, values) : addAddressAction(customerId, values))}
          onSaved={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}
