'use client';

import { ListFilterChips } from '../list/list-filter-chips';

import { useCustomersListNavigation } from './customers-list-navigation';
import { activeFilterChips } from './customers-list-query';

/** The filters in use as removable chips, with "Clear all" (search included; the sort and page size stay). Nothing when none are set. */
export function CustomersListActiveFilters({ groups, staff, currency }: { groups: { id: string; name: string }[]; staff: { id: string; name: string }[]; currency: string }) {
  const { params } = useCustomersListNavigation();
  return <ListFilterChips chips={activeFilterChips(params, { groups, staff, currency })} keepOnClear={['sort', 'limit']} />;
}
