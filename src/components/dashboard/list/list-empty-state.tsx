'use client';

import { SearchX } from 'lucide-react';

import { Button } from '@/components/ui/button';

import { firstPageParams } from './keyset-paging';
import { useListNavigation } from './list-navigation';

/** In place of a list's rows when there are none: an icon, what happened, and what to do (`children`). */
export function ListEmptyState({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center px-6 py-16 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500 [&_svg]:size-6">{icon}</span>
      <h2 className="mt-4 max-w-full text-base font-semibold text-slate-900 wrap-anywhere">{title}</h2>
      <div className="mt-1 max-w-md text-sm text-slate-600 wrap-anywhere">{children}</div>
    </div>
  );
}

/** A stale page link that went past the end of the list: why (`children`), and the way back to the first page. */
export function ListPastEndState({ children }: { children: React.ReactNode }) {
  const { params, navigate, noun } = useListNavigation();
  return (
    <ListEmptyState icon={<SearchX aria-hidden />} title={`No more ${noun}`}>
      <p>{children}</p>
      <Button variant="outline" className="mt-5" onClick={() => navigate(firstPageParams(params))}>
        Back to first page
      </Button>
    </ListEmptyState>
  );
}
