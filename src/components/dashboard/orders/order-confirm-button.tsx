'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

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
 * A lifecycle action behind a confirmation. A refusal (someone else already changed the order, or the role may
 * not) is shown in the dialog; closing it then reloads the page, so it shows the order as it now is.
 */
export function OrderConfirmButton({ trigger, triggerVariant, triggerClassName, title, description, confirmLabel, pendingLabel, confirmVariant = 'default', dismissLabel = 'Not now', onConfirm }: {
  trigger: React.ReactNode;
  triggerVariant?: ButtonProps['variant'];
  triggerClassName?: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: ButtonProps['variant'];
  dismissLabel?: string;
  onConfirm: () => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await onConfirm();
      // On success the action revalidated this page, which arrives with the answer.
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
        if (!next && error) {
          setError(null);
          router.refresh();
        }
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={triggerVariant} className={triggerClassName}>
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
          <AlertDialogCancel disabled={isPending}>{error ? 'Close' : dismissLabel}</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction: the dialog stays open while working and if refused. */}
          {!error && (
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
