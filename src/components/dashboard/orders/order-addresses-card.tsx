import { MapPin } from 'lucide-react';

import { displayPhone } from '@/components/dashboard/customers/customer-profile-card';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { addressLines, sameAddress } from '@/lib/address-lines';
import type { Order, OrderAddress } from '@/lib/types';

/** The addresses the order was placed with: copies, so they read as they were then, whatever the customer changed since. */
export function OrderAddressesCard({ order }: { order: Pick<Order, 'shippingAddress' | 'billingAddress'> }) {
  const { shippingAddress: shipping, billingAddress: billing } = order;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Addresses</CardTitle>
      </CardHeader>
      {!shipping && !billing ? (
        <CardContent className="flex flex-col items-center gap-2 py-8 text-center">
          <MapPin className="size-6 text-slate-400" aria-hidden />
          <p className="text-sm font-medium text-slate-700">No address recorded</p>
          <p className="text-sm text-slate-600">Orders placed before addresses were kept, imported ones and those of erased customers have none.</p>
        </CardContent>
      ) : (
        <CardContent className="grid gap-4 py-4 sm:grid-cols-2 lg:grid-cols-1">
          <AddressBlock label="Shipping" address={shipping} />
          <AddressBlock label="Billing" address={billing} sameAsShipping={Boolean(billing) && sameAddress(billing, shipping)} />
        </CardContent>
      )}
    </Card>
  );
}

function AddressBlock({ label, address, sameAsShipping = false }: { label: string; address: OrderAddress | null; sameAsShipping?: boolean }) {
  return (
    <section aria-label={`${label} address`} className="min-w-0 text-sm">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</h3>
      {!address ? (
        <p className="mt-1 text-slate-600">No address recorded</p>
      ) : sameAsShipping ? (
        <p className="mt-1 text-slate-700">Same as shipping</p>
      ) : (
        <address className="mt-1 break-words not-italic leading-6 text-slate-700">
          {addressLines(address).map((line, index) => (
            <span key={index} className={index === 0 && (address.firstName || address.lastName) ? 'block font-medium text-slate-900' : 'block'}>
              {line}
            </span>
          ))}
          {address.phone && <span className="block text-slate-600">{displayPhone(address.phone)}</span>}
        </address>
      )}
    </section>
  );
}
