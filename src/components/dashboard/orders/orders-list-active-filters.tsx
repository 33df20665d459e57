'use client';

import { ListFilterChips } from '../list/list-filter-chips';

import { useOrdersListNavigation } from './orders-list-navigation';
import { activeFilterChips } from './orders-list-query';

/** The filters in use as removable chips, with "Clear all" (the sort and page size stay). Nothing when none are set. */
export function OrdersListActiveFilters({ customerName }: { customerName: string | null }) {
  const { params } = useOrdersListNavigation();
  return <ListFilterChips chips={activeFilterChips(params, { customerName })} keepOnClear={['sort', 'limit']} />;
}
