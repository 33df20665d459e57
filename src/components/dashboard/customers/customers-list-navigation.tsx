'use client';

import { ListProvider, useListNavigation } from '../list/list-navigation';

import { CUSTOMERS_PATH, PARAM_KEYS, type ListParams } from './customers-list-query';

/** Shares one transition between the search box, filters, sort and paging, so any of them shows the list as loading. */
export function CustomersListProvider({ children }: { children: React.ReactNode }) {
  return (
    <ListProvider path={CUSTOMERS_PATH} paramKeys={PARAM_KEYS} noun="customers">
      {children}
    </ListProvider>
  );
}

export const useCustomersListNavigation = () => useListNavigation<ListParams>();
