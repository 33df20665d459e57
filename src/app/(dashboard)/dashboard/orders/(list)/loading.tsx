import { Plus } from 'lucide-react';
import Link from 'next/link';

import { NEW_ORDER_HREF } from '@/components/dashboard/orders/orders-list-query';
import { OrdersListSkeleton } from '@/components/dashboard/orders/orders-list-skeleton';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';

// The same header as the page, so nothing moves when the list arrives.
export default function OrdersLoading() {
  return (
    <>
      <PageHeader
        title="Orders"
        description="Every order in the shop, newest first. Narrow it by status, customer or the date it was placed."
        actions={
          <Button asChild>
            <Link href={NEW_ORDER_HREF}>
              <Plus aria-hidden />
              New order
            </Link>
          </Button>
        }
      />
      <OrdersListSkeleton />
    </>
  );
}
