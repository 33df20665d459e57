import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';

// The page's own header, so nothing moves when the pairs arrive.
export default function DuplicatesLoading() {
  return (
    <div className="mx-auto w-full max-w-6xl" aria-busy="true">
      <PageHeader title="Duplicates" description="Looking for customers who look like one person…" />
      <div className="space-y-3">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-24 w-full" />
        ))}
      </div>
    </div>
  );
}
