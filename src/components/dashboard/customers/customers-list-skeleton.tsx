import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

const ROWS = 10;

/** The list's shape while its first render loads: toolbar, header row and ten rows. */
export function CustomersListSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading customers…</span>
      <div className="flex gap-2">
        <Skeleton className="h-9 flex-1" />
        <Skeleton className="h-9 w-24" />
      </div>
      <Card className="overflow-hidden">
        <div className="hidden h-10 items-center gap-6 border-b border-slate-200 bg-slate-50 px-3 lg:flex">
          {[32, 40, 16, 14, 20, 16].map((width, i) => (
            <Skeleton key={i} className="h-3" style={{ width: `${width * 4}px` }} />
          ))}
        </div>
        <ul className="divide-y divide-slate-100">
          {Array.from({ length: ROWS }, (_, i) => (
            <li key={i} className="flex items-center gap-6 px-3 py-3.5">
              <div className="flex-1 space-y-1.5 lg:w-56 lg:flex-none">
                <Skeleton className="h-4 w-36" />
                <Skeleton className="h-3 w-24" />
              </div>
              <Skeleton className="hidden h-4 w-44 lg:block" />
              <Skeleton className="hidden h-5 w-16 rounded-full lg:block" />
              <Skeleton className="ml-auto h-4 w-16" />
              <Skeleton className="hidden h-4 w-20 lg:block" />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
