'use client';

import { SlidersHorizontal, X } from 'lucide-react';
import { useId, useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { FieldError } from '@/lib/types';
import { cn } from '@/lib/utils';

import { CustomerMoreFilters } from './customer-more-filters';
import { useCustomersListNavigation } from './customers-list-navigation';
import { activeFilterChips, FILTER_KEYS, withoutFilters, withQuery, type FilterKey, type ListParams } from './customers-list-query';

type Values = Record<FilterKey, string>;

function valuesOf(params: ListParams): Values {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params[key] ?? ''])) as Values;
}

export interface CustomerFiltersProps {
  groups: { id: string; name: string }[];
  staff: { id: string; name: string }[];
  /** ISO 4217 code the spend amounts are typed in (major units). */
  currency: string;
  currencySymbol: string;
  /** Parameters the server could not use, shown beside their fields. */
  errors: FieldError[];
}

/** The "Filters" button and panel. Filters apply together on "Apply" so that a half-typed range does not reload the list. */
export function CustomerFilters({ groups, staff, currency, currencySymbol, errors }: CustomerFiltersProps) {
  const { params, navigate } = useCustomersListNavigation();
  const panelId = useId();
  const activeCount = activeFilterChips(params, { groups, staff, currency }).length;
  const errorByField = new Map(errors.map((e) => [e.path, e.message]));
  const hasFilterErrors = FILTER_KEYS.some((key) => errorByField.has(key));
  const [isOpen, setIsOpen] = useState(hasFilterErrors);

  // The form follows the URL when it changes from elsewhere (a chip removed, Back), and is edited freely in between.
  const urlValues = valuesOf(params);
  const urlSignature = JSON.stringify(urlValues);
  const [values, setValues] = useState(urlValues);
  const [seenSignature, setSeenSignature] = useState(urlSignature);
  if (urlSignature !== seenSignature) {
    setSeenSignature(urlSignature);
    setValues(urlValues);
  }
  // New errors from the server open the panel, so the message is seen beside its field.
  const errorSignature = errors.map((e) => e.path).join();
  const [seenErrorSignature, setSeenErrorSignature] = useState(errorSignature);
  if (errorSignature !== seenErrorSignature) {
    setSeenErrorSignature(errorSignature);
    if (hasFilterErrors) setIsOpen(true);
  }

  const set = (key: FilterKey) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const fieldProps = (key: FilterKey) => ({
    id: `filter-${key}`,
    name: key,
    value: values[key],
    onChange: set(key),
    'aria-invalid': errorByField.has(key) || undefined,
    'aria-describedby': errorByField.has(key) ? `filter-${key}-error` : undefined,
  });

  return (
    <>
      <Button
        type="button"
        variant="outline"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
        className={cn(isOpen && 'bg-slate-100')}
      >
        <SlidersHorizontal aria-hidden />
        Filters
        {activeCount > 0 && (
          <Badge className="px-1.5" aria-label={`${activeCount} active`}>
            {activeCount}
          </Badge>
        )}
      </Button>
      <section
        id={panelId}
        aria-label="Filters"
        hidden={!isOpen}
        className="order-last w-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            navigate(withQuery(params, values));
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="filter-groupId" label="Group" error={errorByField.get('groupId')}>
              <NativeSelect {...fieldProps('groupId')}>
                <option value="">Any group</option>
                <option value="none">No group</option>
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="filter-tag" label="Tag" error={errorByField.get('tag')}>
              <Input {...fieldProps('tag')} placeholder="e.g. newsletter" maxLength={40} />
            </Field>
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-slate-800">Total spent ({currencySymbol})</legend>
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1">
                  <label htmlFor="filter-minSpend" className="sr-only">
                    Minimum spent
                  </label>
                  <Input {...fieldProps('minSpend')} inputMode="decimal" placeholder="Min" />
                </div>
                <span aria-hidden className="pt-2 text-slate-400">
                  –
                </span>
                <div className="min-w-0 flex-1">
                  <label htmlFor="filter-maxSpend" className="sr-only">
                    Maximum spent
                  </label>
                  <Input {...fieldProps('maxSpend')} inputMode="decimal" placeholder="Max" />
                </div>
              </div>
              <FieldErrors ids={['minSpend', 'maxSpend']} errors={errorByField} />
            </fieldset>
            <Field id="filter-createdById" label="Created by" error={errorByField.get('createdById')}>
              <NativeSelect {...fieldProps('createdById')}>
                <option value="">Anyone</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <fieldset className="space-y-1.5 sm:col-span-2">
              <legend className="text-sm font-medium text-slate-800">Last order between</legend>
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1">
                  <label htmlFor="filter-lastOrderAfter" className="sr-only">
                    Last order from
                  </label>
                  <Input {...fieldProps('lastOrderAfter')} type="date" />
                </div>
                <span aria-hidden className="pt-2 text-slate-400">
                  –
                </span>
                <div className="min-w-0 flex-1">
                  <label htmlFor="filter-lastOrderBefore" className="sr-only">
                    Last order until
                  </label>
                  <Input {...fieldProps('lastOrderBefore')} type="date" />
                </div>
              </div>
              <FieldErrors ids={['lastOrderAfter', 'lastOrderBefore']} errors={errorByField} />
            </fieldset>
            <CustomerMoreFilters fieldProps={fieldProps} errors={errorByField} />
            <Field id="filter-erased" label="Erased customers" error={errorByField.get('erased')}>
              <NativeSelect {...fieldProps('erased')}>
                <option value="">Leave out</option>
                <option value="include">Include</option>
                <option value="only">Only erased</option>
              </NativeSelect>
            </Field>
          </div>
          <div className="mt-4 flex flex-col-reverse gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setValues(valuesOf({}));
                navigate(withQuery(withoutFilters(params), { q: params.q }));
              }}
            >
              <X aria-hidden />
              Clear filters
            </Button>
            <Button type="submit">Apply filters</Button>
          </div>
        </form>
      </section>
    </>
  );
}

function FieldErrors({ ids, errors }: { ids: FilterKey[]; errors: Map<string, string> }) {
  return ids.map(
    (id) =>
      errors.has(id) && (
        <p key={id} id={`filter-${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {errors.get(id)}
        </p>
      ),
  );
}
