'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { mergeCustomersAction } from '@/actions/customer-merge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { CustomerDetail } from '@/lib/types';
import { defaultMergeSide, MERGE_FIELD_LABELS, MERGE_FIELDS, type MergeField, type MergeSide } from '@/lib/validation/customer-merge';
import { cn } from '@/lib/utils';

import { fullName, mergeValueText, unionTagsPreview } from './merge-values';

type Choices = Record<MergeField, MergeSide>;

const defaultsFor = (target: CustomerDetail, source: CustomerDetail): Choices =>
  Object.fromEntries(MERGE_FIELDS.map((field) => [field, defaultMergeSide(target[field], source[field])])) as Choices;

/**
 * Two customers side by side: which record stays (it keeps its id, links and history), and per field whose value
 * wins. Merging opens the kept customer.
 */
export function MergeComparison({ pair, initialTargetId, onCancel }: { pair: [CustomerDetail, CustomerDetail]; initialTargetId?: string; onCancel: () => void }) {
  const router = useRouter();
  const [targetId, setTargetId] = React.useState(initialTargetId ?? (pair[1].orderCount > pair[0].orderCount ? pair[1].id : pair[0].id));
  const target = pair.find((customer) => customer.id === targetId) ?? pair[0];
  const source = pair.find((customer) => customer.id !== target.id) ?? pair[1];
  const [choices, setChoices] = React.useState<Choices>(() => defaultsFor(target, source));
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const bothHaveLogins = Boolean(target.userId && source.userId);

  function keep(id: string) {
    setTargetId(id);
    const nextTarget = pair.find((customer) => customer.id === id) ?? pair[0];
    const nextSource = pair.find((customer) => customer.id !== id) ?? pair[1];
    setChoices(defaultsFor(nextTarget, nextSource));
  }

  function merge() {
    setError(null);
    startTransition(async () => {
      const result = await mergeCustomersAction({ targetId: target.id, sourceId: source.id, fields: choices });
      if (!result.ok) {
        setError([result.message, ...result.fieldErrors.map((e) => e.message)].join(' '));
        return;
      }
      router.push(`/dashboard/customers/${target.id}`);
      router.refresh();
    });
  }

  const side = (customer: CustomerDetail): MergeSide => (customer.id === target.id ? 'target' : 'source');

  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-900">Keep which record?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {pair.map((customer) => (
            <label
              key={customer.id}
              className={cn(
                'flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
                customer.id === target.id ? 'border-indigo-500 bg-indigo-50' : 'border-slate-200',
              )}
            >
              <input type="radio" name="merge-target" className="mt-1 accent-indigo-600" checked={customer.id === target.id} onChange={() => keep(customer.id)} />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{fullName(customer)}</span>
                <span className="block break-all text-slate-600">{customer.email ?? customer.phone ?? 'No contact'}</span>
                <span className="block text-slate-500">
                  {customer.orderCount} {customer.orderCount === 1 ? 'order' : 'orders'} · {customer.addresses.length} {customer.addresses.length === 1 ? 'address' : 'addresses'}
                  {customer.userId ? ' · store login' : ''}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">The other record is removed; its orders, addresses, timeline and login move to the one kept.</p>
      </fieldset>

      <div className="space-y-3">
        <div className="grid gap-1.5 sm:grid-cols-[10rem_1fr_1fr]">
          <h3 className="text-sm font-medium text-slate-900">Which value wins</h3>
          <p className="hidden truncate text-xs font-medium uppercase tracking-wide text-slate-500 sm:block">Kept: {fullName(target)}</p>
          <p className="hidden truncate text-xs font-medium uppercase tracking-wide text-slate-500 sm:block">Merged in: {fullName(source)}</p>
        </div>
        {MERGE_FIELDS.map((field) => {
          const values = [target, source].map((customer) => mergeValueText(customer, field));
          if (values[0] === null && values[1] === null) return null;
          return (
            <div key={field} role="radiogroup" aria-labelledby={`merge-label-${field}`} className="grid gap-1.5 sm:grid-cols-[10rem_1fr_1fr] sm:items-center">
              <span id={`merge-label-${field}`} className="text-sm text-slate-600">
                {MERGE_FIELD_LABELS[field]}
              </span>
              {[target, source].map((customer, index) => (
                <label
                  key={customer.id}
                  className={cn(
                    'flex min-w-0 cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
                    choices[field] === side(customer) ? 'border-indigo-500 bg-indigo-50' : 'border-slate-200',
                  )}
                >
                  <input
                    type="radio"
                    name={`merge-${field}`}
                    className="mt-0.5 accent-indigo-600"
                    checked={choices[field] === side(customer)}
                    onChange={() => setChoices((current) => ({ ...current, [field]: side(customer) }))}
                    aria-label={`${MERGE_FIELD_LABELS[field]}: ${values[index] ?? 'none'} (from ${fullName(customer)})`}
                  />
                  <span className={cn('min-w-0 break-words', values[index] === null && 'italic text-slate-600')}>
                    {field === 'notes' && values[index] ? <span className="line-clamp-3 whitespace-pre-line">{values[index]}</span> : (values[index] ?? 'None')}
                  </span>
                </label>
              ))}
            </div>
          );
        })}
      </div>

      <dl className="grid gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">Tags</dt>
        <dd className="text-slate-900">{unionTagsPreview(target.tags, source.tags).join(', ') || 'None'}</dd>
        <dt className="text-slate-600">Orders</dt>
        <dd className="text-slate-900">{target.orderCount + source.orderCount} completed, stats recomputed from the orders</dd>
        <dt className="text-slate-600">Addresses</dt>
        <dd className="text-slate-900">All {target.addresses.length + source.addresses.length}; the kept record&apos;s defaults stay the defaults</dd>
      </dl>

      {bothHaveLogins && (
        <Alert variant="destructive">Both customers have a storefront login, and a customer can have only one. Ask the customer which account to keep first.</Alert>
      )}
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
        <Button type="button" onClick={merge} disabled={isPending || bothHaveLogins}>
          {isPending && <Loader2 className="animate-spin" aria-hidden />}
          Merge into {fullName(target)}
        </Button>
      </div>
    </div>
  );
}
