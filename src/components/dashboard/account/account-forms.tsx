'use client';

import { CheckCircle2, Loader2 } from 'lucide-react';
import { useRef, useState, useTransition } from 'react';

import { SimpleFormError } from '@/components/dashboard/auth/simple-form-error';
import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

import { changeOwnPasswordAction, updateOwnProfileAction } from '@/actions/team';

function Saved({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert variant="success" role="status">
      <CheckCircle2 aria-hidden />
      <p>{text}</p>
    </Alert>
  );
}

/** The member's own name, as colleagues see it. */
export function ProfileForm({ name: initialName }: { name: string }) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        setFormError(null);
        startTransition(async () => {
          const result = await updateOwnProfileAction({ name });
          if (result.ok) {
            setError(null);
            setName(result.data.name);
            setSaved('Your name is saved.');
            return;
          }
          const { byField: fields, formMessage } = errorsByField(result, ['name']);
          setError(fields.name ?? null);
          if (fields.name) inputRef.current?.focus();
          else setFormError(formMessage);
        });
      }}
    >
      <Saved text={saved} />
      <SimpleFormError id="profile-error" text={formError} />
      <Field id="account-name" label="Name" error={error ?? undefined}>
        <Input
          ref={inputRef}
          id="account-name"
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'account-name-error' : undefined}
        />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending && <Loader2 className="animate-spin" aria-hidden />}
        {isPending ? 'Saving…' : 'Save name'}
      </Button>
    </form>
  );
}

/** A new password, proved by the current one; every other session ends. */
export function PasswordChangeForm() {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<'currentPassword' | 'newPassword', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        setFormError(null);
        startTransition(async () => {
          const result = await changeOwnPasswordAction(values);
          if (result.ok) {
            setErrors({});
            setValues({ currentPassword: '', newPassword: '' });
            setSaved('Your password is changed. Every other device is signed out.');
            return;
          }
          const { byField: fields, formMessage } = errorsByField(result, ['currentPassword', 'newPassword'] as const);
          setErrors(fields);
          if (fields.currentPassword) currentRef.current?.focus();
          else if (fields.newPassword) newRef.current?.focus();
          else setFormError(formMessage);
        });
      }}
    >
      <Saved text={saved} />
      <SimpleFormError id="password-change-error" text={formError} />
      <Field id="current-password" label="Current password" error={errors.currentPassword}>
        <Input
          ref={currentRef}
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
          aria-invalid={errors.currentPassword ? true : undefined}
          aria-describedby={errors.currentPassword ? 'current-password-error' : undefined}
        />
      </Field>
      <Field id="new-password" label="New password" error={errors.newPassword} hint="At least 8 characters. Other devices are signed out.">
        <Input
          ref={newRef}
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
          aria-invalid={errors.newPassword ? true : undefined}
          aria-describedby={errors.newPassword ? 'new-password-error' : 'new-password-hint'}
        />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending && <Loader2 className="animate-spin" aria-hidden />}
        {isPending ? 'Saving…' : 'Change password'}
      </Button>
    </form>
  );
}
