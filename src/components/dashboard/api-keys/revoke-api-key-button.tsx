'use client';

import { revokeApiKeyAction } from '@/actions/api-keys';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';

/** Revoke, after a confirmation that says what stops working. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      trigger={
        <>
          Revoke<span className="sr-only"> key {name}</span>
        </>
      }
      triggerVariant="outline"
      triggerSize="sm"
      triggerClassName="text-red-700 hover:bg-red-50 hover:text-red-800"
      title={`Revoke “${name}”?`}
      description="Anything using this key gets “401 Unauthorized” from its next request. This cannot be undone; create a new key if it is needed again."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      confirmVariant="destructive"
      onConfirm={() => revokeApiKeyAction(id)}
    />
  );
}
