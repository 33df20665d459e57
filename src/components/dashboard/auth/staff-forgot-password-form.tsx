'use client';

import { Loader2, MailCheck } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

import { runAuthRequest } from '@/components/forms/auth-request';
import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { whenToRetry } from '@/lib/sign-in-wait';
import { emailSchema } from '@/lib/validation/common';

import { SimpleFormError } from './simple-form-error';
import { staffAuthClient } from './staff-auth-client';

function LinkSent({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="space-y-3 text-center">
      <span className="mx-auto flex size-11 items-center justify-center rounded-full bg-emerald-50 text-emerald-700">
        <MailCheck className="size-5" aria-hidden />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        Check your email
      </h2>
      {/* The same answer whether or not the email has an account: this page does not tell who works here. */}
      <p className="text-sm text-slate-600">
        If <strong className="font-semibold [overflow-wrap:anywhere] text-slate-900">{email}</strong> belongs to an active staff account, we sent it a link to
        choose a new password. The link works for one hour.
      </p>
    </div>
  );
}

/** Asks for a reset link by email; answers the same whether or not the email has an account. */
export function StaffForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const isHydrated = useIsHydrated();
  const inputRef = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'Enter your email');
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setIsSending(true);
    const failure = await runAuthRequest((fetchOptions) => staffAuthClient.requestPasswordReset({ email: parsed.data, redirectTo: '/reset-password' }, fetchOptions));
    setIsSending(false);
    if (!failure) return setSentTo(parsed.data);
    if (failure.status === 429) setFormError(`Too many reset emails were asked. Check your inbox, or try again ${whenToRetry(failure.retryAfter, 'in 15 minutes')}.`);
    else if (failure.status && failure.status >= 500) setFormError('Something went wrong on the server. Try again in a moment.');
    else if (failure.status) setFormError(failure.message ?? 'The request was refused.');
    else setFormError('Could not reach the server. Check your connection and try again.');
  }

  if (sentTo) return <LinkSent email={sentTo} />;

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4" aria-describedby={formError ? 'forgot-error' : undefined}>
      <SimpleFormError id="forgot-error" text={formError} />
      <Field id="email" label="Email" error={fieldError ?? undefined}>
        <Input
          ref={inputRef}
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'email-error' : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isSending || !isHydrated}>
        {isSending && <Loader2 className="animate-spin" aria-hidden />}
        {isSending ? 'Sending…' : 'Send me a link'}
      </Button>
    </form>
  );
}
