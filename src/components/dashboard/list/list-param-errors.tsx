'use client';

import { AlertCircle } from 'lucide-react';

import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FieldError } from '@/lib/types';

import { firstPageParams } from './keyset-paging';
import { useListNavigation } from './list-navigation';
import { withChangedQuery } from './list-url';

interface ListParamErrorsProps {
  errors: FieldError[];
  /** What each URL parameter is called on screen, e.g. { placedAfter: 'Placed from' }. */
  labels: Record<string, string>;
}

/** In place of the results when the URL holds values a list cannot use: what is wrong, and a way out. */
export function ListParamErrors({ errors, labels }: ListParamErrorsProps) {
  const { params, navigate } = useListNavigation();
  const isCursorOnly = errors.length > 0 && errors.every((e) => e.path === 'cursor');
  const removeBadParams = () => navigate(withChangedQuery(params, Object.fromEntries(errors.map((e) => [e.path, '']))));
  return (
    <Alert variant="destructive" role="alert">
      <AlertCircle aria-hidden />
      <div className="min-w-0">
        <AlertTitle>{isCursorOnly ? 'This page link no longer works' : 'Some filters could not be used'}</AlertTitle>
        <ul className="mt-1 list-inside list-disc space-y-0.5">
          {errors.map((error) => (
            <li key={error.path + error.message}>
              <span className="font-medium">{labels[error.path] ?? error.path}:</span> {error.message}
            </li>
          ))}
        </ul>
        <Button variant="outline" size="sm" className="mt-3" onClick={isCursorOnly ? () => navigate(firstPageParams(params)) : removeBadParams}>
          {isCursorOnly ? 'Go to the first page' : errors.length === 1 ? 'Remove this filter' : 'Remove these filters'}
        </Button>
      </div>
    </Alert>
  );
}
