'use client';

import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { COUNTRY_CODES, countryName } from '@/lib/countries';
import { RFM_SEGMENTS } from '@/lib/validation/metrics';

import type { FilterKey } from './customers-list-query';

type FieldProps = (key: FilterKey) => {
  id: string;
  name: string;
  value: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

// Sorted by name once: the select reads as a list of countries, not of codes.
const COUNTRIES = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** A yes/no filter: "Any" leaves it out. */
function YesNoField({ id, label, yes, no, fieldProps, error }: { id: FilterKey; label: string; yes: string; no: string; fieldProps: FieldProps; error?: string }) {
  return (
    <Field id={`filter-${id}`} label={label} error={error}>
      <NativeSelect {...fieldProps(id)}>
        <option value="">Any</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </NativeSelect>
    </Field>
  );
}

/** The filters panel's fields for segment, country, consent, account and orders (inside its grid). */
export function CustomerMoreFilters({ fieldProps, errors }: { fieldProps: FieldProps; errors: Map<string, string> }) {
  return (
    <>
      <Field id="filter-rfmSegment" label="RFM segment" error={errors.get('rfmSegment')}>
        <NativeSelect {...fieldProps('rfmSegment')}>
          <option value="">Any segment</option>
          {RFM_SEGMENTS.map((segment) => (
            <option key={segment} value={segment}>
              {segment}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="filter-country" label="Ships to (default address)" error={errors.get('country')}>
        <NativeSelect {...fieldProps('country')}>
          <option value="">Any country</option>
          {COUNTRIES.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <YesNoField id="emailConsent" label="Email marketing" yes="Agreed" no="Not agreed" fieldProps={fieldProps} error={errors.get('emailConsent')} />
      <YesNoField id="smsConsent" label="SMS marketing" yes="Agreed" no="Not agreed" fieldProps={fieldProps} error={errors.get('smsConsent')} />
      <YesNoField id="hasAccount" label="Storefront account" yes="Has an account" no="No account" fieldProps={fieldProps} error={errors.get('hasAccount')} />
      <YesNoField id="neverOrdered" label="Never ordered" yes="Never ordered" no="Has ordered" fieldProps={fieldProps} error={errors.get('neverOrdered')} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-800">Completed orders</legend>
        <div className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="filter-minOrders" className="sr-only">
              Minimum orders
            </label>
            <Input {...fieldProps('minOrders')} inputMode="numeric" placeholder="Min" />
          </div>
          <span aria-hidden className="pt-2 text-slate-600">
            –
          </span>
          <div className="min-w-0 flex-1">
            <label htmlFor="filter-maxOrders" className="sr-only">
              Maximum orders
            </label>
            <Input {...fieldProps('maxOrders')} inputMode="numeric" placeholder="Max" />
          </div>
        </div>
        {(['minOrders', 'maxOrders'] as const).map(
          (id) =>
            errors.has(id) && (
              <p key={id} id={`filter-${id}-error`} role="alert" className="text-xs font-medium text-red-600">
                {errors.get(id)}
              </p>
            ),
        )}
      </fieldset>
    </>
  );
}
