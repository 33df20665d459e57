'use client';

import Link from 'next/link';

import { NativeSelect } from '@/components/ui/native-select';
import type { OrderStatus } from '@/lib/types';
import { ORDER_STATUS_VALUES } from '@/lib/validation/order';
import { cn } from '@/lib/utils';

import { ORDER_STATUS_LABELS } from './order-status-badge';
import { useOrdersListNavigation } from './orders-list-navigation';
import { isOrderStatus, ordersListHref, withFilters } from './orders-list-query';

const OPTIONS: { value: OrderStatus | ''; label: string }[] = [{ value: '', label: 'All' }, ...ORDER_STATUS_VALUES.map((value) => ({ value, label: ORDER_STATUS_LABELS[value] }))];

/**
 * Status as tabs of links (real URLs: they open in a new tab and work before hydration); where six tabs do
 * not fit beside the sidebar (below lg), a select.
 */
export function OrdersStatusFilter() {
  const { params, navigate } = useOrdersListNavigation();
  const current = isOrderStatus(params.status) ? params.status : '';
  const go = (status: string) => navigate(withFilters(params, { status }));

  return (
    <>
      <nav aria-label="Order status" className="hidden border-b border-slate-200 lg:block">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {OPTIONS.map((option) => {
            const isCurrent = option.value === current;
            return (
              <li key={option.value || 'all'}>
                <Link
                  href={ordersListHref(withFilters(params, { status: option.value }))}
                  aria-current={isCurrent ? 'page' : undefined}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    go(option.value);
                  }}
                  className={cn(
                    'inline-flex h-9 items-center whitespace-nowrap border-b-2 px-3 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500',
                    isCurrent ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                  )}
                >
                  {option.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="lg:hidden">
        <label htmlFor="orders-status" className="sr-only">
          Status
        </label>
        <NativeSelect id="orders-status" value={current} onChange={(event) => go(event.target.value)} className="sm:w-56">
          {OPTIONS.map((option) => (
            <option key={option.value || 'all'} value={option.value}>
              {option.value ? option.label : 'All statuses'}
            </option>
          ))}
        </NativeSelect>
      </div>
    </>
  );
}
