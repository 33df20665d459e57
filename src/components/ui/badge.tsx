import { cva, type VariantProps } from 'class-variance-authority';
import * as React from 'react';

import { cn } from '@/lib/utils';

const badgeVariants = cva('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', {
  variants: {
    variant: {
      default: 'bg-indigo-50 text-indigo-700 ring-1 ring-inset ring-indigo-200',
      secondary: 'bg-slate-100 text-slate-700',
      success: 'bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-200',
      warning: 'bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200',
      destructive: 'bg-red-50 text-red-700 ring-1 ring-inset ring-red-200',
    },
  },
  defaultVariants: { variant: 'default' },
});

export function Badge({ className, variant, ...props }: React.HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
