'use client';

import { Loader2, Send } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { deleteWebhookEndpointAction, rotateWebhookSecretAction, sendTestWebhookAction, setWebhookEnabledAction } from '@/actions/webhooks';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import { Button } from '@/components/ui/button';
import type { WebhookEndpoint } from '@/lib/webhook-events';

import { SecretNotice } from './secret-notice';

/** Send a test event, rotate the secret (shown once), enable or disable, delete. */
export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: boolean; message?: string }>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? done : (result.message ?? 'That did not work; try again.'));
      router.refresh();
    });
  return (
    <div className="space-y-3">
      {secret && <SecretNotice title="New signing secret" secret={secret} onDone={() => setSecret(null)} />}
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="outline" disabled={isPending || !endpoint.enabled} onClick={() => run(() => sendTestWebhookAction(endpoint.id), 'Test event queued: it shows in the delivery log.')}>
          {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
          Send test event
        </Button>
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={isPending}
          onClick={() => run(() => setWebhookEnabledAction(endpoint.id, !endpoint.enabled), endpoint.enabled ? 'Endpoint disabled.' : 'Endpoint enabled.')}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </Button>
        <ConfirmActionButton
          trigger="Rotate secret"
          triggerVariant="outline"
          triggerSize="sm"
          title="Rotate the signing secret?"
          description="A new secret is shown once. For 24 hours every delivery is signed with both the new and the old secret, so you can update the receiver without losing events."
          confirmLabel="Rotate secret"
          pendingLabel="Rotating…"
          onConfirm={async () => {
            const result = await rotateWebhookSecretAction(endpoint.id);
            if (result?.ok) setSecret(result.data.secret);
            return result ?? { ok: false, message: 'Try again', fieldErrors: [] };
          }}
        />
        <ConfirmActionButton
          trigger={
            <>
              Delete<span className="sr-only"> endpoint {endpoint.url}</span>
            </>
          }
          triggerVariant="outline"
          triggerSize="sm"
          triggerClassName="text-red-700 hover:bg-red-50 hover:text-red-800"
          title="Delete this endpoint?"
          description="Its pending deliveries and its delivery log go with it. This cannot be undone."
          confirmLabel="Delete endpoint"
          pendingLabel="Deleting…"
          confirmVariant="destructive"
          onConfirm={() => deleteWebhookEndpointAction(endpoint.id)}
        />
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {message}
      </p>
    </div>
  );
}
