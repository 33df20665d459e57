import * as React from 'react';

import { cn } from '@/lib/utils';

/** A grey placeholder block that pulses while content loads; hidden from screen readers (announce loading elsewhere). */
export function Skeleton({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-slate-200/80 motion-reduce:animate-none', className)} {...props} />;
}
