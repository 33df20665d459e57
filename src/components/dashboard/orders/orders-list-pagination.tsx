'use client';

import { ChevronLeft, ChevronRight, ChevronsLeft } from 'lucide-react';

import { Button } from '@/components/ui/button';

import { useOrdersListNavigation } from './orders-list-navigation';
import { firstPageParams, nextPageParams, pageNumber, previousPageParams } from './orders-list-query';

/**
 * Keyset paging: Next follows the server's cursor; Previous uses the last few cursors kept in the URL;
 * "Back to first page" always works. No page count: counting millions of orders per view is too slow.
 */
export function OrdersListPagination({ nextCursor, rowCount, pageSize }: { nextCursor: string | null; rowCount: number; pageSize: number }) {
  const { params, navigate, isPending } = useOrdersListNavigation();
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
            Page {page} · orders {start.toLocaleString('en-GB')}–{(start + rowCount - 1).toLocaleString('en-GB')}
          </>
        ) : (
          <>{rowCount} orders on this page</>
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
