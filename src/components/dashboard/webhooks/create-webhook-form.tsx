'use client';

import { AlertTriangle, Loader2, Plus } from 'lucide-react';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';

import { createWebhookEndpointAction, type WebhookSecretState } from '@/actions/webhooks';
import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhook-events';

import { SecretNotice } from './secret-notice';

/** URL, description and events of a new endpoint; after creating, its signing secret is shown once. */
export function CreateWebhookForm() {
  const [state, formAction, isPending] = useActionState<WebhookSecretState, FormData>(createWebhookEndpointAction, null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const created = state?.ok && state.data.secret !== dismissed ? state.data : null;
  const refusal = errorsByField(state && !state.ok ? state : null, ['url', 'description', 'events']);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="space-y-4">
      {created && <SecretNotice title={`Endpoint ${created.endpoint.url} added`} secret={created.secret} onDone={() => setDismissed(created.secret)} />}
      <form
        ref={formRef}
        // Submitted by hand: React resets a form after its action runs, and a refused URL should stay to be corrected.
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          startTransition(() => formAction(formData));
        }}
        noValidate
        className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="webhook-url" label="Endpoint URL" error={refusal.byField.url} hint="Where the shop POSTs events, e.g. https://example.com/webhooks.">
            <Input id="webhook-url" name="url" type="url" required maxLength={2000} autoComplete="off" placeholder="https://" aria-invalid={refusal.byField.url ? true : undefined} />
          </Field>
          <Field id="webhook-description" label="Description" error={refusal.byField.description} hint="Optional: what receives it.">
            <Input id="webhook-description" name="description" maxLength={500} autoComplete="off" />
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">Events</legend>
          <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <Checkbox name="events" value={type} />
                <code className="text-xs">{type}</code>
              </label>
            ))}
          </div>
          {refusal.byField.events && (
            <p className="mt-2 text-sm text-red-700" role="alert">
              {refusal.byField.events}
            </p>
          )}
        </fieldset>
        <Button type="submit" disabled={isPending}>
          {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
          Add endpoint
        </Button>
      </form>
      {refusal.formMessage && (
        <Alert variant="destructive" role="alert">
          <AlertTriangle aria-hidden />
          <p>{refusal.formMessage}</p>
        </Alert>
      )}
    </div>
  );
}
