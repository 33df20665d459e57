'use client';

import { AlertCircle, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

import { runAuthRequest } from '@/components/forms/auth-request';
import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

import { storeAuthClient } from './auth-client';
import { NewPasswordFields, saveNewPassword, useNewPasswordForm, type NewPasswordValues } from './new-password-fields';
import { VERIFY_EMAIL_PATH } from '@/lib/store-paths';
import { STORE_BUTTON_CLASS } from './store-styles';

type FormError = { text: string; isDone?: boolean; link?: { href: string; label: string } };

/**
 * The confirmation link's form: choosing the password is what confirms the email, so a password someone else gave
 * at sign-up never survives it. Then signs in with the new password and goes on to `next`.
 */
export function ConfirmEmailForm({ token, email, next }: { token: string; email: string; next: string }) {
  const [formError, setFormError] = useState<FormError | null>(null);
  const [isNavigating, setIsNavigating] = useState(false);
  const form = useNewPasswordForm();
  const { isSubmitting } = form.formState;
  const isBusy = isSubmitting || isNavigating;
  const isHydrated = useIsHydrated();

  async function onSubmit({ password }: NewPasswordValues) {
    setFormError(null);
    const outcome = await saveNewPassword(form, token, password);
    if (outcome.kind === 'expired') {
      setFormError({ text: 'This link has expired or was already used.', link: { href: `${VERIFY_EMAIL_PATH}?error=TOKEN_EXPIRED`, label: 'Ask for a new link' } });
      return;
    }
    if (outcome.kind === 'failed') setFormError({ text: outcome.text });
    if (outcome.kind !== 'saved') return;
    const signInFailure = await runAuthRequest((fetchOptions) => storeAuthClient.signIn.email({ email, password }, fetchOptions));
    if (signInFailure) {
      // The email is confirmed and the password saved; only the sign-in after it did not go through.
      setFormError({ text: 'Your email is confirmed and your password saved.', isDone: true, link: { href: `/store/sign-in?${new URLSearchParams({ next })}`, label: 'Sign in' } });
      return;
    }
    // A full page load, so the shop's header knows the customer.
    setIsNavigating(true);
    window.location.assign(new URL(next, window.location.origin).href);
  }

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={formError ? 'confirm-email-error' : undefined}>
      {formError && (
        <Alert variant={formError.isDone ? 'success' : 'destructive'} role="alert" id="confirm-email-error">
          <AlertCircle aria-hidden />
          <p>
            {formError.text}{' '}
            {formError.link && (
              <Link href={formError.link.href} className="font-medium underline underline-offset-4">
                {formError.link.label}
              </Link>
            )}
          </p>
        </Alert>
      )}
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields form={form} label="Password" />
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Confirming…' : 'Confirm and sign in'}
      </Button>
    </form>
  );
}
