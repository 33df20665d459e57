import { Ban, CircleCheck, Clock, Undo2, type LucideIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import type { OrderStatus } from '@/lib/types';
import { cn } from '@/lib/utils';

type Variant = 'success' | 'warning' | 'secondary' | 'destructive';

/** How each status reads in the dashboard; filters and summaries use the same words as the badge. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

// Each status has its own icon as well as its colour, so it is told apart without seeing colour.
const STYLES: Record<OrderStatus, { variant: Variant; icon: LucideIcon; hint: string }> = {
  pending: { variant: 'warning', icon: Clock, hint: 'Placed, not yet completed: not counted in the customer’s spend' },
  completed: { variant: 'success', icon: CircleCheck, hint: 'Completed: counted in the customer’s spend' },
  cancelled: { variant: 'secondary', icon: Ban, hint: 'Cancelled: not counted in the customer’s spend' },
  refunded: { variant: 'destructive', icon: Undo2, hint: 'Fully refunded: nothing of it counts in the customer’s spend' },
  partially_refunded: { variant: 'warning', icon: Undo2, hint: 'Partially refunded: what was kept counts in the customer’s spend' },
};

/** "Partially refunded" for a known status; an unknown one (a newer server) is shown as it came. */
export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status as OrderStatus] ?? status.replaceAll('_', ' ');
}

/**
 * An order's status as a coloured badge with an icon. The visible word is the accessible text; the icon is
 * decorative, and `title` explains on hover what the status means for the customer's numbers.
 */
export function OrderStatusBadge({ status, className }: { status: OrderStatus; className?: string }) {
  const style = STYLES[status] ?? { variant: 'secondary' as const, icon: Clock, hint: undefined };
  const Icon = style.icon;
  return (
    <Badge variant={style.variant} title={style.hint} data-status={status} className={cn('gap-1 whitespace-nowrap', className)}>
      <Icon className="size-3 shrink-0" aria-hidden />
      {orderStatusLabel(status)}
    </Badge>
  );
}
