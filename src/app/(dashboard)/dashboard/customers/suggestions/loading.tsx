import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';

// The page's own header, so nothing moves when the suggestions arrive.
export default function SuggestionsLoading() {
  return (
    <div className="max-w-6xl space-y-6" aria-busy="true">
      <PageHeader title="Group suggestions" description="Loading suggestions…" />
      <Skeleton className="h-32 w-full" />
      <div className="space-y-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-20 w-full" />
        ))}
      </div>
    </div>
  );
}
