'use client';

import { ArrowRight, Check, X } from 'lucide-react';
import Link from 'next/link';
import { useState, useTransition } from 'react';

import { acceptSuggestionAction, decideSuggestionsAction, rejectSuggestionAction } from '@/actions/suggestions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { formatConfidence } from '@/lib/format';
import type { ClassificationSuggestion, SuggestionBulkInput } from '@/lib/validation/classification-suggestions';

function SourceBadge({ suggestion }: { suggestion: ClassificationSuggestion }) {
  if (suggestion.source === 'model') return <Badge title={suggestion.model ?? undefined}>Model</Badge>;
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge variant="secondary">Built-in rules</Badge>
      {suggestion.fallbackReason && <span className="text-xs text-amber-700">Model not used: {suggestion.fallbackReason}</span>}
    </span>
  );
}

/** Pending suggestions with accept/reject per row and in bulk (chosen rows, or all pending); read-only for staff. */
export function SuggestionsTable({
  suggestions,
  totalPending,
  filter,
  canManage,
}: {
  suggestions: ClassificationSuggestion[];
  /** Pending suggestions matching `filter`, on every page: what "Accept all" decides. */
  totalPending: number;
  filter: { suggestedGroupId: string | null; minConfidence: number | null };
  canManage: boolean;
}) {
  const isFiltered = filter.suggestedGroupId !== null || filter.minConfidence !== null;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'success' | 'destructive'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const allChosen = suggestions.length > 0 && suggestions.every((s) => selected.has(s.id));
  // On a phone a row is two columns, the checkbox beside the name and the rest under the name.
  const besideCheckbox = canManage ? 'col-start-2 md:col-start-auto' : '';

  function run(action: () => Promise<{ ok: true; data: unknown } | { ok: false; message: string }>, done: (data: never) => string) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setSelected(new Set());
        setMessage({ kind: 'success', text: done(result.data as never) });
      } else setMessage({ kind: 'destructive', text: result.message });
    });
  }

  const bulk = (decision: 'accept' | 'reject', input: SuggestionBulkInput) =>
    run(
      () => decideSuggestionsAction(decision, input),
      (r: { decided: number; stale: number; skipped: number }) =>
        `${r.decided.toLocaleString('en-GB')} ${decision === 'accept' ? 'accepted' : 'rejected'}` +
        (r.stale ? `; ${r.stale} left pending because the customer's group changed since` : '') +
        (r.skipped ? `; ${r.skipped} already decided` : ''),
    );

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  if (suggestions.length === 0 && isFiltered) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-slate-900">No pending suggestion matches</p>
        <p className="mt-1 text-sm text-slate-600">Choose another group or a lower confidence above.</p>
      </div>
    );
  }
  if (suggestions.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-slate-900">No suggestions waiting</p>
        <p className="mt-1 text-sm text-slate-600">Run a batch classification above, or ask for a suggestion on a customer&apos;s page.</p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {canManage && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
          <label className="mr-auto inline-flex items-center gap-2">
            <Checkbox checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(suggestions.map((s) => s.id)))} aria-label="Choose all on this page" />
            {selected.size > 0 ? `${selected.size} chosen` : 'Choose all on this page'}
          </label>
          {selected.size > 0 ? (
            <>
              <Button size="sm" disabled={isPending} onClick={() => bulk('accept', { ids: [...selected] })}>
                Accept chosen
              </Button>
              <Button size="sm" variant="outline" disabled={isPending} onClick={() => bulk('reject', { ids: [...selected] })}>
                Reject chosen
              </Button>
            </>
          ) : (
            <>
              <Button size="sm" disabled={isPending} onClick={() => bulk('accept', { filter })}>
                Accept all {totalPending.toLocaleString('en-GB')} {isFiltered ? 'matching' : 'pending'}
              </Button>
              <Button size="sm" variant="outline" disabled={isPending} onClick={() => bulk('reject', { filter })}>
                {isFiltered ? 'Reject all matching' : 'Reject all'}
              </Button>
            </>
          )}
        </div>
      )}
      {message && (
        <Alert variant={message.kind} role="status">
          {message.text}
        </Alert>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Pending suggestions">
        {suggestions.map((s) => (
          <li
            key={s.id}
            className={`grid gap-3 px-4 py-3 md:grid-cols-[auto_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start ${canManage ? 'grid-cols-[auto_minmax(0,1fr)]' : ''}`}
            data-testid="suggestion-row">
            {canManage ? <Checkbox checked={selected.has(s.id)} onChange={() => toggle(s.id)} aria-label={`Choose ${s.customerName}`} className="mt-1" /> : <span className="hidden md:block" />}
            <div className="min-w-0">
              <Link href={`/dashboard/customers/${s.customerId}`} className="font-medium text-indigo-700 hover:underline">
                {s.customerName || 'Unnamed customer'}
              </Link>
              {s.customerEmail && <p className="truncate text-xs text-slate-500">{s.customerEmail}</p>}
            </div>
            <div className={`text-sm ${besideCheckbox}`}>
              <p className="flex flex-wrap items-center gap-1.5">
                <span className="text-slate-600">{s.currentGroupName ?? 'No group'}</span>
                <ArrowRight aria-label="to" className="size-3.5 text-slate-500" />
                <span className="font-semibold text-slate-900">{s.suggestedGroupName}</span>
              </p>
              <p className="mt-1 text-xs text-slate-600">{formatConfidence(s.confidence)} confident</p>
              {s.isStale && <p className="mt-1 text-xs text-amber-700">Group changed since; ask again</p>}
            </div>
            <div className={`min-w-0 space-y-1.5 text-sm text-slate-700 ${besideCheckbox}`}>
              <ul className="list-disc space-y-0.5 pl-4">
                {s.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <SourceBadge suggestion={s} />
            </div>
            {canManage && (
              <div className={`flex gap-2 md:flex-col ${besideCheckbox}`}>
                <Button size="sm" disabled={isPending || s.isStale} onClick={() => run(() => acceptSuggestionAction(s.id, s.customerId), () => `${s.customerName} moved to ${s.suggestedGroupName}`)}>
                  <Check aria-hidden /> Accept
                </Button>
                <Button size="sm" variant="outline" disabled={isPending} onClick={() => run(() => rejectSuggestionAction(s.id), () => `Suggestion for ${s.customerName} rejected`)}>
                  <X aria-hidden /> Reject
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
