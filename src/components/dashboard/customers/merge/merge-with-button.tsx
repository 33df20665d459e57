'use client';

import { GitMerge } from 'lucide-react';
import * as React from 'react';

import { CustomerCombobox } from '@/components/dashboard/orders/customer-combobox';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { CustomerOption } from '@/lib/types';

import { MergeDialog } from './merge-dialog';

/** "Merge with…" on a customer's page: find the other record, then compare and merge (this one kept by default). */
export function MergeWithButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const [isPicking, setIsPicking] = React.useState(false);
  const [other, setOther] = React.useState<CustomerOption | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  function pick(picked: CustomerOption | null) {
    if (!picked) return;
    if (picked.id === customerId) {
      setError(`That is ${customerName} already: choose the other record of this person.`);
      return;
    }
    setError(null);
    setIsPicking(false);
    setOther(picked);
  }

  return (
    <>
      <Button variant="outline" onClick={() => setIsPicking(true)}>
        <GitMerge aria-hidden />
        Merge with…
      </Button>
      <Dialog open={isPicking} onOpenChange={setIsPicking}>
        {/* Room below the search for its list of matches (up to max-h-72), which would otherwise be cut by the dialog. */}
        <DialogContent className="min-h-[28rem]">
          <DialogHeader>
            <DialogTitle>Merge {customerName} with…</DialogTitle>
            <DialogDescription>Find the other record of this person. You choose which record stays and which values win next.</DialogDescription>
          </DialogHeader>
          <div className="mt-4 space-y-2">
            <CustomerCombobox id="merge-with" value={null} onChange={pick} invalid={!!error} describedBy={error ? 'merge-with-error' : undefined} />
            {error && (
              <p id="merge-with-error" className="text-sm text-red-700" role="alert">
                {error}
              </p>
            )}
          </div>
        </DialogContent>
      </Dialog>
      <MergeDialog pair={other ? [customerId, other.id] : null} initialTargetId={customerId} onClose={() => setOther(null)} />
    </>
  );
}
