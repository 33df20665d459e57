'use client';

import { Loader2 } from 'lucide-react';
import { useState, useTransition } from 'react';

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';

import { revokeApiKeyAction } from '@/actions/api-keys';

/** Revoke, after a confirmation that says what stops working. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  return (
    <AlertDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        setError(null);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800">
          Revoke<span className="sr-only"> key {name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Revoke “{name}”?</AlertDialogTitle>
        <AlertDialogDescription>
          Anything using this key gets “401 Unauthorized” from its next request. This cannot be undone; create a new key if it is needed again.
        </AlertDialogDescription>
        {error && (
          <p role="alert" className="mt-3 text-sm font-medium text-red-600">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={isPending}
            onClick={(event) => {
              // Keep the dialog open until the server answers, so a failure can be shown in it.
              event.preventDefault();
              startTransition(async () => {
                const result = await revokeApiKeyAction(id);
                if (result.ok) setIsOpen(false);
                else setError(result.message);
              });
            }}
          >
            {isPending && <Loader2 className="animate-spin" aria-hidden />}
            Revoke key
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
