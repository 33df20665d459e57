'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';

import { runAuthRequest } from '@/components/forms/auth-request';
import { Field } from '@/components/ui/field';
import { passwordSchema, PASSWORD_MIN_LENGTH } from '@/lib/validation/store-account';

import { storeAuthClient } from './auth-client';
import { commonFailureMessage } from './auth-failure';
import { PasswordInput } from './password-input';

/** A new password typed twice: the reset form and the confirmation form (choosing it confirms the email). */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string().min(1, 'Type the new password again') })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same' });
export type NewPasswordValues = z.infer<typeof newPasswordSchema>;

const NEW_PASSWORD_DEFAULTS: NewPasswordValues = { password: '', confirmPassword: '' };

/** The form of `newPasswordSchema`, empty. */
export function useNewPasswordForm(): UseFormReturn<NewPasswordValues> {
  return useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordSchema), defaultValues: NEW_PASSWORD_DEFAULTS });
}

export type NewPasswordOutcome = { kind: 'saved' } | { kind: 'expired' } | { kind: 'shown-on-field' } | { kind: 'failed'; text: string };

/**
 * Sets the password with a mailed link's token (POST /reset-password): the reset form and the confirmation form. A
 * password the server refuses is shown on its field; the caller says what the other outcomes mean to the customer.
 */
export async function saveNewPassword(form: UseFormReturn<NewPasswordValues>, token: string, password: string): Promise<NewPasswordOutcome> {
  const failure = await runAuthRequest((fetchOptions) => storeAuthClient.resetPassword({ newPassword: password, token }, fetchOptions));
  if (!failure) return { kind: 'saved' };
  if (failure.code === 'INVALID_TOKEN') return { kind: 'expired' };
  if (failure.code === 'PASSWORD_TOO_SHORT' || failure.code === 'PASSWORD_TOO_LONG') {
    form.setError('password', { message: failure.message ?? 'Choose another password' });
    form.setFocus('password');
    return { kind: 'shown-on-field' };
  }
  return { kind: 'failed', text: commonFailureMessage(failure) };
}

/** The two password fields of `newPasswordSchema`, labelled "<label>" and "<label>, again". */
export function NewPasswordFields({ form, label }: { form: UseFormReturn<NewPasswordValues>; label: string }) {
  const { errors } = form.formState;
  return (
    <>
      <Field id="password" label={label} error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
        <PasswordInput
          id="password"
          autoComplete="new-password"
          autoFocus
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : 'password-hint'}
          {...form.register('password')}
        />
      </Field>
      <Field id="confirmPassword" label={`${label}, again`} error={errors.confirmPassword?.message}>
        <PasswordInput
          id="confirmPassword"
          autoComplete="new-password"
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby={errors.confirmPassword ? 'confirmPassword-error' : undefined}
          {...form.register('confirmPassword')}
        />
      </Field>
    </>
  );
}
