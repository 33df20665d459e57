import { MapPin, Plus } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { countryName } from '@/lib/countries';
import type { CustomerAddress } from '@/lib/types';

import { CustomerAddressActions } from './customer-address-actions';
import { CustomerAddressDialog } from './customer-address-dialog';
import { displayPhone } from './customer-profile-card';

// Defaults first, then oldest first, so the address used for the next order is where the eye lands.
function byDefaultsFirst(a: CustomerAddress, b: CustomerAddress): number {
  const rank = (x: CustomerAddress) => (x.isDefaultShipping ? 0 : x.isDefaultBilling ? 1 : 2);
  return rank(a) - rank(b);
}

/** The customer's addresses with their default badges; country names are rendered here, on the server. */
export function CustomerAddressesPanel({ customerId, addresses, names }: {
  customerId: string;
  addresses: CustomerAddress[];
  names: { firstName: string; lastName: string };
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Addresses</CardTitle>
        <CustomerAddressDialog customerId={customerId} names={names}>
          <Button variant="outline" size="sm">
            <Plus aria-hidden />
            Add address
          </Button>
        </CustomerAddressDialog>
      </CardHeader>
      {addresses.length === 0 ? (
        <CardContent className="flex flex-col items-center gap-2 py-10 text-center">
          <MapPin className="size-8 text-slate-300" aria-hidden />
          <p className="text-sm font-medium text-slate-700">No addresses yet</p>
          <p className="text-sm text-slate-500">The first address you add becomes the default for shipping and billing.</p>
        </CardContent>
      ) : (
        <ul className="divide-y divide-slate-100">
          {[...addresses].sort(byDefaultsFirst).map((address) => {
            const name = `${address.firstName} ${address.lastName}`.trim();
            const locality = [address.city, address.region, address.postalCode].filter(Boolean).join(', ');
            return (
              <li key={address.id} className="px-4 py-4">
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <address className="text-sm not-italic leading-6 text-slate-700">
                    {name && <span className="block font-medium text-slate-900">{name}</span>}
                    {address.company && <span className="block">{address.company}</span>}
                    <span className="block">{address.line1}</span>
                    {address.line2 && <span className="block">{address.line2}</span>}
                    <span className="block">{locality}</span>
                    <span className="block">{countryName(address.countryCode)}</span>
                    {address.phone && <span className="block text-slate-500">{displayPhone(address.phone)}</span>}
                  </address>
                  {(address.isDefaultShipping || address.isDefaultBilling) && (
                    <div className="flex flex-wrap gap-1.5 sm:justify-end">
                      {address.isDefaultShipping && <Badge variant="success">Default shipping</Badge>}
                      {address.isDefaultBilling && <Badge variant="success">Default billing</Badge>}
                    </div>
                  )}
                </div>
                <div className="-ml-3 mt-2">
                  <CustomerAddressActions address={address} summary={`${address.line1}, ${address.city}`} names={names} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
