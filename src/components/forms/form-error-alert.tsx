import { CircleAlert } from 'lucide-react';

import { cn } from '@/lib/utils';

/**
 * The message above a form for what no field can show (src/components/forms/server-errors.ts). `compact` is the
 * size for dialogs. Renders nothing without a message.
 */
export function FormErrorAlert({ message, isCompact = false, className }: { message: string | null; isCompact?: boolean; className?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className={cn(
        'flex items-start border border-red-200 bg-red-50 text-sm text-red-800',
        isCompact ? 'gap-2 rounded-md p-3' : 'gap-3 rounded-lg p-4',
        className,
      )}>
      <CircleAlert className={cn('mt-0.5 shrink-0 text-red-600', isCompact ? 'size-4' : 'size-5')} aria-hidden />
      <p>{message}</p>
    </div>
  );
}
