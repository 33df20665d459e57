import { ArrowLeft, ArrowRight, Package } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireCustomer } from '@/auth/require-customer';
import { AccountPageHeader } from '@/components/store/account/account-page-header';
import { EmptyState } from '@/components/store/account/empty-state';
import { StoreOrderList } from '@/components/store/account/store-order-list';
import { STORE_LINK_CLASS, STORE_SECONDARY_BUTTON_CLASS } from '@/components/store/store-styles';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import type { OrderSummary, Page } from '@/lib/types';
import { ValidationFailedError } from '@/services/errors';
import { listStoreOrders } from '@/services/store/account';

export const metadata: Metadata = { title: 'Your orders' };

const PAGE_SIZE = 10;

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function OrdersPage({ searchParams }: Props) {
  const actor = await requireCustomer();
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === 'string' && rawCursor ? rawCursor : null;

  let page: Page<OrderSummary> | null = null;
  try {
    page = await listStoreOrders({ customerId: actor.id, cursor, limit: PAGE_SIZE });
  } catch (error) {
    // A hand-edited or truncated ?cursor= is the only thing the customer controls here.
    if (!(error instanceof ValidationFailedError)) throw error;
  }

  return (
    <div className="space-y-6">
      <AccountPageHeader title="Your orders" description={cursor ? 'Older orders, newest first.' : 'Newest first.'} />
      {!page ? (
        <Alert variant="warning" role="alert" className="flex-col">
          <p>This page link is not valid any more.</p>
          <Link href="/store/account/orders" className={STORE_LINK_CLASS}>
            Go to your newest orders
          </Link>
        </Alert>
      ) : page.data.length === 0 ? (
        cursor ? (
          <EmptyState icon={Package} title="No older orders" action={<NewestLink />}>
            You have seen all your orders.
          </EmptyState>
        ) : (
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
        )
      ) : (
        <>
          <StoreOrderList orders={page.data} />
          {(cursor || page.nextCursor) && (
            <nav aria-label="More orders" className="flex items-center justify-between gap-3">
              {cursor ? <NewestLink /> : <span />}
              {page.nextCursor && (
                <Link
                  href={`/store/account/orders?cursor=${encodeURIComponent(page.nextCursor)}`}
                  className={cn(buttonVariants({ variant: 'outline' }), STORE_SECONDARY_BUTTON_CLASS)}
                >
                  Older orders
                  <ArrowRight aria-hidden />
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function NewestLink() {
  return (
    <Link href="/store/account/orders" className={cn(buttonVariants({ variant: 'ghost' }), 'h-11 rounded-full focus-visible:ring-emerald-700')}>
      <ArrowLeft aria-hidden />
      Newest orders
    </Link>
  );
}
