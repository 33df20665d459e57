'use client';

import { NativeSelect } from '@/components/ui/native-select';
import type { CustomerSort } from '@/lib/validation/customer';

import { useCustomersListNavigation } from './customers-list-navigation';
import { parseSort, withQuery } from './customers-list-query';

const SORT_OPTIONS: { value: CustomerSort; label: string }[] = [
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'name:asc', label: 'Name A–Z' },
  { value: 'name:desc', label: 'Name Z–A' },
  { value: 'totalSpend:desc', label: 'Highest spend' },
  { value: 'totalSpend:asc', label: 'Lowest spend' },
  { value: 'orderCount:desc', label: 'Most orders' },
  { value: 'lastOrderDate:desc', label: 'Recent last order' },
  { value: 'lastOrderDate:asc', label: 'Oldest last order' },
  { value: 'email:asc', label: 'Email A–Z' },
];

/** Sorting for narrow screens, where the table's sortable headers are not shown. */
export function CustomersListSortSelect({ className }: { className?: string }) {
  const { params, navigate } = useCustomersListNavigation();
  const sort = parseSort(params.sort).value;
  const options = SORT_OPTIONS.some((o) => o.value === sort) ? SORT_OPTIONS : [...SORT_OPTIONS, { value: sort, label: sort }];
  return (
    <div className={className}>
      <label htmlFor="customers-sort" className="sr-only">
        Sort by
      </label>
      <NativeSelect id="customers-sort" value={sort} onChange={(event) => navigate(withQuery(params, { sort: event.target.value }))} className="w-full sm:w-auto">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
