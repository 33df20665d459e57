'use client';

import { X } from 'lucide-react';

import { Button } from '@/components/ui/button';

import { useCustomersListNavigation } from './customers-list-navigation';
import { activeFilterChips, withoutFilters, withQuery } from './customers-list-query';

/** The filters in use as removable chips, with "Clear all" (search included). Nothing when none are set. */
export function CustomersListActiveFilters({ groups, staff, currency }: { groups: { id: string; name: string }[]; staff: { id: string; name: string }[]; currency: string }) {
  const { params, navigate } = useCustomersListNavigation();
  const chips = activeFilterChips(params, { groups, staff, currency });
  if (chips.length === 0) return null;

  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <span key={chip.key} className="inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-indigo-800">
          {chip.label}
          <button
            type="button"
            onClick={() => navigate(withQuery(params, { [chip.key]: '' }))}
            className="rounded-full p-0.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            aria-label={`Remove filter ${chip.label}`}
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </span>
      ))}
      <Button variant="link" size="sm" className="h-auto px-1" onClick={() => navigate(withoutFilters(params))}>
        Clear all
      </Button>
    </div>
  );
}
