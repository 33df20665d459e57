'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2, MailWarning } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage, runAuthRequest, type StoreAuthFailure } from './auth-failure';
import { PasswordInput } from './password-input';
import { FORGOT_PASSWORD_PATH, VERIFY_EMAIL_PATH } from '@/lib/store-paths';
import { STORE_BUTTON_CLASS, STORE_INPUT_CLASS, STORE_LINK_CLASS } from './store-styles';
import { useIsHydrated } from './use-is-hydrated';
import { useResendVerification } from './use-resend-verification';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').pipe(z.email('Enter a valid email address, like name@example.com')),
  password: z.string().min(1, 'Enter your password'),
});
type SignInValues = z.infer<typeof signInSchema>;

type FormMessage = { kind: 'error' | 'unverified'; text: string };

/** What to tell a customer whose sign-in was refused, by HTTP status and better-auth error code. */
function failureMessage(failure: StoreAuthFailure): FormMessage {
  // No mail is sent on sign-in (that would escape the per-email mail limit): the form offers to send the link again.
  if (failure.code === 'EMAIL_NOT_VERIFIED') return { kind: 'unverified', text: 'Confirm your email first: open the link we emailed you. Lost it, or it expired? We can send it again.' };
  // A shopper who signed up but has not opened the mail yet has no password: tell them where it comes from.
  if (failure.status === 401 || failure.status === 400) {
    return { kind: 'error', text: 'Wrong email or password. Just signed up? Open the link we emailed you to choose your password.' };
  }
  return { kind: 'error', text: commonFailureMessage(failure) };
}

/** Under the "confirm your email first" message: sends the confirmation link again (limited per email). */
function ResendLink({ email, callbackURL }: { email: string; callbackURL: string }) {
  const { state, resend } = useResendVerification();
  return (
    <div className="mt-2 space-y-2">
      <Button type="button" variant="outline" size="sm" disabled={state.kind === 'sending'} onClick={() => resend(email, callbackURL)}>
        {state.kind === 'sending' && <Loader2 className="animate-spin" aria-hidden />}
        {state.kind === 'sending' ? 'Sending…' : 'Send the link again'}
      </Button>
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'font-medium text-red-700' : ''}>
        {state.kind === 'sent' && `We sent a new link to ${state.email}.`}
        {state.kind === 'failed' && state.message}
      </p>
    </div>
  );
}

/**
 * `next` is already a safe storefront path. Sign-in goes through the verify-email page with it: on success the auth
 * client loads that page (which sends a signed-in customer on to `next`), and a confirmation link sent again from
 * here carries it too, so confirming also ends where the customer was going.
 */
export function SignInForm({ next }: { next: string }) {
  const [message, setMessage] = useState<FormMessage | null>(null);
  // The email the unverified sign-in was for: the one the link is sent to again.
  const [unverifiedEmail, setUnverifiedEmail] = useState('');
  const [isNavigating, setIsNavigating] = useState(false);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const isBusy = isSubmitting || isNavigating;
  const isHydrated = useIsHydrated();
  const callbackURL = `${VERIFY_EMAIL_PATH}?${new URLSearchParams({ next })}`;

  async function onSubmit(values: SignInValues) {
    setMessage(null);
    const failure = await runAuthRequest((fetchOptions) => storeAuthClient.signIn.email({ ...values, callbackURL }, fetchOptions));
    if (!failure) {
      // A full page load, so the shop's header knows the customer. The auth client's redirect plugin has started
      // it already (the answer carries the callbackURL); this makes it certain.
      setIsNavigating(true);
      window.location.assign(new URL(callbackURL, window.location.origin).href);
      return;
    }
    setMessage(failureMessage(failure));
    setUnverifiedEmail(failure.code === 'EMAIL_NOT_VERIFIED' ? values.email : '');
    form.resetField('password');
    form.setFocus(failure.code === 'EMAIL_NOT_VERIFIED' ? 'email' : 'password');
  }

  return (
    // method="post" and the button disabled until hydration: a submit before React is ready must never put the
    // password into a GET URL (history, logs).
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={message ? 'sign-in-message' : undefined}>
      {message && (
        <Alert variant={message.kind === 'unverified' ? 'warning' : 'destructive'} role="alert" id="sign-in-message">
          {message.kind === 'unverified' ? <MailWarning aria-hidden /> : <AlertCircle aria-hidden />}
          <div>
            <p>{message.text}</p>
            {message.kind === 'unverified' && unverifiedEmail && <ResendLink key={unverifiedEmail} email={unverifiedEmail} callbackURL={callbackURL} />}
          </div>
        </Alert>
      )}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          inputMode="email"
          className={STORE_INPUT_CLASS}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
          {...form.register('email')}
        />
      </Field>
      <div className="space-y-1.5">
        <Field id="password" label="Password" error={errors.password?.message}>
          <PasswordInput
            id="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'password-error' : undefined}
            {...form.register('password')}
          />
        </Field>
        <p className="text-right text-sm">
          <Link href={FORGOT_PASSWORD_PATH} className={STORE_LINK_CLASS}>
            Forgot your password?
          </Link>
        </p>
      </div>
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
