'use client';

import { X } from 'lucide-react';

import { Button } from '@/components/ui/button';

import { useListNavigation } from './list-navigation';
import { withChangedQuery, type FilterChip } from './list-url';

/**
 * The filters in use as removable chips, with "Clear all", which keeps only `keepOnClear` (a sort, say). Nothing
 * when none are set.
 */
export function ListFilterChips({ chips, keepOnClear = [] }: { chips: FilterChip[]; keepOnClear?: string[] }) {
  const { params, navigate } = useListNavigation();
  if (chips.length === 0) return null;

  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <span key={chip.key} className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-indigo-800">
          <span className="truncate">{chip.label}</span>
          <button
            type="button"
            onClick={() => navigate(withChangedQuery(params, { [chip.key]: '' }))}
            className="rounded-full p-0.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            aria-label={`Remove filter ${chip.label}`}
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </span>
      ))}
      <Button
        variant="link"
        size="sm"
        className="h-auto px-1"
        onClick={() => navigate(Object.fromEntries(keepOnClear.flatMap((key) => (params[key] ? [[key, params[key]]] : []))))}
      >
        Clear all
      </Button>
    </div>
  );
}
