'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { CircleAlert, Loader2 } from 'lucide-react';
import * as React from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { addAddressAction, updateAddressAction } from '@/actions/store-account';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { DialogClose, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { ADDRESS_FIELD_ORDER, toAddressFormValues, type AddressFormValues } from '@/lib/address-form-values';
import { COUNTRY_CODES, countryName } from '@/lib/countries';
import type { CustomerAddress } from '@/lib/types';
import { addressCreateSchema } from '@/lib/validation/address';
import { cn } from '@/lib/utils';

import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS, STORE_SECONDARY_BUTTON_CLASS } from '../store-styles';

type FieldName = keyof AddressFormValues;
type Output = z.output<typeof addressCreateSchema>;

/**
 * Add (no `address`) or edit one of the customer's own addresses, checked with the shared address schema in the
 * browser and again by the service. Edits send every field, so nothing is reset by omission.
 */
export function StoreAddressForm({ address, names, isFirst, onSaved }: {
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  /** No address saved yet: this one becomes both defaults whatever the boxes say. */
  isFirst: boolean;
  onSaved: () => void;
}) {
  const [formError, setFormError] = React.useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<AddressFormValues, unknown, Output>({
    // Preprocessed fields (blank → null) declare `unknown` input, so name the form's own shape.
    resolver: zodResolver(addressCreateSchema) as Resolver<AddressFormValues, unknown, Output>,
    defaultValues: toAddressFormValues(address, names),
  });
  const errors = formState.errors;
  const ids = React.useId();
  // Sorted by the name people look for; the dialog renders only in the browser.
  const countries = React.useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)), []);

  async function onSubmit(data: Output) {
    setFormError(null);
    const result = address ? await updateAddressAction(address.id, data) : await addAddressAction(data);
    if (result.ok) return onSaved();
    const fieldErrors = result.fieldErrors
      .map((error) => ({ name: error.path.split('.')[0] as FieldName, message: error.message }))
      .filter((error) => ADDRESS_FIELD_ORDER.includes(error.name))
      .sort((a, b) => ADDRESS_FIELD_ORDER.indexOf(a.name) - ADDRESS_FIELD_ORDER.indexOf(b.name));
    fieldErrors.forEach((error, index) => setError(error.name, { type: 'server', message: error.message }, { shouldFocus: index === 0 }));
    if (fieldErrors.length === 0) setFormError(result.message);
  }

  const id = (name: FieldName) => `${ids}-${name}`;
  const a11y = (name: FieldName) => ({
    id: id(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id(name)}-error` : undefined,
  });
  const text = (name: FieldName, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={id(name)} label={label} error={errors[name]?.message}>
      <Input {...register(name)} {...a11y(name)} {...props} className={STORE_INPUT_CLASS} />
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && (
        <div role="alert" className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {formError}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('firstName', 'First name', { autoComplete: 'given-name' })}
        {text('lastName', 'Last name', { autoComplete: 'family-name' })}
        <div className="sm:col-span-2">{text('company', 'Company (optional)', { autoComplete: 'organization' })}</div>
        <div className="sm:col-span-2">{text('line1', 'Address line 1', { autoComplete: 'address-line1', 'aria-required': true })}</div>
        <div className="sm:col-span-2">{text('line2', 'Address line 2 (optional)', { autoComplete: 'address-line2' })}</div>
        {text('city', 'Town or city', { autoComplete: 'address-level2', 'aria-required': true })}
        {text('region', 'County / state (optional)', { autoComplete: 'address-level1' })}
        {text('postalCode', 'Postcode', { autoComplete: 'postal-code' })}
        <Field id={id('countryCode')} label="Country" error={errors.countryCode?.message}>
          <NativeSelect {...register('countryCode')} {...a11y('countryCode')} autoComplete="country" className={STORE_INPUT_CLASS}>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="sm:col-span-2">{text('phone', 'Phone for delivery (optional)', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}</div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Use as default</legend>
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <Checkbox {...register('isDefaultShipping')} className="size-5 accent-emerald-800 focus-visible:ring-emerald-700" />
          Default shipping address
        </label>
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <Checkbox {...register('isDefaultBilling')} className="size-5 accent-emerald-800 focus-visible:ring-emerald-700" />
          Default billing address
        </label>
        {isFirst && <p className="text-xs text-stone-500">Your first address is used for both shipping and billing.</p>}
      </fieldset>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" className={STORE_SECONDARY_BUTTON_CLASS}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={formState.isSubmitting} className={cn(STORE_BUTTON_CLASS, 'sm:w-auto sm:px-6')}>
          {formState.isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
          {formState.isSubmitting ? 'Saving…' : address ? 'Save address' : 'Add address'}
        </Button>
      </DialogFooter>
    </form>
  );
}
