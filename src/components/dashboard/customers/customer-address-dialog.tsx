'use client';

import type * as React from 'react';

import { addAddressAction, updateAddressAction } from '@/actions/customers';
import { AddressDialog } from '@/components/forms/address-dialog';
import type { CustomerAddress } from '@/lib/types';

/** Staff add or edit one of a customer's addresses; the trigger is the button passed as `children`. */
export function CustomerAddressDialog({ customerId, address, names, children }: {
  customerId: string;
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  children: React.ReactNode;
}) {
  return (
    <AddressDialog
      variant="dashboard"
      title={address ? 'Edit address' : 'Add address'}
      description={address ? 'Changes apply to future orders; past orders keep the address they were shipped to.' : 'For shipping and billing.'}
      address={address}
      names={names}
      defaultsNote={address ? undefined : "A customer's first address becomes both defaults."}
      save={(values, key) => (address ? updateAddressAction(customerId, address.id, values) : addAddressAction(customerId, values, key))}
    >
      {children}
    </AddressDialog>
  );
}
