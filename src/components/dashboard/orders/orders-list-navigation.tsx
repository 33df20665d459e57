'use client';

import { ListProvider, useListNavigation } from '../list/list-navigation';

import { ORDERS_PATH, PARAM_KEYS, type OrdersListParams } from './orders-list-query';

/** Shares one transition between the filters and paging, so any of them shows the list as loading. */
export function OrdersListProvider({ children }: { children: React.ReactNode }) {
  return (
    <ListProvider path={ORDERS_PATH} paramKeys={PARAM_KEYS} noun="orders">
      {children}
    </ListProvider>
  );
}

export const useOrdersListNavigation = () => useListNavigation<OrdersListParams>();
