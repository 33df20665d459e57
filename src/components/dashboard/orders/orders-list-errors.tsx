'use client';

import type { FieldError } from '@/lib/types';

import { ListParamErrors } from '../list/list-param-errors';

import { useOrdersListNavigation } from './orders-list-navigation';
import { firstPageParams, withFilters, type OrdersListParams } from './orders-list-query';

const PARAM_LABELS: Record<string, string> = {
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
