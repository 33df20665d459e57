'use client';

import type { FieldError } from '@/lib/types';
import type { CustomerFilterKey } from '@/lib/validation/customer';

import { ListParamErrors } from '../list/list-param-errors';

import { useCustomersListNavigation } from './customers-list-navigation';
import { firstPageParams, withQuery, type ListParams } from './customers-list-query';

// Every filter of the list schema needs its words here (the type says so).
const PARAM_LABELS: Record<CustomerFilterKey | 'cursor' | 'sort', string> = {
  q: 'Search',
  groupId: 'Group',
  tag: 'Tag',
  minSpend: 'Min spent',
  maxSpend: 'Max spent',
  lastOrderAfter: 'Last order from',
  lastOrderBefore: 'Last order until',
  createdById: 'Created by',
  cursor: 'Page link',
  sort: 'Sort',
};

export function CustomersListErrors({ errors }: { errors: FieldError[] }) {
  const { params, navigate } = useCustomersListNavigation();
  return (
    <ListParamErrors
      errors={errors}
      labels={PARAM_LABELS}
      onFirstPage={() => navigate(firstPageParams(params))}
      onRemoveBadParams={() => navigate(withQuery(params, Object.fromEntries(errors.map((e) => [e.path, ''])) as ListParams))}
    />
  );
}
