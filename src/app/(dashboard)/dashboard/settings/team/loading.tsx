import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';

// The page's own header, so nothing moves when the members arrive.
export default function TeamLoading() {
  return (
    <div className="max-w-5xl space-y-6" aria-busy="true">
      <PageHeader title="Team" description="Loading the team…" />
      <Skeleton className="h-32 w-full" />
      <div className="space-y-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20 w-full" />
        ))}
      </div>
    </div>
  );
}
