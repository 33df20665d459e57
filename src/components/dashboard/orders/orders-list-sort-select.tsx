'use client';

import { NativeSelect } from '@/components/ui/native-select';
import type { OrderSort } from '@/lib/validation/order';

import { useOrdersListNavigation } from './orders-list-navigation';
import { parseOrderSort, withFilters } from './orders-list-query';

const SORT_OPTIONS: { value: OrderSort; label: string }[] = [
  { value: 'placedAt:desc', label: 'Newest first' },
  { value: 'placedAt:asc', label: 'Oldest first' },
  { value: 'total:desc', label: 'Highest total' },
  { value: 'total:asc', label: 'Lowest total' },
  { value: 'customer:asc', label: 'Customer A–Z' },
  { value: 'customer:desc', label: 'Customer Z–A' },
  { value: 'status:asc', label: 'Status A–Z' },
  { value: 'status:desc', label: 'Status Z–A' },
];

/** The order list's sort; the default (newest first) is left out of the URL. */
export function OrdersListSortSelect({ className }: { className?: string }) {
  const { params, navigate } = useOrdersListNavigation();
  const sort = parseOrderSort(params.sort);
  return (
    <div className={className}>
      <label htmlFor="orders-sort" className="sr-only">
        Sort by
      </label>
      <NativeSelect
        id="orders-sort"
        value={sort}
        onChange={(event) => navigate(withFilters(params, { sort: event.target.value === 'placedAt:desc' ? '' : event.target.value }))}
        className="w-full sm:w-auto"
      >
        {SORT_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
