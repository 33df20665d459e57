'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2 } from 'lucide-react';
import { useForm } from 'react-hook-form';

import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

import { emailOnlySchema, type EmailOnlyInput, type EmailOnlyValues } from './email-only-schema';
import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS } from './store-styles';
import { useResendVerification } from './use-resend-verification';

/** For a verification link that failed: the email, and a new link sent to it if it has an unconfirmed account. */
export function ResendVerificationForm() {
  const form = useForm<EmailOnlyInput, unknown, EmailOnlyValues>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: '' } });
  const { errors } = form.formState;
  const { state, resend } = useResendVerification();
  const isHydrated = useIsHydrated();
  const isSending = state.kind === 'sending';

  return (
    <form method="post" onSubmit={form.handleSubmit((values) => resend(values.email))} noValidate className="space-y-4">
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          className={STORE_INPUT_CLASS}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
          {...form.register('email')}
        />
      </Field>
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isSending || !isHydrated}>
        {isSending && <Loader2 className="animate-spin" aria-hidden />}
        {isSending ? 'Sending…' : 'Send a new link'}
      </Button>
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'text-sm font-medium text-red-700' : 'text-sm text-emerald-800'}>
        {state.kind === 'sent' && `If ${state.email} has an account waiting for confirmation, a new link is on its way.`}
        {state.kind === 'failed' && state.message}
      </p>
    </form>
  );
}
