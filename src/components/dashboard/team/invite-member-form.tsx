'use client';

import { AlertTriangle, Loader2, MailCheck, UserPlus } from 'lucide-react';
import { startTransition, useActionState, useEffect, useRef } from 'react';

import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { ROLE_LABELS } from '@/lib/team-types';
import type { StaffRole } from '@/lib/types';

import { inviteStaffMemberAction, type InviteState } from '@/actions/team';

/** Email and role of a new member; the invitation link goes to the email. `roles` are those the viewer may give. */
export function InviteMemberForm({ roles }: { roles: StaffRole[] }) {
  const [state, formAction, isPending] = useActionState<InviteState, FormData>(inviteStaffMemberAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const refusal = errorsByField(state && !state.ok ? state : null, ['email', 'role']);
  const emailError = refusal.byField.email;
  const roleError = refusal.byField.role;

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        // By hand rather than action={…}: React would reset the form, and a refused email should stay to be corrected.
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          startTransition(() => formAction(formData));
        }}
        noValidate
        className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start"
      >
        <Field id="invite-email" label="Email" error={emailError} hint="The invitation link goes here; it works for 7 days.">
          <Input
            id="invite-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'invite-email-error' : 'invite-email-hint'}
          />
        </Field>
        <Field id="invite-role" label="Role" error={roleError}>
          <NativeSelect id="invite-role" name="role" defaultValue="staff" aria-invalid={roleError ? true : undefined}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit" disabled={isPending} className="sm:mt-6">
          {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />}
          Send invitation
        </Button>
      </form>
      {state?.ok && (
        <Alert variant="success" role="status">
          <MailCheck aria-hidden />
          <p>
            Invitation sent to <strong className="[overflow-wrap:anywhere]">{state.data.email}</strong>. They choose their name and password from the link.
          </p>
        </Alert>
      )}
      {refusal.formMessage && (
        <Alert variant="destructive" role="alert">
          <AlertTriangle aria-hidden />
          <p>{refusal.formMessage}</p>
        </Alert>
      )}
    </div>
  );
}
