import * as React from 'react';

import { cn } from '@/lib/utils';

/** A styled native <select>: keyboard and screen-reader behaviour come free, and it works on phones. */
export function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'flex h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 aria-[invalid=true]:border-red-500',
        className,
      )}
      {...props}
    />
  );
}
