'use client';

import { Pause, Play, RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';

import {
  getClassificationRunAction,
  pauseClassificationRunAction,
  resumeClassificationRunAction,
  startClassificationRunAction,
} from '@/actions/suggestions';
import { errorsByField, type ServerFailure } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { ClassificationRun } from '@/lib/validation/classification-suggestions';

const POLL_MS = 1000;
const FILTER_FIELDS = ['filter.groupId', 'filter.tag', 'filter.lastOrderAfter', 'filter.lastOrderBefore'] as const;
const n = (value: number) => value.toLocaleString('en-GB');

function describe(run: ClassificationRun): string {
  if (run.isInterrupted) return 'Interrupted: the server stopped while this run was going. Resume it to continue where it left off.';
  if (run.status === 'running') return 'Classifying in the background; you can leave this page.';
  if (run.status === 'paused') return run.error ?? 'Paused. Resume it to continue where it left off.';
  if (run.status === 'completed') return `Finished ${run.finishedAt ? new Date(run.finishedAt).toLocaleString('en-GB') : ''}.`;
  return run.error ?? 'Stopped.';
}

/** The latest batch run with a live progress bar, and (for managers) a form to start one and buttons to pause/resume. */
export function ClassificationRunPanel({ initialRun, canManage, groups }: { initialRun: ClassificationRun | null; canManage: boolean; groups: { id: string; name: string }[] }) {
  const router = useRouter();
  const [run, setRun] = useState(initialRun);
  const [failure, setFailure] = useState<ServerFailure | null>(null);
  const [isPending, startTransition] = useTransition();
  const isGoing = run?.status === 'running' && !run.isInterrupted;

  // Poll while the run goes; refresh the suggestions table as it fills and when it ends.
  useEffect(() => {
    if (!run || !isGoing) return;
    const timer = setInterval(async () => {
      const result = await getClassificationRunAction(run.id);
      if (!result.ok) return;
      setRun(result.data);
      if (result.data.status !== 'running' || result.data.suggested !== run.suggested) router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [run, isGoing, router]);

  function act(action: () => Promise<{ ok: true; data: ClassificationRun } | ({ ok: false } & ServerFailure)>) {
    setFailure(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) setRun(result.data);
      else setFailure(result);
    });
  }

  // Submitted by hand rather than through <form action>, which would clear the fields even when the run is refused.
  function start(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const filter = Object.fromEntries(['groupId', 'tag', 'lastOrderAfter', 'lastOrderBefore'].map((key) => [key, String(form.get(key) ?? '')]).filter(([, value]) => value !== ''));
    act(() => startClassificationRunAction(filter));
  }

  const { byField, formMessage } = errorsByField(failure, FILTER_FIELDS);
  const fieldError = (name: (typeof FILTER_FIELDS)[number], id: string) =>
    byField[name] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  const errorText = (name: (typeof FILTER_FIELDS)[number], id: string) =>
    byField[name] && (
      <p id={`${id}-error`} className="text-sm text-red-700">
        {byField[name]}
      </p>
    );

  const percent = run && run.total > 0 ? Math.min(100, Math.round((run.processed / run.total) * 100)) : run?.status === 'completed' ? 100 : 0;

  return (
    <section aria-labelledby="run-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="run-heading" className="text-base font-semibold text-slate-900">
        Batch classification
      </h2>
      {run ? (
        <div className="mt-3 space-y-2" data-testid="run-progress">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-medium text-slate-900">
              {run.isInterrupted ? 'Interrupted' : run.status === 'running' ? 'Running' : run.status === 'completed' ? 'Completed' : run.status === 'paused' ? 'Paused' : 'Stopped'}
              {' · '}
              {n(run.processed)} of {n(run.total)} customers
            </span>
            <span className="text-slate-600">
              {n(run.suggested)} suggested{run.fallbacks > 0 ? ` · ${n(run.fallbacks)} fell back to the rules` : ''}
            </span>
          </div>
          <div role="progressbar" aria-label="Classification progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2.5 overflow-hidden rounded-full bg-slate-100">
            <div className={`h-full rounded-full transition-all ${run.isInterrupted || run.status === 'failed' ? 'bg-amber-500' : 'bg-indigo-600'}`} style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-600">{describe(run)}</p>
          {canManage && (isGoing || run.status === 'paused' || run.isInterrupted) && (
            <div className="flex flex-wrap gap-2">
              {isGoing ? (
                <Button variant="outline" size="sm" disabled={isPending} onClick={() => act(() => pauseClassificationRunAction(run.id))}>
                  <Pause aria-hidden /> Pause
                </Button>
              ) : (
                <Button size="sm" disabled={isPending} onClick={() => act(() => resumeClassificationRunAction(run.id))}>
                  <RotateCcw aria-hidden /> Resume
                </Button>
              )}
            </div>
          )}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No batch run yet. A run classifies every customer (or those matching a filter) and stores a suggestion for each one whose purchases point to another group.</p>
      )}
      {canManage && !isGoing && !run?.isInterrupted && (
        <form onSubmit={start} noValidate className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
          <div className="space-y-1">
            <Label htmlFor="run-group">Group</Label>
            <NativeSelect id="run-group" name="groupId" defaultValue="">
              <option value="">Any group</option>
              <option value="none">No group</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1">
            <Label htmlFor="run-tag">Tag</Label>
            <Input id="run-tag" name="tag" placeholder="Any tag" maxLength={40} {...fieldError('filter.tag', 'run-tag')} />
            {errorText('filter.tag', 'run-tag')}
          </div>
          <div className="space-y-1">
            <Label htmlFor="run-after">Last order from</Label>
            <Input id="run-after" name="lastOrderAfter" type="date" {...fieldError('filter.lastOrderAfter', 'run-after')} />
            {errorText('filter.lastOrderAfter', 'run-after')}
          </div>
          <div className="space-y-1">
            <Label htmlFor="run-before">Last order until</Label>
            <Input id="run-before" name="lastOrderBefore" type="date" {...fieldError('filter.lastOrderBefore', 'run-before')} />
            {errorText('filter.lastOrderBefore', 'run-before')}
          </div>
          <Button type="submit" disabled={isPending}>
            <Play aria-hidden /> {isPending ? 'Starting…' : 'Classify customers'}
          </Button>
        </form>
      )}
      {!canManage && <p className="mt-3 text-sm text-slate-500">Only owners and admins can start runs and decide on suggestions.</p>}
      {formMessage && (
        <Alert variant="destructive" className="mt-3" role="alert">
          {formMessage}
        </Alert>
      )}
    </section>
  );
}
