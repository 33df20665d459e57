'use client';

import { KeysetPagination } from '../list/keyset-pagination';

import { useCustomersListNavigation } from './customers-list-navigation';

export function CustomersListPagination(props: { nextCursor: string | null; rowCount: number; pageSize: number }) {
  const { params, navigate, isPending } = useCustomersListNavigation();
  return <KeysetPagination noun="customers" params={params} navigate={navigate} isPending={isPending} {...props} />;
}
