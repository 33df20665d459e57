'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ACCOUNT_THROTTLED_CODE, describeWait } from '@/lib/sign-in-wait';

import { staffAuthClient } from './auth-client';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').pipe(z.email('Enter a valid email address, like name@example.com')),
  password: z.string().min(1, 'Enter your password'),
});
type SignInValues = z.infer<typeof signInSchema>;

const subscribeNothing = () => () => {};

/** False in the server HTML and during hydration, true once React handles events. */
function useIsHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}

interface SignInFailure {
  status?: number;
  code?: string;
  /** Seconds until a refused (429) sign-in may be tried again, from the X-Retry-After header. */
  retryAfter?: number;
}

/** "in 15 minutes (at 14:32)": the clock time helps when the wait is long enough to walk away. */
function whenToRetry(seconds: number | undefined, fallback: string): string {
  if (!seconds || !Number.isFinite(seconds)) return fallback;
  if (seconds < 120) return `in ${describeWait(seconds)}`;
  // The visitor's own clock: this is shown only after a submit, never in server HTML.
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `in ${describeWait(seconds)} (at ${at})`;
}

/** What to tell someone whose sign-in was refused, by HTTP status and better-auth error code. */
function failureMessage({ status, code, retryAfter }: SignInFailure): string {
  // Said the same whether or not the email has an account.
  if (code === ACCOUNT_THROTTLED_CODE) return `Too many failed attempts for this email. Try again ${whenToRetry(retryAfter, 'in 15 minutes')}.`;
  if (status === 429) return `Too many sign-in attempts from this network. Try again ${whenToRetry(retryAfter, 'in a minute')}.`;
  if (status === 401 || status === 400) return 'Wrong email or password.';
  // better-auth's CSRF check: the page was opened at an address the server does not know as its own.
  if (code === 'INVALID_ORIGIN' || code === 'MISSING_OR_NULL_ORIGIN')
    return 'Sign-in is not allowed from this address. Open the dashboard at the shop’s configured URL and try again.';
  if (status === 403) return 'This account cannot sign in right now. Ask the shop owner.';
  if (status && status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  return 'Could not reach the server. Check your connection and try again.';
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [isNavigating, startNavigation] = useTransition();
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const isBusy = isSubmitting || isNavigating;
  const isHydrated = useIsHydrated();

  async function onSubmit(values: SignInValues) {
    setFormError(null);
    const failure: SignInFailure = {};
    try {
      const { error } = await staffAuthClient.signIn.email(
        { email: values.email, password: values.password },
        {
          onError: ({ response }) => {
            failure.retryAfter = Number(response.headers.get('x-retry-after')) || undefined;
          },
        },
      );
      if (!error) {
        startNavigation(() => router.replace(next));
        return;
      }
      failure.status = error.status;
      failure.code = error.code;
    } catch {
      // The server was not reached: no status, and the message says so.
    }
    setFormError(failureMessage(failure));
    form.resetField('password');
    form.setFocus('password');
  }

  return (
    // method="post" and the button disabled until hydration: a submit before React is ready must never put the
    // password into a GET URL (history, logs).
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={formError ? 'sign-in-error' : undefined}>
      {formError && (
        <Alert variant="destructive" role="alert" id="sign-in-error">
          <AlertCircle aria-hidden />
          <p>{formError}</p>
        </Alert>
      )}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          inputMode="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
          {...form.register('email')}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
          {...form.register('password')}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
