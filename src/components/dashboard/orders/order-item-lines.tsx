'use client';

import { Plus, Trash2 } from 'lucide-react';
import * as React from 'react';
import { useFieldArray, useFormContext, type FieldError as FormFieldError } from 'react-hook-form';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatMoney } from '@/lib/format';

import { MoneyInput } from './money-input';
import { EMPTY_ITEM, amountExample, type OrderFormValues, type OrderItemFormValues } from './order-form-schema';

const MAX_ITEMS = 500;

// Column widths shared by the header row and each line (from sm up; phones stack each line).
const GRID = 'sm:grid sm:grid-cols-[minmax(6rem,1fr)_minmax(10rem,2fr)_5.5rem_8rem_7rem_2.25rem] sm:items-start sm:gap-3';

/** The order's item lines: add and remove lines; each shows its own errors and its line total. */
export function OrderItemLines({ currency, lineTotals }: { currency: string; lineTotals: number[] }) {
  const { control, register, formState } = useFormContext<OrderFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  const ids = React.useId();
  const errors = formState.errors.items;
  const listError = errors?.root?.message ?? errors?.message ?? formState.errors.root?.items?.message;

  return (
    <div className="space-y-3">
      <div className={`hidden text-xs font-medium text-slate-500 ${GRID}`} aria-hidden>
        <span>SKU</span>
        <span>Item</span>
        <span className="text-right">Quantity</span>
        <span className="text-right">Unit price</span>
        <span className="text-right">Line total</span>
        <span />
      </div>
      <ol className="space-y-3">
        {fields.map((field, index) => {
          const lineErrors = errors?.[index];
          const id = (name: keyof OrderItemFormValues) => `${ids}-${index}-${name}`;
          const a11y = (name: keyof OrderItemFormValues) => ({
            id: id(name),
            'aria-invalid': lineErrors?.[name] ? true : undefined,
            'aria-describedby': lineErrors?.[name] ? `${id(name)}-error` : undefined,
          });
          return (
            <li key={field.id}>
              <fieldset className={`relative rounded-md border border-slate-200 p-3 sm:border-0 sm:p-0 ${GRID} space-y-3 sm:space-y-0`}>
                <legend className="mb-2 text-sm font-medium text-slate-800 sm:sr-only">Item {index + 1}</legend>
                <LineField id={id('sku')} label="SKU" error={lineErrors?.sku}>
                  <Input {...register(`items.${index}.sku`)} {...a11y('sku')} autoComplete="off" spellCheck={false} />
                </LineField>
                <LineField id={id('name')} label="Item name" error={lineErrors?.name}>
                  <Input {...register(`items.${index}.name`)} {...a11y('name')} autoComplete="off" />
                </LineField>
                <div className="grid grid-cols-2 gap-3 sm:contents">
                  <LineField id={id('quantity')} label="Quantity" error={lineErrors?.quantity}>
                    <Input {...register(`items.${index}.quantity`)} {...a11y('quantity')} inputMode="numeric" autoComplete="off" className="text-right tabular-nums" />
                  </LineField>
                  <LineField id={id('unitPrice')} label="Unit price" error={lineErrors?.unitPrice}>
                    <MoneyInput currency={currency} {...register(`items.${index}.unitPrice`)} {...a11y('unitPrice')} placeholder={amountExample(currency)} />
                  </LineField>
                </div>
                <p className="flex items-center justify-between text-sm sm:block sm:pt-2 sm:text-right">
                  <span className="text-slate-600 sm:sr-only">Line total </span>
                  <output htmlFor={`${id('quantity')} ${id('unitPrice')}`} className="font-medium tabular-nums text-slate-900">
                    {formatMoney(lineTotals[index] ?? 0, currency)}
                  </output>
                </p>
                {/* On phones the button sits on the line's border, level with its "Item 2" legend. */}
                <div className="absolute -top-[18px] right-2 bg-white sm:static sm:flex sm:justify-end sm:bg-transparent">
                  <Button type="button" variant="ghost" size="icon" onClick={() => remove(index)} disabled={fields.length === 1} aria-label={`Remove item ${index + 1}`} title="Remove this line">
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {listError && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {listError}
        </p>
      )}
      <Button type="button" variant="outline" size="sm" onClick={() => append({ ...EMPTY_ITEM })} disabled={fields.length >= MAX_ITEMS}>
        <Plus aria-hidden />
        Add item
      </Button>
    </div>
  );
}

/** A label (shown on phones, read by screen readers everywhere), the control and its error. */
function LineField({ id, label, error, children }: { id: string; label: string; error?: FormFieldError; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 sm:sr-only">
        {label}
      </label>
      {children}
      {error?.message && (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {error.message}
        </p>
      )}
    </div>
  );
}
