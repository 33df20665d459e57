'use client';

import { AlertTriangle, Loader2, RefreshCw, Save } from 'lucide-react';
import { startTransition, useActionState, useState } from 'react';

import { errorsByField } from '@/components/forms/server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

import { recomputeMetricsAction, saveMetricsSettingsAction, type MetricsActionState } from '@/actions/metrics-settings';

/** "As of now" or "as of a day", saved and recomputed at once; and a button to recompute as of the setting. */
export function MetricsSettingsForm({ asOf }: { asOf: string | null }) {
  const [mode, setMode] = useState<'now' | 'date'>(asOf ? 'date' : 'now');
  const [saveState, saveAction, isSaving] = useActionState<MetricsActionState, FormData>(saveMetricsSettingsAction, null);
  const [recomputeState, recomputeAction, isRecomputing] = useActionState<MetricsActionState>(recomputeMetricsAction, null);
  const saveRefusal = errorsByField(saveState && !saveState.ok ? saveState : null, ['asOf']);
  const fieldError = saveRefusal.byField.asOf;
  const failure = saveRefusal.formMessage ?? errorsByField(recomputeState && !recomputeState.ok ? recomputeState : null, []).formMessage;
  const isBusy = isSaving || isRecomputing;

  return (
    <div className="space-y-4">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          startTransition(() => saveAction(formData));
        }}
        noValidate
        className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">Compute metrics</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="mode" value="now" checked={mode === 'now'} onChange={() => setMode('now')} />
            As of now <span className="text-slate-500">(recomputed daily and after orders change)</span>
          </label>
          <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="mode" value="date" checked={mode === 'date'} onChange={() => setMode('date')} />
            As of the end of
            <Input
              type="date"
              name="asOf"
              aria-label="As-of date"
              defaultValue={asOf ?? ''}
              disabled={mode !== 'date'}
              className="w-44"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? 'as-of-error' : undefined}
            />
          </label>
          {fieldError && (
            <p id="as-of-error" className="text-sm text-red-700">
              {fieldError}
            </p>
          )}
          <p className="text-xs text-slate-600">
            A past date shows recency as it was then (orders placed later are ignored), and the overview reads its 12-month figures as of it too: useful
            after importing years of history, or to look back at last season.
          </p>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={isBusy}>
            {isSaving ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
            Save and recompute
          </Button>
          <Button type="button" variant="outline" disabled={isBusy} onClick={() => startTransition(() => recomputeAction())}>
            {isRecomputing ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
            Recompute now
          </Button>
        </div>
      </form>
      {failure && (
        <Alert variant="destructive" role="alert">
          <AlertTriangle aria-hidden />
          <p>{failure}</p>
        </Alert>
      )}
    </div>
  );
}
