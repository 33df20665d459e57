'use client';

import { Loader2 } from 'lucide-react';
import * as React from 'react';

import { loadMergePairAction } from '@/actions/customer-merge';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { CustomerDetail } from '@/lib/types';

import { MergeComparison } from './merge-comparison';

type Loaded = { status: 'loading' } | { status: 'ready'; pair: [CustomerDetail, CustomerDetail] } | { status: 'failed'; message: string };

/** The side-by-side merge of two customers, loaded when it opens. `pair` null closes it. */
export function MergeDialog({ pair, initialTargetId, onClose }: { pair: [string, string] | null; initialTargetId?: string; onClose: () => void }) {
  const [answer, setAnswer] = React.useState<{ key: string; loaded: Loaded } | null>(null);
  const [firstId, secondId] = pair ?? [null, null];
  const key = firstId && secondId ? `${firstId}:${secondId}` : null;
  // An answer for another pair (or none yet) means this one is still loading.
  const loaded: Loaded = answer && answer.key === key ? answer.loaded : { status: 'loading' };

  React.useEffect(() => {
    if (!firstId || !secondId) return;
    let isCurrent = true;
    const settle = (next: Loaded) => isCurrent && setAnswer({ key: `${firstId}:${secondId}`, loaded: next });
    loadMergePairAction(firstId, secondId).then(
      (result) => settle(result.ok ? { status: 'ready', pair: result.data } : { status: 'failed', message: result.message }),
      () => settle({ status: 'failed', message: 'Could not load the customers. Check your connection and try again.' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [firstId, secondId]);

  return (
    <Dialog open={pair !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>Merge customers</DialogTitle>
          <DialogDescription>Choose the record to keep and, for each field, the value that wins. Tags are combined.</DialogDescription>
        </DialogHeader>
        <div className="mt-4">
          {loaded.status === 'loading' && (
            <p className="flex items-center gap-2 py-8 text-sm text-slate-600" role="status">
              <Loader2 className="size-4 animate-spin" aria-hidden /> Loading both customers…
            </p>
          )}
          {loaded.status === 'failed' && (
            <Alert variant="destructive" role="alert">
              {loaded.message}
            </Alert>
          )}
          {loaded.status === 'ready' && <MergeComparison key={key ?? ''} pair={loaded.pair} initialTargetId={initialTargetId} onCancel={onClose} />}
        </div>
      </DialogContent>
    </Dialog>
  );
}
