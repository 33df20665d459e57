'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { passwordSchema, PASSWORD_MIN_LENGTH } from '@/lib/validation/store-account';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage, runAuthRequest } from './auth-failure';
import { PasswordInput } from './password-input';
import { FORGOT_PASSWORD_PATH, PASSWORD_RESET_NOTICE } from './store-paths';
import { STORE_BUTTON_CLASS, STORE_LINK_CLASS } from './store-styles';
import { useIsHydrated } from './use-is-hydrated';

/** A new password typed twice: the reset form and the confirmation form (confirm-email-form.tsx). */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string().min(1, 'Type the new password again') })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same' });
export type NewPasswordValues = z.infer<typeof newPasswordSchema>;

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<{ text: string; isExpired: boolean } | null>(null);
  const [isNavigating, startNavigation] = useTransition();
  const form = useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordSchema), defaultValues: { password: '', confirmPassword: '' } });
  const { errors, isSubmitting } = form.formState;
  const isBusy = isSubmitting || isNavigating;
  const isHydrated = useIsHydrated();

  async function onSubmit({ password }: NewPasswordValues) {
    setFormError(null);
    const failure = await runAuthRequest((fetchOptions) => storeAuthClient.resetPassword({ newPassword: password, token }, fetchOptions));
    if (!failure) {
      startNavigation(() => router.replace(`/store/sign-in?notice=${PASSWORD_RESET_NOTICE}`));
      return;
    }
    if (failure.code === 'INVALID_TOKEN') {
      setFormError({ text: 'This link has expired or was already used.', isExpired: true });
      return;
    }
    if (failure.code === 'PASSWORD_TOO_SHORT' || failure.code === 'PASSWORD_TOO_LONG') {
      form.setError('password', { message: failure.message ?? 'Choose another password' });
      form.setFocus('password');
      return;
    }
    setFormError({ text: commonFailureMessage(failure), isExpired: false });
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
      <Field id="password" label="New password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
        <PasswordInput
          id="password"
          autoComplete="new-password"
          autoFocus
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : 'password-hint'}
          {...form.register('password')}
        />
      </Field>
      <Field id="confirmPassword" label="New password, again" error={errors.confirmPassword?.message}>
        <PasswordInput
          id="confirmPassword"
          autoComplete="new-password"
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby={errors.confirmPassword ? 'confirmPassword-error' : undefined}
          {...form.register('confirmPassword')}
        />
      </Field>
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
