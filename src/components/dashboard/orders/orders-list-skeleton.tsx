import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

const ROWS = 10;

/** The list's shape while its first render loads: status tabs, filters, header row and ten rows. */
export function OrdersListSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading orders…</span>
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
      <Card className="overflow-hidden">
        <div className="hidden h-10 items-center gap-6 border-b border-slate-200 bg-slate-50 px-3 lg:flex">
          {[14, 40, 16, 10, 16, 28].map((width, i) => (
            <Skeleton key={i} className="h-3" style={{ width: `${width * 4}px` }} />
          ))}
        </div>
        <ul className="divide-y divide-slate-100">
          {Array.from({ length: ROWS }, (_, i) => (
            <li key={i} className="flex items-center gap-6 px-3 py-3.5">
              <div className="flex-1 space-y-1.5 lg:flex-none">
                <Skeleton className="h-4 w-28 lg:w-14" />
                <Skeleton className="h-3 w-36 lg:hidden" />
              </div>
              <Skeleton className="hidden h-4 w-40 lg:block" />
              <Skeleton className="hidden h-5 w-20 rounded-full lg:block" />
              <Skeleton className="ml-auto h-4 w-16" />
              <Skeleton className="hidden h-4 w-28 lg:block" />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
