import { ArrowRight, MapPin, Package, Tag } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireCustomer } from '@/auth/require-customer';
import { addressLines } from '@/components/store/account/address-lines';
import { EmptyState } from '@/components/store/account/empty-state';
import { StoreOrderList } from '@/components/store/account/store-order-list';
import { STORE_LINK_CLASS, STORE_SECONDARY_BUTTON_CLASS } from '@/components/store/store-styles';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { formatDate } from '@/lib/format';
import type { CustomerAddress, StoreBenefit } from '@/lib/types';
import { getStoreProfile, listStoreAddresses, listStoreBenefits, listStoreOrders } from '@/services/store/account';

export const metadata: Metadata = { title: 'Your account' };

const RECENT_ORDERS = 3;

export default async function AccountOverviewPage() {
  const actor = await requireCustomer();
  const customerId = actor.id;
  const [profile, benefits, orders, addresses] = await Promise.all([
    getStoreProfile({ customerId }),
    listStoreBenefits({ customerId }),
    listStoreOrders({ customerId, limit: RECENT_ORDERS }),
    listStoreAddresses({ customerId }),
  ]);
  const shipping = addresses.find((address) => address.isDefaultShipping);
  const billing = addresses.find((address) => address.isDefaultBilling);

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Hello{profile.firstName ? `, ${profile.firstName}` : ''}</h1>
        <p className="text-sm text-stone-600">
          Member since <time dateTime={profile.memberSince}>{formatDate(profile.memberSince)}</time>
          {profile.customerGroup && (
            <>
              {' · '}
              <span className="font-medium text-stone-800">{profile.customerGroup.name}</span> member
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="benefits-heading" className="space-y-3">
        <h2 id="benefits-heading" className="text-lg font-semibold text-stone-900">
          Your offers
        </h2>
        {benefits.length === 0 ? (
          <EmptyState icon={Tag} title="No offers for you right now">
            When there is a discount for you{profile.customerGroup ? ` or for ${profile.customerGroup.name} members` : ''}, it shows up here with its code.
          </EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {benefits.map((benefit) => (
              <BenefitCard key={benefit.code} benefit={benefit} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="orders-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="orders-heading" className="text-lg font-semibold text-stone-900">
            Recent orders
          </h2>
          {orders.data.length > 0 && (
            <Link href="/store/account/orders" className={`inline-flex items-center gap-1 text-sm ${STORE_LINK_CLASS}`}>
              All orders
              <ArrowRight className="size-4" aria-hidden />
            </Link>
          )}
        </div>
        {orders.data.length === 0 ? (
          <EmptyState
            icon={Package}
            title="No orders yet"
            action={
              <Link href="/store" className={cn(buttonVariants({ variant: 'outline' }), STORE_SECONDARY_BUTTON_CLASS)}>
                Browse the shop
              </Link>
            }
          >
            When you place an order, you can follow it here.
          </EmptyState>
        ) : (
          <StoreOrderList orders={orders.data} />
        )}
      </section>

      <section aria-labelledby="address-heading" className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="address-heading" className="text-lg font-semibold text-stone-900">
            Default addresses
          </h2>
          {addresses.length > 0 && (
            <Link href="/store/account/addresses" className={`inline-flex items-center gap-1 text-sm ${STORE_LINK_CLASS}`}>
              Manage
              <ArrowRight className="size-4" aria-hidden />
            </Link>
          )}
        </div>
        {addresses.length === 0 ? (
          <EmptyState
            icon={MapPin}
            title="No address saved"
            action={
              <Link href="/store/account/addresses" className={cn(buttonVariants({ variant: 'outline' }), STORE_SECONDARY_BUTTON_CLASS)}>
                Add an address
              </Link>
            }
          >
            Save where we should deliver, and checkout fills it in for you.
          </EmptyState>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <DefaultAddress title="Shipping" address={shipping} />
            <DefaultAddress title="Billing" address={billing} />
          </div>
        )}
      </section>
    </div>
  );
}

function BenefitCard({ benefit }: { benefit: StoreBenefit }) {
  return (
    <li className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-lg font-semibold text-stone-900">{benefit.value}</p>
        <p className="rounded-md border border-dashed border-stone-400 bg-stone-50 px-2 py-0.5 font-mono text-sm font-semibold tracking-wide text-stone-900">
          <span className="sr-only">Code: </span>
          {benefit.code}
        </p>
      </div>
      {benefit.description && <p className="text-sm text-stone-700">{benefit.description}</p>}
      <p className="text-xs text-stone-500">
        {benefit.reason}
        {' · '}
        {benefit.endsAt ? (
          <>
            Ends <time dateTime={benefit.endsAt}>{formatDate(benefit.endsAt)}</time>
          </>
        ) : (
          'No end date'
        )}
      </p>
    </li>
  );
}

function DefaultAddress({ title, address }: { title: string; address: CustomerAddress | undefined }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">{title}</h3>
      {address ? (
        <address className="mt-1 text-sm not-italic leading-6 text-stone-800">
          {addressLines(address).map((line, index) => (
            <span key={index} className="block">
              {line}
            </span>
          ))}
        </address>
      ) : (
        <p className="mt-1 text-sm text-stone-600">Not chosen yet.</p>
      )}
    </div>
  );
}
