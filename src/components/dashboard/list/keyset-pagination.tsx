'use client';

import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide-react';

import { Button } from '@/components/ui/button';

import { firstPageParams, nextPageParams, pageNumber, previousPageParams, type PagingParams } from './keyset-paging';

interface KeysetPaginationProps<P extends PagingParams> {
  /** Plural noun for the rows, e.g. "customers". */
  noun: string;
  params: P;
  navigate: (params: P, options?: { scroll?: boolean }) => void;
  isPending: boolean;
  nextCursor: string | null;
  rowCount: number;
  pageSize: number;
}

/**
 * Keyset paging: Next follows the server's cursor; Previous uses the last few cursors kept in the URL;
 * "Back to first page" always works. There is no page count, because counting a million rows per view is too slow.
 */
export function KeysetPagination<P extends PagingParams>({ noun, params, navigate, isPending, nextCursor, rowCount, pageSize }: KeysetPaginationProps<P>) {
  const page = pageNumber(params);
  const previous = previousPageParams(params);
  const isFirstPage = !params.cursor;
  if (isFirstPage && !nextCursor) return null;

  const start = page ? (page - 1) * pageSize + 1 : null;
  return (
    <nav aria-label="Pagination" className="flex flex-col items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:flex-row">
      <p className="text-sm text-slate-600" aria-live="polite">
        {start !== null && rowCount > 0 ? (
          <>
            Page {page} · {noun} {start.toLocaleString('en-GB')}–{(start + rowCount - 1).toLocaleString('en-GB')}
          </>
        ) : (
          <>
            {rowCount} {noun} on this page
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center justify-center gap-2">
        {!isFirstPage && (
          <Button variant="ghost" size="sm" disabled={isPending} onClick={() => navigate(firstPageParams(params), { scroll: true })}>
            <ChevronsLeft aria-hidden />
            Back to first page
          </Button>
        )}
        <Button variant="outline" size="sm" disabled={!previous || isPending} onClick={() => previous && navigate(previous, { scroll: true })}>
          <ChevronLeft aria-hidden />
          Previous
        </Button>
        <Button variant="outline" size="sm" disabled={!nextCursor || isPending} onClick={() => nextCursor && navigate(nextPageParams(params, nextCursor), { scroll: true })}>
          Next
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
