'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { CircleAlert, CircleCheck, Loader2, RotateCw } from 'lucide-react';
import * as React from 'react';
import { useForm, useWatch, type Resolver, type UseFormRegisterReturn } from 'react-hook-form';
import type { z } from 'zod';

import { saveProfileAction } from '@/actions/store-account';
import { applyServerErrors } from '@/components/forms/use-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatDate } from '@/lib/format';
import type { StoreProfile } from '@/lib/types';
import { cn } from '@/lib/utils';
import { storeProfileUpdateSchema } from '@/lib/validation/store-account';

import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS, STORE_SECONDARY_BUTTON_CLASS } from '../store-styles';

interface ProfileFormValues {
  firstName: string;
  lastName: string;
  phone: string;
  emailMarketingConsent: boolean;
  smsMarketingConsent: boolean;
}

type FieldName = keyof ProfileFormValues;
type Output = z.output<typeof storeProfileUpdateSchema>;
const FIELD_ORDER: FieldName[] = ['firstName', 'lastName', 'phone', 'emailMarketingConsent', 'smsMarketingConsent'];

const STALE_MESSAGE =
  'Your details were changed somewhere else (perhaps in another tab) after you opened this page, so nothing was saved. Reload the page to see the current details, then make your change again.';

function toValues(profile: StoreProfile): ProfileFormValues {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    phone: profile.phone ?? '',
    emailMarketingConsent: profile.emailMarketingConsent,
    smsMarketingConsent: profile.smsMarketingConsent,
  };
}

