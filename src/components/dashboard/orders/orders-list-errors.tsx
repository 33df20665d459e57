'use client';

import type { FieldError } from '@/lib/types';
import type { OrderFilterKey } from '@/lib/validation/order';

import { ListParamErrors } from '../list/list-param-errors';

import { useOrdersListNavigation } from './orders-list-navigation';
import { firstPageParams, withFilters, type OrdersListParams } from './orders-list-query';

// Every filter of the list schema needs its words here (the type says so).
const PARAM_LABELS: Record<OrderFilterKey | 'cursor', string> = {
  status: 'Status',
  customerId: 'Customer',
  placedAfter: 'Placed from',
  placedBefore: 'Placed until',
  cursor: 'Page link',
};

export function OrdersListErrors({ errors }: { errors: FieldError[] }) {
  const { params, navigate } = useOrdersListNavigation();
  return (
    <ListParamErrors
      errors={errors}
      labels={PARAM_LABELS}
      onFirstPage={() => navigate(firstPageParams(params))}
      onRemoveBadParams={() => navigate(withFilters(params, Object.fromEntries(errors.map((e) => [e.path, ''])) as OrdersListParams))}
    />
  );
}
