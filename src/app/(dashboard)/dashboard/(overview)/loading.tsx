import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';

// The page's header and grid, so nothing moves when the figures arrive. In the (overview) group so that only the
// overview shows it: at dashboard/ it would also be the fallback of every dashboard page without a loading.tsx.
export default function OverviewLoading() {
  return (
    <>
      <PageHeader title="Overview" description="Your shop at a glance." />
      <div className="space-y-4" aria-busy="true" aria-label="Loading the overview">
        <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 xl:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-[92px] rounded-lg" />
          ))}
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <Skeleton className="h-[340px] rounded-lg" />
          <Skeleton className="h-[340px] rounded-lg" />
        </div>
        <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
          <Skeleton className="h-[300px] rounded-lg" />
          <Skeleton className="h-[300px] rounded-lg" />
          <Skeleton className="h-[300px] rounded-lg" />
        </div>
      </div>
    </>
  );
}
