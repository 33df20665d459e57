'use client';

import { AlertCircle, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

import { NewPasswordFields, saveNewPassword, useNewPasswordForm, type NewPasswordValues } from './new-password-fields';
import { FORGOT_PASSWORD_PATH, PASSWORD_RESET_NOTICE } from '@/lib/store-paths';
import { STORE_BUTTON_CLASS, STORE_LINK_CLASS } from './store-styles';

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<{ text: string; isExpired: boolean } | null>(null);
  const [isNavigating, startNavigation] = useTransition();
  const form = useNewPasswordForm();
  const { isSubmitting } = form.formState;
  const isBusy = isSubmitting || isNavigating;
  const isHydrated = useIsHydrated();

  async function onSubmit({ password }: NewPasswordValues) {
    setFormError(null);
    const outcome = await saveNewPassword(form, token, password);
    if (outcome.kind === 'saved') startNavigation(() => router.replace(`/store/sign-in?notice=${PASSWORD_RESET_NOTICE}`));
    if (outcome.kind === 'expired') setFormError({ text: 'This link has expired or was already used.', isExpired: true });
    if (outcome.kind === 'failed') setFormError({ text: outcome.text, isExpired: false });
  }

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" aria-describedby={formError ? 'reset-password-error' : undefined}>
      {formError && (
        <Alert variant="destructive" role="alert" id="reset-password-error">
          <AlertCircle aria-hidden />
          <p>
            {formError.text}{' '}
            {formError.isExpired && (
              <Link href={FORGOT_PASSWORD_PATH} className="font-medium underline underline-offset-4">
                Ask for a new link
              </Link>
            )}
          </p>
        </Alert>
      )}
      <NewPasswordFields form={form} label="New password" />
      <p className="text-xs text-stone-500">Changing your password signs you out on every device.</p>
      <Button type="submit" className={STORE_BUTTON_CLASS} disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Saving…' : 'Save new password'}
      </Button>
      <p className="text-center text-sm">
        <Link href="/store/sign-in" className={STORE_LINK_CLASS}>
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
