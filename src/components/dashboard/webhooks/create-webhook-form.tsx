'use client';

import { AlertTriangle, Loader2, Plus } from 'lucide-react';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';

import { createWebhookEndpointAction, type WebhookSecretState } from '@/actions/webhooks';
import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

import { SecretNotice } from './secret-notice';
import { WebhookEndpointFields } from './webhook-endpoint-fields';

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
        <WebhookEndpointFields idPrefix="webhook" errors={refusal.byField} />
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
