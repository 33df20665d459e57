'use client';

import { AlertTriangle, Check, Copy, KeyRound, Loader2 } from 'lucide-react';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';

import { errorsByField } from '@/components/forms/server-errors';
import { Alert, AlertTitle } from '@/components/ui/alert';
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
  const [isCopied, setIsCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setIsCopied(true);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): select it for Ctrl+C instead.
      inputRef.current?.select();
    }
  }

  return (
    <Alert variant="success" role="status">
      <Check aria-hidden />
      <div className="min-w-0 flex-1 space-y-3">
        <div>
          <AlertTitle>Key “{name}” created</AlertTitle>
          <p className="mt-1 flex items-start gap-1.5 text-amber-800">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            Copy it now and keep it somewhere safe. It will not be shown again; if it is lost, revoke it and create another.
          </p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="new-api-key" className="sr-only">
            New API key
          </label>
          <Input id="new-api-key" ref={inputRef} readOnly value={apiKey} onFocus={(event) => event.target.select()} className="font-mono text-xs" />
          <div className="flex gap-2">
            <Button type="button" variant="outline" onClick={copy} className="flex-1 sm:flex-none">
              {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {isCopied ? 'Copied' : 'Copy'}
            </Button>
            <Button type="button" variant="ghost" onClick={onDone}>
              Done
            </Button>
          </div>
        </div>
        <span aria-live="polite" className="sr-only">
          {isCopied ? 'Key copied to the clipboard' : ''}
        </span>
      </div>
    </Alert>
  );
}
