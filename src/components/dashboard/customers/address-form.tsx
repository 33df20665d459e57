'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { CircleAlert, Loader2 } from 'lucide-react';
import * as React from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { addAddressAction, updateAddressAction } from '@/actions/customers';
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

type FieldName = keyof AddressFormValues;

/** Add (no `address`) or edit one address of a customer; validated with the shared address schema. */
export function AddressForm({ customerId, address, names, onSaved }: {
  customerId: string;
  address?: CustomerAddress;
  names: { firstName: string; lastName: string };
  onSaved: () => void;
}) {
  const [formError, setFormError] = React.useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<AddressFormValues, unknown, z.output<typeof addressCreateSchema>>({
    // The schema's declared input is `unknown` for preprocessed fields (blank → null), so name the form's own shape.
    resolver: zodResolver(addressCreateSchema) as Resolver<AddressFormValues, unknown, z.output<typeof addressCreateSchema>>,
    defaultValues: toAddressFormValues(address, names),
  });
  const errors = formState.errors;
  const ids = React.useId();
  // Sorted by the name people look for, computed in the browser only (the dialog is never server-rendered).
  const countries = React.useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)), []);

  async function onSubmit(data: z.output<typeof addressCreateSchema>) {
    setFormError(null);
    const result = address ? await updateAddressAction(customerId, address.id, data) : await addAddressAction(customerId, data);
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
      <Input {...register(name)} {...a11y(name)} {...props} />
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
        {text('firstName', 'First name', { autoComplete: 'off' })}
        {text('lastName', 'Last name', { autoComplete: 'off' })}
        <div className="sm:col-span-2">{text('company', 'Company (optional)', { autoComplete: 'off' })}</div>
        <div className="sm:col-span-2">{text('line1', 'Address line 1', { autoComplete: 'off', 'aria-required': true })}</div>
        <div className="sm:col-span-2">{text('line2', 'Address line 2 (optional)', { autoComplete: 'off' })}</div>
        {text('city', 'City', { autoComplete: 'off', 'aria-required': true })}
        {text('region', 'County / state (optional)', { autoComplete: 'off' })}
        {text('postalCode', 'Postcode', { autoComplete: 'off' })}
        <Field id={id('countryCode')} label="Country" error={errors.countryCode?.message}>
          <NativeSelect {...register('countryCode')} {...a11y('countryCode')}>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="sm:col-span-2">{text('phone', 'Phone for delivery (optional)', { type: 'tel', autoComplete: 'off' })}</div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Use as default</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <Checkbox {...register('isDefaultShipping')} />
          Default shipping address
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <Checkbox {...register('isDefaultBilling')} />
          Default billing address
        </label>
        {!address && <p className="text-xs text-slate-500">A customer&apos;s first address becomes both defaults.</p>}
      </fieldset>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
          {formState.isSubmitting ? 'Saving…' : address ? 'Save address' : 'Add address'}
        </Button>
      </DialogFooter>
    </form>
  );
}
