'use client';

import { AlertCircle } from 'lucide-react';

import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FieldError } from '@/lib/types';

import { useOrdersListNavigation } from './orders-list-navigation';
import { firstPageParams, withFilters, type OrdersListParams } from './orders-list-query';

const PARAM_LABELS: Record<string, string> = {
  status: 'Status',
  customerId: 'Customer',
  placedAfter: 'Placed from',
  placedBefore: 'Placed until',
  cursor: 'Page link',
};

/** In place of the results when the URL holds values the list cannot use: what is wrong, and a way out. */
export function OrdersListErrors({ errors }: { errors: FieldError[] }) {
  const { params, navigate } = useOrdersListNavigation();
  const isCursorOnly = errors.length > 0 && errors.every((e) => e.path === 'cursor');
  const withoutBadParams = withFilters(params, Object.fromEntries(errors.map((e) => [e.path, ''])) as OrdersListParams);

  return (
    <Alert variant="destructive" role="alert">
      <AlertCircle aria-hidden />
      <div className="min-w-0">
        <AlertTitle>{isCursorOnly ? 'This page link no longer works' : 'Some filters could not be used'}</AlertTitle>
        <ul className="mt-1 list-inside list-disc space-y-0.5">
          {errors.map((error) => (
            <li key={error.path + error.message}>
              <span className="font-medium">{PARAM_LABELS[error.path] ?? error.path}:</span> {error.message}
            </li>
          ))}
        </ul>
        <Button variant="outline" size="sm" className="mt-3" onClick={() => navigate(isCursorOnly ? firstPageParams(params) : withoutBadParams)}>
          {isCursorOnly ? 'Go to the first page' : errors.length === 1 ? 'Remove this filter' : 'Remove these filters'}
        </Button>
      </div>
    </Alert>
  );
}
