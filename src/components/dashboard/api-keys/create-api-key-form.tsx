'use client';

import { AlertTriangle, KeyRound, Loader2 } from 'lucide-react';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';

import { ShownOnceSecret } from '@/components/dashboard/shown-once-secret';
import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';

import { createApiKeyAction, type CreateApiKeyState } from '@/actions/api-keys';

/** Name and role for a new key; after creating, the key is shown once with a copy button. */
export function CreateApiKeyForm() {
  const [state, formAction, isPending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, null);
  const [dismissedKey, setDismissedKey] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const created = state?.ok && state.data.key !== dismissedKey ? state.data : null;
  const refusal = errorsByField(state && !state.ok ? state : null, ['name', 'role']);
  const fieldError = (name: 'name' | 'role') => refusal.byField[name];
  const formError = refusal.formMessage;

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      {created && <NewKeyNotice name={created.apiKey.name} apiKey={created.key} onDone={() => setDismissedKey(created.key)} />}
      <form
        ref={formRef}
        // Submitted by hand rather than with action={…}: React resets a form after its action runs, and a
        // refused name should stay in the box to be corrected. A successful create clears it (effect above).
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          startTransition(() => formAction(formData));
        }}
        noValidate
        className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
        <Field id="api-key-name" label="Name" error={fieldError('name')} hint="Where it is used, e.g. “Warehouse sync”.">
          <Input
            id="api-key-name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            aria-invalid={fieldError('name') ? true : undefined}
            aria-describedby={fieldError('name') ? 'api-key-name-error' : 'api-key-name-hint'}
          />
        </Field>
        <Field id="api-key-role" label="Role" error={fieldError('role')}>
          <NativeSelect id="api-key-role" name="role" defaultValue="staff" aria-invalid={fieldError('role') ? true : undefined}>
            <option value="staff">Staff</option>
            <option value="admin">Admin</option>
          </NativeSelect>
        </Field>
        <Button type="submit" disabled={isPending} className="sm:mt-6">
          {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <KeyRound aria-hidden />}
          Create key
        </Button>
      </form>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertTriangle aria-hidden />
          <p>{formError}</p>
        </Alert>
      )}
    </div>
  );
}

function NewKeyNotice({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      id="new-api-key"
      title={`Key “${name}” created`}
      label="New API key"
      warning="Copy it now and keep it somewhere safe. It will not be shown again; if it is lost, revoke it and create another."
      secret={apiKey}
      onDone={onDone}
    />
  );
}
