'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { FieldError } from '@/lib/types';

import { useOrdersListNavigation } from './orders-list-navigation';
import { withFilters } from './orders-list-query';

type Key = 'placedAfter' | 'placedBefore';

/**
 * The placed-date range. It applies on "Apply" (or Enter), not on every change: a date input reports a
 * valid date while its year is still being typed.
 */
export function OrdersDateFilter({ errors }: { errors: FieldError[] }) {
  const { params, navigate } = useOrdersListNavigation();
  const errorByField = new Map(errors.map((e) => [e.path, e.message]));
  // The inputs follow the URL when it changes from elsewhere (a chip removed, Back), and are edited freely in between.
  const urlValues = { placedAfter: params.placedAfter ?? '', placedBefore: params.placedBefore ?? '' };
  const urlSignature = `${urlValues.placedAfter}|${urlValues.placedBefore}`;
  const [values, setValues] = useState(urlValues);
  const [seenSignature, setSeenSignature] = useState(urlSignature);
  if (urlSignature !== seenSignature) {
    setSeenSignature(urlSignature);
    setValues(urlValues);
  }
  const isChanged = values.placedAfter !== urlValues.placedAfter || values.placedBefore !== urlValues.placedBefore;

  const input = (key: Key, label: string) => (
    <div className="min-w-0 flex-1 sm:w-40 sm:flex-none">
      <label htmlFor={`orders-${key}`} className="sr-only">
        {label}
      </label>
      <Input
        id={`orders-${key}`}
        type="date"
        value={values[key]}
        onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
        aria-invalid={errorByField.has(key) || undefined}
        aria-describedby={errorByField.has(key) ? `orders-${key}-error` : undefined}
      />
    </div>
  );

  return (
    <form
      className="min-w-0 basis-full sm:basis-auto"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(withFilters(params, values));
      }}
    >
      <div role="group" aria-labelledby="orders-placed-label" className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
        <span id="orders-placed-label" className="shrink-0 text-sm font-medium text-slate-700">
          Placed
        </span>
        <div className="flex items-center gap-2">
          {input('placedAfter', 'Placed from')}
          <span aria-hidden className="text-slate-400">
            –
          </span>
          {input('placedBefore', 'Placed until')}
          <Button type="submit" variant={isChanged ? 'default' : 'outline'}>
            Apply
          </Button>
        </div>
      </div>
      {(['placedAfter', 'placedBefore'] as const).map(
        (key) =>
          errorByField.has(key) && (
            <p key={key} id={`orders-${key}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
              {key === 'placedAfter' ? 'From' : 'Until'}: {errorByField.get(key)}
            </p>
          ),
      )}
    </form>
  );
}
