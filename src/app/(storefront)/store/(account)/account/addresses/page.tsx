import { MapPin, Plus } from 'lucide-react';
import type { Metadata } from 'next';

import { requireCustomer } from '@/auth/require-customer';
import { AccountPageHeader } from '@/components/store/account/account-page-header';
import { AddressDefaultBadges } from '@/components/store/account/address-default-badges';
import { addressLines, addressSummary } from '@/components/store/account/address-lines';
import { EmptyState } from '@/components/store/account/empty-state';
import { StoreAddressActions } from '@/components/store/account/store-address-actions';
import { StoreAddressDialog } from '@/components/store/account/store-address-dialog';
import { STORE_BUTTON_CLASS } from '@/components/store/store-styles';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { getStoreProfile, listStoreAddresses } from '@/services/store/account';

export const metadata: Metadata = { title: 'Your addresses' };

export default async function AddressesPage() {
  const actor = await requireCustomer();
  const [profile, addresses] = await Promise.all([getStoreProfile({ customerId: actor.id }), listStoreAddresses({ customerId: actor.id })]);
  const names = { firstName: profile.firstName, lastName: profile.lastName };
  const isFirst = addresses.length === 0;
  const addButton = (
    <StoreAddressDialog names={names} isFirst={isFirst}>
      <Button className={cn(STORE_BUTTON_CLASS, 'sm:w-auto sm:px-5')}>
        <Plus aria-hidden />
        Add address
      </Button>
    </StoreAddressDialog>
  );

  return (
    <div className="space-y-6">
      <AccountPageHeader title="Your addresses" description="Where we send your orders and your bills." action={isFirst ? undefined : addButton} />
      {isFirst ? (
        <EmptyState icon={MapPin} title="No addresses yet" action={addButton}>
          Add the address we should deliver to. Your first address is used for both shipping and billing; you can change that later.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Saved addresses">
          {addresses.map((address) => (
            <li key={address.id} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
              <AddressDefaultBadges address={address} />
              <address className="flex-1 text-sm not-italic leading-6 text-stone-800">
                {addressLines(address).map((line, index) => (
                  <span key={index} className={index === 0 ? 'block font-medium text-stone-900' : 'block'}>
                    {line}
                  </span>
                ))}
                {address.phone && <span className="block text-stone-600">{address.phone}</span>}
              </address>
              <StoreAddressActions address={address} summary={addressSummary(address)} names={names} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
