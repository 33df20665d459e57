'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2 } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';

import { runAuthRequest } from '@/components/forms/auth-request';
import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { useServerErrors } from '@/components/forms/use-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { throwawayPassword } from '@/lib/throwaway-password';
import type { FieldError } from '@/lib/types';
import { storeSignUpSchema } from '@/lib/validation/store-account';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage } from './auth-failure';
import { CheckYourEmail } from './check-your-email';
import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS } from './store-styles';
import { VERIFY_EMAIL_PATH } from '@/lib/store-paths';

type SignUpInput = z.input<typeof storeSignUpSchema>;
type SignUpValues = z.output<typeof storeSignUpSchema>;
const FIELDS = ['firstName', 'lastName', 'email'] as const;
type FieldName = (typeof FIELDS)[number];

/** The server's named field errors (VALIDATION_FAILED from the sign-up hook), when the answer carries them. */
function fieldErrorsOf(body: unknown): FieldError[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string');
}

export function SignUpForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput, unknown, SignUpValues>({
    resolver: zodResolver(storeSignUpSchema),
    defaultValues: { firstName: '', lastName: '', email: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, FIELDS);
  const isHydrated = useIsHydrated();

  async function onSubmit(values: SignUpValues) {
    clearFormError();
    const failure = await runAuthRequest((fetchOptions) =>
      // better-auth needs a password to create the login; the shopper chooses the real one on the confirmation page.
      storeAuthClient.signUp.email(
        { ...values, password: throwawayPassword(), name: `${values.firstName} ${values.lastName}`.trim(), callbackURL: VERIFY_EMAIL_PATH },
        fetchOptions,
      ),
    );
    if (!failure) {
      // The same answer whether or not the email already had an account: its owner hears of it by email.
      setSentTo(values.email);
      return;
    }
    showServerErrors({ message: commonFailureMessage(failure), fieldErrors: failure.code === 'VALIDATION_FAILED' ? fieldErrorsOf(failure.body) : [] });
  }

  if (sentTo) return <CheckYourEmail email={sentTo} />;

  const describedBy = (name: FieldName, hint?: boolean) => (errors[name] ? `${name}-error` : hint ? `${name}-hint` : undefined);

  return (
    // method="post" and the button disabled until hydration: a submit before React is ready must never put the
    // email into a GET URL (history, logs).
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={formError ? 'sign-up-error' : undefined}>
      {formError && (
        <Alert variant="destructive" role="alert" id="sign-up-error">
          <AlertCircle aria-hidden />
          <p>{formError}</p>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={errors.firstName?.message}>
          <Input
            id="firstName"
            autoComplete="given-name"
            autoFocus
            className={STORE_INPUT_CLASS}
            aria-invalid={errors.firstName ? true : undefined}
            aria-describedby={describedBy('firstName')}
            {...form.register('firstName')}
          />
        </Field>
        <Field id="lastName" label="Last name (optional)" error={errors.lastName?.message}>
          <Input
            id="lastName"
            autoComplete="family-name"
            className={STORE_INPUT_CLASS}
            aria-invalid={errors.lastName ? true : undefined}
            aria-describedby={describedBy('lastName')}
            {...form.register('lastName')}
          />
        </Field>
      </div>
      <Field id="email" label="Email" error={errors.email?.message} hint="We send a link to confirm it and choose your password.">
        <Input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          className={STORE_INPUT_CLASS}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy('email', true)}
          {...form.register('email')}
        />
      </Field>
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isSubmitting || !isHydrated}>
        {isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
        {isSubmitting ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
