'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2, MailCheck } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';

import { runAuthRequest } from '@/components/forms/auth-request';
import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage } from './auth-failure';
import { emailOnlySchema, type EmailOnlyInput, type EmailOnlyValues } from './email-only-schema';
import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS } from './store-styles';
import { RESET_PASSWORD_PATH } from '@/lib/store-paths';

function LinkSent({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="space-y-4 text-center">
      <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-800">
        <MailCheck className="size-6" aria-hidden />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-stone-900 focus:outline-none">
        Check your email
      </h2>
      {/* The same answer whether or not the email has an account, so this page cannot tell who shops here. */}
      <p className="text-sm text-stone-600">
        If an account exists for <strong className="font-semibold [overflow-wrap:anywhere] text-stone-900">{email}</strong>, we sent it a link to choose a new
        password. The link works for one hour.
      </p>
    </div>
  );
}

export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<EmailOnlyInput, unknown, EmailOnlyValues>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;
  const isHydrated = useIsHydrated();

  async function onSubmit({ email }: EmailOnlyValues) {
    setFormError(null);
    const failure = await runAuthRequest((fetchOptions) => storeAuthClient.requestPasswordReset({ email, redirectTo: RESET_PASSWORD_PATH }, fetchOptions));
    if (!failure) {
      setSentTo(email);
      return;
    }
    setFormError(commonFailureMessage(failure));
    form.setFocus('email');
  }

  if (sentTo) return <LinkSent email={sentTo} />;

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={formError ? 'forgot-password-error' : undefined}>
      {formError && (
        <Alert variant="destructive" role="alert" id="forgot-password-error">
          <AlertCircle aria-hidden />
          <p>{formError}</p>
        </Alert>
      )}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="email"
          autoFocus
          inputMode="email"
          className={STORE_INPUT_CLASS}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
          {...form.register('email')}
        />
      </Field>
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isSubmitting || !isHydrated}>
        {isSubmitting && <Loader2 className="animate-spin" aria-hidden />}
        {isSubmitting ? 'Sending…' : 'Send me a link'}
      </Button>
    </form>
  );
}
