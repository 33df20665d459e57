'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import * as React from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS, STORE_SECONDARY_BUTTON_CLASS } from '@/components/store/store-styles';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { DialogClose, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { ADDRESS_FIELD_ORDER, toAddressFormValues, type AddressFormValues } from '@/lib/address-form-values';
import { COUNTRY_CODES, countryName } from '@/lib/countries';
import type { CustomerAddress } from '@/lib/types';
import { cn } from '@/lib/utils';
import { addressCreateSchema } from '@/lib/validation/address';

import { FormErrorAlert } from './form-error-alert';
import type { ServerFailure } from './server-errors';
import { useIdempotentSubmit } from './use-idempotent-submit';
import { useServerErrors } from './use-server-errors';

type FieldName = keyof AddressFormValues;
type Output = z.output<typeof addressCreateSchema>;

/**
 * How each audience sees the form. Staff type someone else's address, so the browser must not fill in their own
 * (autoComplete off); a shopper's browser fills in theirs.
 */
const VARIANTS = {
  dashboard: {
    input: undefined,
    checkbox: undefined,
    legend: 'text-slate-800',
    label: 'text-slate-700',
    note: 'text-slate-500',
    cancel: undefined,
    submit: undefined,
    autoComplete: (): string => 'off',
  },
  store: {
    input: STORE_INPUT_CLASS,
    checkbox: 'size-5 accent-emerald-800 focus-visible:ring-emerald-700',
    legend: 'text-stone-800',
    label: 'text-stone-700',
    note: 'text-stone-500',
    cancel: STORE_SECONDARY_BUTTON_CLASS,
    submit: cn(STORE_BUTTON_CLASS, 'sm:w-auto sm:px-6'),
    autoComplete: (token: string) => token,
  },
} as const;

/**
 * Add (no `address`) or edit one address in a dialog, checked with the shared address schema in the browser and
 * again by the service. Edits send every field, so nothing is reset by omission. `save` calls the page's own action,
 * with the submit's idempotency key for an add (useIdempotentSubmit), so that a retry adds one address.
 */
export function AddressForm({ variant, address, names, defaultsNote, save, onSaved }: {
  variant: keyof typeof VARIANTS;
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  /** Under the default boxes, e.g. that a first address becomes both defaults. */
  defaultsNote?: string;
  save: (values: Output, idempotencyKey: string) => Promise<{ ok: true } | ({ ok: false } & ServerFailure)>;
  onSaved: () => void;
}) {
  const look = VARIANTS[variant];
  const form = useForm<AddressFormValues, unknown, Output>({
    // Preprocessed fields (blank → null) declare `unknown` input, so name the form's own shape.
    resolver: zodResolver(addressCreateSchema) as Resolver<AddressFormValues, unknown, Output>,
    defaultValues: toAddressFormValues(address, names),
  });
  const { register, handleSubmit, formState } = form;
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, ADDRESS_FIELD_ORDER);
  const submitOnce = useIdempotentSubmit();
  const errors = formState.errors;
  const ids = React.useId();
  // Sorted by the name people look for, computed in the browser only (the dialog is never server-rendered).
  const countries = React.useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)), []);

  async function onSubmit(data: Output) {
    clearFormError();
    const result = await submitOnce(data, (key) => save(data, key));
    if (result.ok) return onSaved();
    showServerErrors(result);
  }

  const id = (name: FieldName) => `${ids}-${name}`;
  const a11y = (name: FieldName) => ({
    id: id(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id(name)}-error` : undefined,
  });
  const text = (name: FieldName, label: string, autoComplete: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={id(name)} label={label} error={errors[name]?.message}>
      <Input {...register(name)} {...a11y(name)} {...props} autoComplete={look.autoComplete(autoComplete)} className={look.input} />
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormErrorAlert message={formError} isCompact />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('firstName', 'First name', 'given-name')}
        {text('lastName', 'Last name', 'family-name')}
        <div className="sm:col-span-2">{text('company', 'Company (optional)', 'organization')}</div>
        <div className="sm:col-span-2">{text('line1', 'Address line 1', 'address-line1', { 'aria-required': true })}</div>
        <div className="sm:col-span-2">{text('line2', 'Address line 2 (optional)', 'address-line2')}</div>
        {text('city', 'Town or city', 'address-level2', { 'aria-required': true })}
        {text('region', 'County / state (optional)', 'address-level1')}
        {text('postalCode', 'Postcode', 'postal-code')}
        <Field id={id('countryCode')} label="Country" error={errors.countryCode?.message}>
          <NativeSelect {...register('countryCode')} {...a11y('countryCode')} autoComplete={look.autoComplete('country')} className={look.input}>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="sm:col-span-2">{text('phone', 'Phone for delivery (optional)', 'tel', { type: 'tel', inputMode: 'tel' })}</div>
      </div>
      <fieldset className="space-y-2">
        <legend className={cn('text-sm font-medium', look.legend)}>Use as default</legend>
        <label className={cn('flex items-center gap-2 text-sm', look.label)}>
          <Checkbox {...register('isDefaultShipping')} className={look.checkbox} />
          Default shipping address
        </label>
        <label className={cn('flex items-center gap-2 text-sm', look.label)}>
          <Checkbox {...register('isDefaultBilling')} className={look.checkbox} />
          Default billing address
        </label>
        {defaultsNote && <p className={cn('text-xs', look.note)}>{defaultsNote}</p>}
      </fieldset>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" className={look.cancel}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={formState.isSubmitting} className={look.submit}>
          {formState.isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
          {formState.isSubmitting ? 'Saving…' : address ? 'Save address' : 'Add address'}
        </Button>
      </DialogFooter>
    </form>
  );
}
