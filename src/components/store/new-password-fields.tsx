'use client';

import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';

import { Field } from '@/components/ui/field';
import { passwordSchema, PASSWORD_MIN_LENGTH } from '@/lib/validation/store-account';

import { PasswordInput } from './password-input';

/** A new password typed twice: the reset form and the confirmation form (choosing it confirms the email). */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string().min(1, 'Type the new password again') })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same' });
export type NewPasswordValues = z.infer<typeof newPasswordSchema>;

export const NEW_PASSWORD_DEFAULTS: NewPasswordValues = { password: '', confirmPassword: '' };

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