/** The customer's own details: name, phone and marketing consent. Saves with the version it was opened at. */
export function ProfileForm({ profile }: { profile: StoreProfile }) {
  const [current, setCurrent] = React.useState(profile);
  const [notice, setNotice] = React.useState<{ kind: 'saved' | 'stale' | 'error'; message: string } | null>(null);
  const form = useForm<ProfileFormValues, unknown, Output>({
    // The phone rule is preprocessed (blank → null), so its declared input is `unknown`: name the form's own shape.
    resolver: zodResolver(storeProfileUpdateSchema) as Resolver<ProfileFormValues, unknown, Output>,
    defaultValues: toValues(profile),
  });
  const { register, handleSubmit, formState, reset, control } = form;
  const errors = formState.errors;
  const ids = React.useId();
  // A refusal shows above the form, out of sight on a phone after tapping Save: bring it into view.
  const noticeRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (notice && notice.kind !== 'saved') noticeRef.current?.focus();
  }, [notice]);
  const [emailConsent, smsConsent] = useWatch({ control, name: ['emailMarketingConsent', 'smsMarketingConsent'] });

  async function onSubmit(data: Output) {
    setNotice(null);
    const result = await saveProfileAction({ ...data, version: current.version });
    if (result.ok) {
      setCurrent(result.data);
      reset(toValues(result.data));
      setNotice({ kind: 'saved', message: 'Your details are saved.' });
      return;
    }
    if (result.fieldErrors.some((error) => error.path === 'version')) {
      setNotice({ kind: 'stale', message: STALE_MESSAGE });
      return;
    }
    const formMessage = applyServerErrors(form, result, FIELD_ORDER);
    if (formMessage) setNotice({ kind: 'error', message: formMessage });
  }

  const id = (name: FieldName | 'email') => `${ids}-${name}`;
  const a11y = (name: FieldName, hasHint = false) => ({
    id: id(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id(name)}-error` : hasHint ? `${id(name)}-hint` : undefined,
  });

  const consentNote = (isChecked: boolean, wasGiven: boolean, at: string | null) => {
    if (isChecked && wasGiven && at) return `Given on ${formatDate(at, 'datetime')}`;
    if (isChecked && !wasGiven) return 'Recorded when you save';
    if (!isChecked && wasGiven) return 'Withdrawn when you save';
    return 'Not given';
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6" aria-label="Your details">
      {notice && notice.kind !== 'saved' && (
        <div ref={noticeRef} tabIndex={-1} className="scroll-mt-4 focus:outline-none">
          {notice.kind === 'stale' && (
            <Alert variant="warning" role="alert" className="flex-col sm:flex-row sm:items-center">
              <p className="flex-1">{notice.message}</p>
              <Button type="button" variant="outline" className={cn(STORE_SECONDARY_BUTTON_CLASS, 'h-9')} onClick={() => window.location.reload()}>
                <RotateCw aria-hidden />
                Reload page
              </Button>
            </Alert>
          )}
          {notice.kind === 'error' && (
            <Alert variant="destructive" role="alert">
              <CircleAlert aria-hidden />
              <p>{notice.message}</p>
            </Alert>
          )}
        </div>
      )}
      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6" aria-labelledby={`${ids}-about`}>
        <h2 id={`${ids}-about`} className="font-semibold text-stone-900">
          About you
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id('firstName')} label="First name" error={errors.firstName?.message}>
            <Input {...register('firstName')} {...a11y('firstName')} autoComplete="given-name" aria-required className={STORE_INPUT_CLASS} />
          </Field>
          <Field id={id('lastName')} label="Last name" error={errors.lastName?.message}>
            <Input {...register('lastName')} {...a11y('lastName')} autoComplete="family-name" className={STORE_INPUT_CLASS} />
          </Field>
          <div className="sm:col-span-2">
            <Field id={id('email')} label="Email" hint="This is the email you sign in with, so it can't be changed here. To use another one, contact us.">
              <Input id={id('email')} value={current.email ?? ''} readOnly aria-readonly className={cn(STORE_INPUT_CLASS, 'bg-stone-100 text-stone-600')} aria-describedby={`${id('email')}-hint`} />
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field id={id('phone')} label="Phone (optional)" error={errors.phone?.message} hint="With your country code, like +44 7911 123456.">
              <Input {...register('phone')} {...a11y('phone', true)} type="tel" inputMode="tel" autoComplete="tel" placeholder="+44 7911 123456" className={STORE_INPUT_CLASS} />
            </Field>
          </div>
        </div>
      </section>

      <section className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <fieldset className="space-y-4">
        <legend className="font-semibold text-stone-900">Marketing</legend>
        <p className="text-sm text-stone-600">Choose how we may tell you about offers and news. You can change this at any time.</p>
        <ConsentCheckbox
          id={id('emailMarketingConsent')}
          label="Email me offers and news"
          note={consentNote(emailConsent, current.emailMarketingConsent, current.emailConsentAt)}
          error={errors.emailMarketingConsent?.message}
          input={register('emailMarketingConsent')}
        />
        <ConsentCheckbox
          id={id('smsMarketingConsent')}
          label="Text me offers and news"
          note={consentNote(smsConsent, current.smsMarketingConsent, current.smsConsentAt)}
          error={errors.smsMarketingConsent?.message}
          input={register('smsMarketingConsent')}
        />
        </fieldset>
      </section>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
        {notice?.kind === 'saved' && !formState.isDirty && (
          <p role="status" className="flex items-center gap-1.5 text-sm text-emerald-700">
            <CircleCheck className="size-4" aria-hidden />
            {notice.message}
          </p>
        )}
        <Button type="submit" disabled={formState.isSubmitting} className={cn(STORE_BUTTON_CLASS, 'sm:w-auto sm:px-8')}>
          {formState.isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
          {formState.isSubmitting ? 'Saving…' : 'Save details'}
        </Button>
      </div>
    </form>
  );
}

function ConsentCheckbox({ id, label, note, error, input }: {
  id: string;
  label: string;
  note: string;
  error?: string;
  input: UseFormRegisterReturn<'emailMarketingConsent' | 'smsMarketingConsent'>;
}) {
  return (
    <div className="flex items-start gap-3">
      <Checkbox {...input} id={id} className="mt-0.5 size-5 accent-emerald-800 focus-visible:ring-emerald-700" aria-describedby={`${id}-note${error ? ` ${id}-error` : ''}`} aria-invalid={error ? true : undefined} />
      <div className="space-y-0.5">
        <label htmlFor={id} className="text-sm font-medium text-stone-900">
          {label}
        </label>
        <p id={`${id}-note`} className="text-xs text-stone-500">
          {note}
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
