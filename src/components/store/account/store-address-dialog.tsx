'use client';

import type * as React from 'react';

import { addAddressAction, updateAddressAction } from '@/actions/store-account';
import { AddressDialog } from '@/components/forms/address-dialog';
import type { CustomerAddress } from '@/lib/types';

/** The shopper adds or edits one of their addresses; the trigger is the button passed as `children`. */
export function StoreAddressDialog({ address, names, isFirst = false, children }: {
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  isFirst?: boolean;
  children: React.ReactNode;
}) {
  return (
    <AddressDialog
      variant="store"
      title={address ? 'Edit address' : 'Add an address'}
      description={address ? 'Changes apply to your next orders; orders already placed keep the address they were sent to.' : 'Where we send your orders, or where your bills go.'}
      address={address}
      names={names}
      // No address saved yet: this one becomes both defaults whatever the boxes say.
      defaultsNote={isFirst ? 'Your first address is used for both shipping and billing.' : undefined}
      save={(values, key) => (address ? updateAddressAction(address.id, values) : addAddressAction(values, key))}
    >
      {children}
    </AddressDialog>
  );
}
