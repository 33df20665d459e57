'use client';

import { GitMerge, Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import * as React from 'react';

import { dismissDuplicateAction } from '@/actions/customer-merge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { DuplicatePair } from '@/lib/customer-merge-types';

import { MergeDialog } from '../merge/merge-dialog';

import { DuplicatePairCard } from './duplicate-pair-card';

const pairName = (pair: DuplicatePair) => `${pair.a.name} and ${pair.b.name}`;

/** The page of likely pairs, each with "Compare and merge…" (the merge dialog) and "Not duplicates" (kept off the list). */
export function DuplicatesList({ pairs }: { pairs: DuplicatePair[] }) {
  const router = useRouter();
  const [open, setOpen] = React.useState<[string, string] | null>(null);
  const [dismissing, setDismissing] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  const [, startTransition] = React.useTransition();

  function dismiss(pair: DuplicatePair) {
    setDismissing(pair.a.id + pair.b.id);
    startTransition(async () => {
      const result = await dismissDuplicateAction(pair.a.id, pair.b.id);
      setDismissing(null);
      setMessage(result.ok ? { ok: true, text: `${pairName(pair)} will no longer be listed as duplicates.` } : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <>
      {message && (
        <Alert variant={message.ok ? 'success' : 'destructive'} role="status" className="mb-3">
          {message.text}
        </Alert>
      )}
      <ul className="space-y-3" aria-label="Likely duplicates">
        {pairs.map((pair) => (
          <DuplicatePairCard key={pair.a.id + pair.b.id} pair={pair}>
            <Button size="sm" onClick={() => setOpen([pair.a.id, pair.b.id])} aria-label={`Compare and merge ${pairName(pair)}`}>
              <GitMerge aria-hidden />
              Compare and merge…
            </Button>
            <Button size="sm" variant="outline" onClick={() => dismiss(pair)} disabled={dismissing === pair.a.id + pair.b.id} aria-label={`${pairName(pair)} are not duplicates`}>
              {dismissing === pair.a.id + pair.b.id && <Loader2 className="animate-spin" aria-hidden />}
              Not duplicates
            </Button>
          </DuplicatePairCard>
        ))}
      </ul>
      <MergeDialog pair={open} onClose={() => setOpen(null)} />
    </>
  );
}
