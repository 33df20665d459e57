'use client';

import { Plus, Receipt, SearchX } from 'lucide-react';
import Link from 'next/link';

import { Button } from '@/components/ui/button';

import { ListEmptyState, ListPastEndState } from '../list/list-empty-state';

import { useOrdersListNavigation } from './orders-list-navigation';
import { FILTER_KEYS, NEW_ORDER_HREF } from './orders-list-query';

/**
 * Why the list is empty and what to do: the shop has no orders yet, nothing matches the filters, or a stale
 * page link went past the end.
 */
export function OrdersListEmpty({ reason, customerName }: { reason: 'no-orders' | 'no-matches' | 'past-end'; customerName: string | null }) {
  const { params, navigate } = useOrdersListNavigation();

  if (reason === 'no-orders') {
    return (
      <ListEmptyState icon={<Receipt aria-hidden />} title="No orders yet">
        <p>Orders appear here when customers buy in the store, or when you enter one for a customer (a phone or in-person sale).</p>
        <Button asChild className="mt-5">
          <Link href={NEW_ORDER_HREF}>
            <Plus aria-hidden />
            New order
          </Link>
        </Button>
      </ListEmptyState>
    );
  }
  if (reason === 'past-end') return <ListPastEndState>This page is past the end of the list. The link may be older than the orders it pointed at.</ListPastEndState>;
  // Only the customer filter in use: say whose orders are missing, and offer to enter one for them.
  const isCustomerOnly = Boolean(params.customerId) && FILTER_KEYS.every((key) => key === 'customerId' || !params[key]);
  return (
    <ListEmptyState icon={<SearchX aria-hidden />} title={isCustomerOnly ? `${customerName ?? 'This customer'} has no orders yet` : 'No orders match these filters'}>
      <p>{isCustomerOnly ? 'Their orders appear here once placed.' : 'Try another status or a wider date range, or clear the filters to see every order.'}</p>
      <div className="mt-5 flex flex-col justify-center gap-2 sm:flex-row">
        <Button variant="outline" onClick={() => navigate({})}>
          Clear filters
        </Button>
        {isCustomerOnly && (
          <Button asChild>
            <Link href={`${NEW_ORDER_HREF}?customerId=${encodeURIComponent(params.customerId ?? '')}`}>
              <Plus aria-hidden />
              New order for {customerName ?? 'this customer'}
            </Link>
          </Button>
        )}
      </div>
    </ListEmptyState>
  );
}
