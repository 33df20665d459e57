'use client';

import { Loader2, ShieldAlert } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { eraseCustomerAction } from '@/actions/customers';
import { useIdempotentSubmit } from '@/components/forms/use-idempotent-submit';
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ERASE_CONFIRMATION } from '@/lib/privacy-types';

/**
 * Erasure behind a typed confirmation: the button stays disabled until ERASE is typed, because nothing brings the data
 * back. Says what goes and what stays; a refusal (the role may not, a lost connection) shows in the dialog.
 */
export function EraseCustomerDialog({
  customerId,
  customerName,
  orderCount,
  open,
  onOpenChange,
}: {
  customerId: string;
  customerName: string;
  orderCount: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [typed, setTyped] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [isPending, startTransition] = React.useTransition();
  const submitOnce = useIdempotentSubmit();
  const inputId = React.useId();
  const isConfirmed = typed.trim() === ERASE_CONFIRMATION;

  function erase(event: React.FormEvent) {
    event.preventDefault();
    if (!isConfirmed) return;
    setError(null);
    startTransition(async () => {
      const result = await submitOnce(customerId, (key) => eraseCustomerAction(customerId, { confirm: ERASE_CONFIRMATION }, key));
      if (!result.ok) return setError(result.message);
      onOpenChange(false);
      router.refresh();
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (isPending) return;
        if (!next) {
          setTyped('');
          setError(null);
        }
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <form onSubmit={erase}>
          <AlertDialogTitle className="flex items-center gap-2">
            <ShieldAlert className="size-5 text-red-600" aria-hidden />
            Erase {customerName}&apos;s personal data?
          </AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="space-y-2">
              <p>
                This cannot be undone. Their name, email, phone, company, notes, tags and addresses are erased everywhere: in the timeline, campaign
                deliveries and stored answers too. Their store login and its sessions are deleted.
              </p>
              <p>
                {orderCount > 0 ? `Their ${orderCount} ${orderCount === 1 ? 'order stays' : 'orders stay'}` : 'Orders stay'}, with every amount, so the
                books still add up; the record shows as “Erased customer”.
              </p>
            </div>
          </AlertDialogDescription>
          <div className="mt-4 space-y-1.5">
            <Label htmlFor={inputId}>
              Type <span className="font-mono font-semibold">{ERASE_CONFIRMATION}</span> to confirm
            </Label>
            <Input id={inputId} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
          </div>
          {error && (
            <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={isPending}>Cancel</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={!isConfirmed || isPending}>
              {isPending && <Loader2 className="animate-spin" aria-hidden />}
              {isPending ? 'Erasing…' : 'Erase personal data'}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
