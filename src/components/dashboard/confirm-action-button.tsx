'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, type ButtonProps } from '@/components/ui/button';
import type { ActionResult } from '@/lib/types';

/**
 * An action behind a confirmation dialog, the one way the dashboard asks "are you sure?". The dialog stays open while
 * the action runs and shows a refusal (someone else changed the record meanwhile, the role may not, the record is in
 * use). By default a refusal is final: the confirm button goes, and closing reloads the page so it shows the record as
 * it now is; with `canRetry` the confirm button stays for another try (its label may change with what was refused).
 */
export function ConfirmActionButton({
  trigger,
  triggerVariant,
  triggerSize,
  triggerClassName,
  title,
  description,
  confirmLabel,
  pendingLabel,
  confirmVariant = 'default',
  dismissLabel = 'Cancel',
  canRetry = false,
  onConfirm,
  onClose,
}: {
  trigger: React.ReactNode;
  triggerVariant?: ButtonProps['variant'];
  triggerSize?: ButtonProps['size'];
  triggerClassName?: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: ButtonProps['variant'];
  dismissLabel?: string;
  canRetry?: boolean;
  /** Runs the action with the idempotency key of this confirmation (the same for a double click or a retry). */
  onConfirm: (idempotencyKey: string) => Promise<ActionResult<unknown>>;
  onClose?: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();
  const isFinal = error !== null && !canRetry;

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await submitOnce(null, onConfirm);
      // On success the action revalidated the page (or the caller navigates), which arrives with the answer.
      if (result.ok) setOpen(false);
      else setError(result.message);
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        setOpen(next);
        if (next) return;
        onClose?.();
        if (error) {
          setError(null);
          if (!canRetry) router.refresh();
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerSize} className={triggerClassName}>
          {trigger}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
        {error && (
          <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={isPending}>{isFinal ? 'Close' : dismissLabel}</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction: the dialog stays open while working and if refused. */}
          {!isFinal && (
            <Button variant={confirmVariant} onClick={confirm} disabled={isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {isPending ? pendingLabel : confirmLabel}
            </Button>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
