'use client';

import { AlertTriangle, Loader2, Save } from 'lucide-react';
import { startTransition, useActionState } from 'react';

import { updateWebhookEndpointAction, type WebhookEndpointState } from '@/actions/webhooks';
import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { WebhookEndpoint } from '@/lib/webhook-events';

import { WebhookEndpointFields } from './webhook-endpoint-fields';

/** Changes an endpoint's URL, description and events; its secret, state and log stay. */
export function EditWebhookForm({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [state, formAction, isPending] = useActionState<WebhookEndpointState, FormData>(updateWebhookEndpointAction.bind(null, endpoint.id), null);
  const refusal = errorsByField(state && !state.ok ? state : null, ['url', 'description', 'events']);
  // After a save the fields show what was stored (the service trims and normalises).
  const values = state?.ok ? state.data : endpoint;
  return (
    <form
      // Submitted by hand: React resets a form after its action runs, and a refused URL should stay to be corrected.
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => formAction(formData));
      }}
      noValidate
      aria-label="Edit endpoint"
      className="space-y-4">
      <WebhookEndpointFields key={state?.ok ? values.updatedAt : 'stored'} idPrefix="webhook-edit" errors={refusal.byField} values={values} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
          Save changes
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {state?.ok ? 'Saved. Every delivery from now on, retries included, uses these settings.' : ''}
        </p>
      </div>
      {refusal.formMessage && (
        <Alert variant="destructive" role="alert">
          <AlertTriangle aria-hidden />
          <p>{refusal.formMessage}</p>
        </Alert>
      )}
    </form>
  );
}
