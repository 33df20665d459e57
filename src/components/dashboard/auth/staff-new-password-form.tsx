'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

import { runAuthRequest } from '@/components/forms/auth-request';
import { useIsHydrated } from '@/components/forms/use-is-hydrated';
import { errorsByField } from '@/components/forms/server-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { staffInvitationAcceptSchema, staffPasswordSchema } from '@/lib/validation/staff-team';

import { acceptInvitationAction } from '@/actions/team';

import { SimpleFormError } from './simple-form-error';
import { staffAuthClient } from './staff-auth-client';

type Mode = { kind: 'reset' } | { kind: 'invitation'; email: string };

/**
 * The page a mailed link opens: a reset link chooses a new password; an invitation link chooses the name too. Either
 * way the token is used once, and the member then signs in.
 */
export function StaffNewPasswordForm({ token, mode }: { token: string; mode: Mode }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isHydrated = useIsHydrated();
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const isInvitation = mode.kind === 'invitation';

  function showFieldErrors(next: { name?: string; password?: string }) {
    setErrors(next);
    if (next.name) nameRef.current?.focus();
    else if (next.password) passwordRef.current?.focus();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = isInvitation ? staffInvitationAcceptSchema.safeParse({ name, password }) : staffPasswordSchema.safeParse(password);
    if (!parsed.success) {
      const next: { name?: string; password?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = isInvitation ? (issue.path[0] as 'name' | 'password') : 'password';
        next[field] ??= issue.message;
      }
      return showFieldErrors(next);
    }
    setErrors({});
    setIsBusy(true);
    if (isInvitation) {
      const result = await acceptInvitationAction(token, { name, password });
      if (result.ok) return router.replace('/sign-in?notice=invitation-accepted');
      setIsBusy(false);
      const { byField: next, formMessage } = errorsByField(result, ['name', 'password'] as const);
      if (next.name || next.password) showFieldErrors(next);
      else setFormError(formMessage);
      return;
    }
    const failure = await runAuthRequest((fetchOptions) => staffAuthClient.resetPassword({ newPassword: password, token }, fetchOptions));
    if (!failure) return router.replace('/sign-in?notice=password-reset');
    setIsBusy(false);
    if (failure.code === 'INVALID_TOKEN') setFormError('This link has expired or was already used. Ask for a new one.');
    else if (failure.status === 429) setFormError('Too many attempts from this network. Try again in a minute.');
    else if (failure.status === 400) showFieldErrors({ password: failure.message ?? 'Choose another password' });
    else setFormError('Something went wrong. Try again in a moment.');
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4" aria-describedby={formError ? 'new-password-error' : undefined}>
      <SimpleFormError id="new-password-error" text={formError} />
      {isInvitation && (
        <>
          <Field id="invite-email" label="Email">
            <Input id="invite-email" type="email" value={mode.email} readOnly autoComplete="username" />
          </Field>
          <Field id="name" label="Your name" error={errors.name} hint="As your colleagues will see it.">
            <Input
              ref={nameRef}
              id="name"
              autoComplete="name"
              autoFocus
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'name-error' : 'name-hint'}
            />
          </Field>
        </>
      )}
      <Field id="password" label={isInvitation ? 'Password' : 'New password'} error={errors.password} hint="At least 8 characters.">
        <Input
          ref={passwordRef}
          id="password"
          type="password"
          autoComplete="new-password"
          autoFocus={!isInvitation}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : 'password-hint'}
        />
      </Field>
      {!isInvitation && <p className="text-xs text-slate-600">Choosing a new password signs you out on every device.</p>}
      <Button type="submit" className="w-full" disabled={isBusy || !isHydrated}>
        {isBusy && <Loader2 className="animate-spin" aria-hidden />}
        {isBusy ? 'Saving…' : isInvitation ? 'Join the team' : 'Save new password'}
      </Button>
    </form>
  );
}
