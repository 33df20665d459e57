'use client';

import { Info, Loader2, RefreshCw, TriangleAlert } from 'lucide-react';

import { Button } from '@/components/ui/button';

/** Shown when the save was refused because someone else saved this customer first (stale `version`). */
export function CustomerStaleBanner({ isReloading, onReload }: { isReloading: boolean; onReload: () => void }) {
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 sm:flex-row sm:items-start">
      <TriangleAlert className="mt-0.5 size-5 shrink-0 text-amber-600" aria-hidden />
      <div className="flex-1 space-y-1">
        <p className="font-semibold">Someone else changed this customer after you opened it</p>
        <p>
          Your changes were <strong>not saved</strong>, so nothing of theirs was overwritten. Reload the latest version to see
          what changed; you can then re-apply your edits with one click. Until you reload, what you typed stays below.
        </p>
      </div>
      <Button type="button" variant="outline" onClick={onReload} disabled={isReloading} className="self-start">
        {isReloading ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
        {isReloading ? 'Reloading…' : 'Reload latest'}
      </Button>
    </div>
  );
}

/** After a reload: the edits the user had made, ready to be applied on top of the latest version. */
export function CustomerCarriedEdits({ fields, onApply, onDismiss }: { fields: string[]; onApply: () => void; onDismiss: () => void }) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-indigo-900 sm:flex-row sm:items-start">
      <Info className="mt-0.5 size-5 shrink-0 text-indigo-600" aria-hidden />
      <div className="flex-1 space-y-1">
        <p className="font-semibold">Showing the latest version</p>
        <p>
          Your unsaved edits to <strong>{fields.join(', ')}</strong> were set aside. Re-apply them on top of the latest
          version, check the result, then save.
        </p>
      </div>
      <div className="flex gap-2 self-start">
        <Button type="button" variant="ghost" onClick={onDismiss}>
          Discard mine
        </Button>
        <Button type="button" onClick={onApply}>
          Re-apply my edits
        </Button>
      </div>
    </div>
  );
}
