'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import * as React from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

import { createCustomerAction, updateCustomerAction } from '@/actions/customers';
import { CustomerStaleBanner, CustomerCarriedEdits } from '@/components/dashboard/customers/customer-stale-banner';
import { CustomerTagsInput } from '@/components/dashboard/customers/customer-tags-input';
import { FormErrorAlert } from '@/components/forms/form-error-alert';
import { useSaveThenOpen } from '@/components/forms/use-save-then-open';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { formatDate } from '@/lib/format';
import type { Customer, CustomerGroup } from '@/lib/types';
import { CUSTOMER_FIELD_LABELS, customerCreateSchema, customerUpdateSchema, type CustomerCreateInput, type CustomerField } from '@/lib/validation/customer';

/** What the form holds while editing: plain strings for text boxes; the schema turns blanks into null. */
export interface CustomerFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  customerGroupId: string;
  tags: string[];
  notes: string;
  emailMarketingConsent: boolean;
  smsMarketingConsent: boolean;
  /** The version the editor started from (edit only); sent so a stale save is refused, not applied. */
  version?: number;
}

type FieldName = CustomerField;

// DOM order: the first server error in this order gets focus.
const FIELD_NAMES = Object.keys(CUSTOMER_FIELD_LABELS) as FieldName[];

function toFormValues(customer?: Customer): CustomerFormValues {
  return {
    firstName: customer?.firstName ?? '',
    lastName: customer?.lastName ?? '',
    email: customer?.email ?? '',
    // Stored as E.164; shown grouped ("+44 7911 123456") so it is easy to check. The schema normalises it again.
    phone: customer?.phone ? (parsePhoneNumberFromString(customer.phone)?.formatInternational() ?? customer.phone) : '',
    company: customer?.company ?? '',
    customerGroupId: customer?.customerGroupId ?? '',
    tags: customer?.tags ?? [],
    notes: customer?.notes ?? '',
    emailMarketingConsent: customer?.emailMarketingConsent ?? false,
    smsMarketingConsent: customer?.smsMarketingConsent ?? false,
    version: customer?.version,
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type SubmitValues = z.output<typeof customerUpdateSchema>;

/** Create (no `customer`) or edit a customer, validated by the shared schemas in the browser and again on the server. */
export function CustomerForm({ customer, groups }: { customer?: Customer; groups: Pick<CustomerGroup, 'id' | 'name'>[] }) {
  const router = useRouter();
  const isEdit = Boolean(customer);
  const [isStale, setIsStale] = React.useState(false);
  const [carried, setCarried] = React.useState<Partial<CustomerFormValues> | null>(null);
  const [isReloading, startReload] = React.useTransition();
  // Stays true while the browser moves to the saved customer, so a second click cannot create a duplicate.
  const reloadRequested = React.useRef(false);
  const form = useForm<CustomerFormValues, unknown, SubmitValues>({
    // The schemas' declared input is `unknown` for preprocessed fields (blank → null), so name the form's own shape.
    resolver: (isEdit ? zodResolver(customerUpdateSchema) : zodResolver(customerCreateSchema)) as Resolver<CustomerFormValues, unknown, SubmitValues>,
    defaultValues: toFormValues(customer),
  });
  const { register, handleSubmit, formState, control, reset, getValues, setValue } = form;
  const { formError, isBusy, saveThenOpen } = useSaveThenOpen(form, FIELD_NAMES);
  const errors = formState.errors;
  const ids = React.useId();

  // When "Reload latest" brings a newer version, show it, and set the user's own edits aside to re-apply.
  const latestVersion = customer?.version;
  React.useEffect(() => {
    if (!reloadRequested.current || !customer) return;
    reloadRequested.current = false;
    const typed = getValues();
    const before = formState.defaultValues ?? {};
    const edits: Partial<CustomerFormValues> = {};
    for (const name of FIELD_NAMES) if (!sameValue(typed[name], before[name])) Object.assign(edits, { [name]: typed[name] });
    reset(toFormValues(customer));
    setIsStale(false);
    setCarried(Object.keys(edits).length ? edits : null);
    // Runs once per new version; `customer` is the matching snapshot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latestVersion]);

  const onSubmit = (data: SubmitValues) =>
    saveThenOpen(
      (key) =>
        customer
          ? updateCustomerAction(customer.id, { ...data, version: getValues('version') })
          : // The create resolver produced `data`, so it has the create schema's shape.
            createCustomerAction(data as CustomerCreateInput, key),
      (id) => `/dashboard/customers/${id}`,
      // Someone saved the customer meanwhile: offer their version instead of marking fields.
      (failure) => {
        const isStale = failure.fieldErrors.some((error) => error.path === 'version');
        if (isStale) setIsStale(true);
        return isStale;
      },
    );

  function reloadLatest() {
    reloadRequested.current = true;
    startReload(() => router.refresh());
  }

  function applyCarried() {
    if (!carried) return;
    for (const [name, value] of Object.entries(carried)) setValue(name as FieldName, value as never, { shouldDirty: true });
    setCarried(null);
  }

  const id = (name: FieldName) => `${ids}-${name}`;
  const a11y = (name: FieldName, hasHint = false) => ({
    id: id(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id(name)}-error` : hasHint ? `${id(name)}-hint` : undefined,
  });
  const cancelHref = customer ? `/dashboard/customers/${customer.id}` : '/dashboard/customers';

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6" aria-label={isEdit ? 'Edit customer' : 'New customer'}>
      {isStale && <CustomerStaleBanner isReloading={isReloading} onReload={reloadLatest} />}
      {carried && (
        <CustomerCarriedEdits
          fields={Object.keys(carried).map((name) => CUSTOMER_FIELD_LABELS[name as FieldName])}
          onApply={applyCarried}
          onDismiss={() => setCarried(null)}
        />
      )}
      <FormErrorAlert message={formError} />

      <Card>
        <CardHeader>
          <CardTitle>Contact</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 py-4 sm:grid-cols-2">
          <Field id={id('firstName')} label="First name" error={errors.firstName?.message}>
            <Input {...register('firstName')} {...a11y('firstName')} autoComplete="off" aria-required />
          </Field>
          <Field id={id('lastName')} label="Last name" error={errors.lastName?.message}>
            <Input {...register('lastName')} {...a11y('lastName')} autoComplete="off" />
          </Field>
          <Field id={id('email')} label="Email" error={errors.email?.message} hint="An email or a phone number is required.">
            <Input type="email" inputMode="email" {...register('email')} {...a11y('email', true)} autoComplete="off" placeholder="name@example.com" />
          </Field>
          <Field id={id('phone')} label="Phone" error={errors.phone?.message} hint="+44 7911 123456 or a UK number">
            <Input type="tel" inputMode="tel" {...register('phone')} {...a11y('phone', true)} autoComplete="off" />
          </Field>
          <div className="sm:col-span-2">
            <Field id={id('company')} label="Company" error={errors.company?.message}>
              <Input {...register('company')} {...a11y('company')} autoComplete="off" />
            </Field>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Segmentation</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 py-4 sm:grid-cols-2">
          <Field id={id('customerGroupId')} label="Group" error={errors.customerGroupId?.message} hint="Discounts and campaigns target groups.">
            <NativeSelect {...register('customerGroupId')} {...a11y('customerGroupId', true)}>
              <option value="">No group</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id={id('tags')} label="Tags" error={errors.tags?.message ?? firstTagError(errors.tags)} hint="Press Enter or a comma after each tag.">
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <CustomerTagsInput
                  {...a11y('tags', true)}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  placeholder="e.g. vip, newsletter"
                />
              )}
            />
          </Field>
          <div className="sm:col-span-2">
            <Field id={id('notes')} label="Notes" error={errors.notes?.message} hint="Only staff see notes.">
              <Textarea rows={4} {...register('notes')} {...a11y('notes', true)} />
            </Field>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Marketing</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4 py-4">
          <ConsentField
            id={id('emailMarketingConsent')}
            label="Email marketing"
            description="The customer agreed to receive marketing emails."
            givenAt={customer?.emailMarketingConsent ? customer.emailConsentAt : null}
            error={errors.emailMarketingConsent?.message}
            input={<Checkbox {...register('emailMarketingConsent')} {...a11y('emailMarketingConsent')} />}
          />
          <ConsentField
            id={id('smsMarketingConsent')}
            label="SMS marketing"
            description="The customer agreed to receive marketing text messages. Needs a phone number."
            givenAt={customer?.smsMarketingConsent ? customer.smsConsentAt : null}
            error={errors.smsMarketingConsent?.message}
            input={<Checkbox {...register('smsMarketingConsent')} {...a11y('smsMarketingConsent')} />}
          />
        </CardContent>
      </Card>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonVariants({ variant: 'outline' })}>
          Cancel
        </Link>
        <Button type="submit" disabled={isBusy || isReloading}>
          {isBusy && <Loader2 className="animate-spin" aria-hidden />}
          {isBusy ? 'Saving…' : isEdit ? 'Save changes' : 'Create customer'}
        </Button>
      </div>
    </form>
  );
}

// Per-tag errors arrive as `tags.3`; show the first under the whole field.
function firstTagError(error: unknown): string | undefined {
  if (!Array.isArray(error)) return undefined;
  return error.find((item) => item?.message)?.message;
}

function ConsentField({ id, label, description, givenAt, error, input }: {
  id: string; label: string; description: string; givenAt: string | null; error?: string; input: React.ReactNode;
}) {
  return (
    <div className="flex items-start gap-3">
      <div className="pt-0.5">{input}</div>
      <div className="space-y-0.5 text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        <p className="text-slate-500">
          {description}
          {givenAt && ` Given on ${formatDate(givenAt, 'datetime')}.`}
        </p>
        {error && (
          <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
