import { Skeleton } from '@/components/ui/skeleton';

import { ListSkeleton } from '../list/list-skeleton';

/** The list's shape while its first render loads: status tabs, filters, header row and ten rows. */
export function OrdersListSkeleton() {
  return (
    <ListSkeleton
      noun="orders"
      toolbar={
        <>
          <div className="hidden gap-4 border-b border-slate-200 pb-3 lg:flex">
            {[8, 16, 20, 18, 16, 30].map((width, i) => (
              <Skeleton key={i} className="h-4" style={{ width: `${width * 4}px` }} />
            ))}
          </div>
          <div className="flex flex-wrap gap-2">
            <Skeleton className="h-9 basis-full sm:w-56 sm:basis-auto lg:hidden" />
            {/* Below sm each filter's label sits above its control. */}
            <Skeleton className="h-[3.75rem] basis-full sm:h-9 sm:basis-0 sm:flex-1" />
            <Skeleton className="h-[3.75rem] basis-full sm:h-9 sm:basis-auto sm:w-[26rem]" />
          </div>
        </>
      }
      headerWidths={[14, 40, 16, 10, 16, 28]}
      row={
        <>
          <div className="flex-1 space-y-1.5 lg:flex-none">
            <Skeleton className="h-4 w-28 lg:w-14" />
            <Skeleton className="h-3 w-36 lg:hidden" />
          </div>
          <Skeleton className="hidden h-4 w-40 lg:block" />
          <Skeleton className="hidden h-5 w-20 rounded-full lg:block" />
          <Skeleton className="ml-auto h-4 w-16" />
          <Skeleton className="hidden h-4 w-28 lg:block" />
        </>
      }
    />
  );
}
