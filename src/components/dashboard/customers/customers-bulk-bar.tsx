'use client';

import { Loader2 } from 'lucide-react';

import { Button } from '@/components/ui/button';
import type { BulkTarget } from '@/lib/validation/customer-bulk';

import { CustomersBulkDeleteButton } from './customers-bulk-delete-button';
import { customersCount } from './customers-bulk-messages';
import { CustomersBulkTagsDialog } from './customers-bulk-tags-dialog';
import type { ExportQuery } from './customers-export-href';
import { CustomersExportMenu } from './customers-export-menu';
import { MoveToGroupDialog } from './move-to-group-dialog';

export interface BulkSelection {
  /** Rows ticked on this page. */
  ids: string[];
  isWholePage: boolean;
  /** Everyone matching the filter, across pages (after "Select all N matching this filter"). */
  isAllMatching: boolean;
  /** How many match the filter, once counted; null while counting or when not needed. */
  matchingCount: number | null;
}

/** The actions over the selected rows, and the offer to widen a whole-page selection to the whole filter. */
export function CustomersBulkBar({
  selection,
  canWiden,
  groups,
  target,
  exportQuery,
  canDelete,
  onSelectAllMatching,
  onClear,
  onDone,
}: {
  selection: BulkSelection;
  canWiden: boolean;
  groups: { id: string; name: string }[];
  target: BulkTarget;
  /** The list's filter and sort, to export the selection; absent for a role that may not export. */
  exportQuery?: ExportQuery;
  /** The role may delete customers (the bulk delete follows the single delete's permission). */
  canDelete: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** After an action changed customers: its outcome in words. */
  onDone: (message: string) => void;
}) {
  const count = selection.isAllMatching ? (selection.matchingCount ?? 0) : selection.ids.length;
  return (
    <div className="border-b border-indigo-100 bg-indigo-50/60 px-4 py-2 text-sm text-slate-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="font-medium" aria-live="polite">
          {selection.isAllMatching ? `All ${customersCount(count)} matching this filter selected` : `${selection.ids.length.toLocaleString('en-GB')} selected`}
        </span>
        <MoveToGroupDialog groups={groups} target={target} count={count} onMoved={onDone} />
        <CustomersBulkTagsDialog target={target} count={count} onDone={onDone} />
        {exportQuery && (
          <CustomersExportMenu
            query={exportQuery}
            // Everyone matching is the filter itself; ticked rows travel as ids (and still match the filter).
            ids={selection.isAllMatching ? undefined : selection.ids}
            size="sm"
            scope={selection.isAllMatching ? `All ${customersCount(count)} matching this filter` : `The ${customersCount(count)} selected`}
          />
        )}
        {canDelete && <CustomersBulkDeleteButton target={target} count={count} onDone={onDone} />}
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear<span className="sr-only"> selection</span>
        </Button>
      </div>
      {canWiden && selection.isWholePage && !selection.isAllMatching && (
        <p className="mt-2 text-slate-700">
          All {selection.ids.length} on this page are selected.{' '}
          {selection.matchingCount === null ? (
            <span className="inline-flex items-center gap-1 text-slate-500">
              <Loader2 className="size-3.5 animate-spin" aria-hidden /> Counting matches…
            </span>
          ) : (
            <button type="button" onClick={onSelectAllMatching} className="rounded-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
              Select all {customersCount(selection.matchingCount)} matching this filter
            </button>
          )}
        </p>
      )}
    </div>
  );
}
