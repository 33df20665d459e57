'use client';

import { KeysetPagination } from '../list/keyset-pagination';

import { useOrdersListNavigation } from './orders-list-navigation';

export function OrdersListPagination(props: { nextCursor: string | null; rowCount: number; pageSize: number }) {
  const { params, navigate, isPending } = useOrdersListNavigation();
  return <KeysetPagination noun="orders" params={params} navigate={navigate} isPending={isPending} {...props} />;
}
