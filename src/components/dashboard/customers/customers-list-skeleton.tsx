import { Skeleton } from '@/components/ui/skeleton';

import { ListSkeleton } from '../list/list-skeleton';

/** The list's shape while its first render loads: search and filters, header row and ten rows. */
export function CustomersListSkeleton() {
  return (
    <ListSkeleton
      noun="customers"
      toolbar={
        <div className="flex gap-2">
          <Skeleton className="h-9 flex-1" />
          <Skeleton className="h-9 w-24" />
        </div>
      }
      headerWidths={[32, 40, 16, 14, 20, 16]}
      row={
        <>
          <div className="flex-1 space-y-1.5 lg:w-56 lg:flex-none">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-3 w-24" />
          </div>
          <Skeleton className="hidden h-4 w-44 lg:block" />
          <Skeleton className="hidden h-5 w-16 rounded-full lg:block" />
          <Skeleton className="ml-auto h-4 w-16" />
          <Skeleton className="hidden h-4 w-20 lg:block" />
        </>
      }
    />
  );
}
