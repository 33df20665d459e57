'use client';

import { Suspense, use } from 'react';

import { Skeleton } from '@/components/ui/skeleton';
import { formatMatchCount, type MatchCount } from '@/lib/match-count';

export interface ListMatchCountProps {
  /** The count, or a promise of it (streamed after the rows); null shows nothing (a count that failed). */
  count: MatchCount | Promise<MatchCount | null> | null;
  noun: { one: string; other: string };
  /** Changes with the filters: a new filter's count shows the skeleton instead of holding back the new rows. */
  filterKey: string;
}

/** "1,240 customers" / "about 1,000,000 customers" above a list, in its own Suspense boundary. */
export function ListMatchCount({ count, noun, filterKey }: ListMatchCountProps) {
  return (
    <Suspense key={filterKey} fallback={<MatchCountSkeleton />}>
      <MatchCountText count={count} noun={noun} />
    </Suspense>
  );
}

function MatchCountText({ count, noun }: Omit<ListMatchCountProps, 'filterKey'>) {
  const value = isPromise(count) ? use(count) : count;
  if (!value) return <span />;
  const text = formatMatchCount(value, noun);
  return (
    <p className="text-sm font-medium text-slate-700" data-testid="match-count" title={value.exact ? undefined : 'Estimated from the database statistics, so that a large list stays fast'}>
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </p>
  );
}

// A promise handed over from the server arrives as React's own thenable; `then` is what tells it apart.
function isPromise(value: ListMatchCountProps['count']): value is Promise<MatchCount | null> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}

function MatchCountSkeleton() {
  return (
    <span role="status" className="inline-flex items-center">
      <span className="sr-only">Counting…</span>
      <Skeleton className="h-4 w-28" />
    </span>
  );
}
