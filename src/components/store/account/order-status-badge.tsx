import { Ban, CircleCheck, Clock, Undo2, type LucideIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import type { OrderStatus } from '@/lib/types';

type Variant = 'success' | 'warning' | 'secondary' | 'destructive';

// The customer's words for each status; an icon as well as a colour, so the status is told apart without colour.
const STATUSES: Record<OrderStatus, { label: string; variant: Variant; icon: LucideIcon }> = {
  pending: { label: 'Processing', variant: 'warning', icon: Clock },
  completed: { label: 'Completed', variant: 'success', icon: CircleCheck },
  cancelled: { label: 'Cancelled', variant: 'secondary', icon: Ban },
  refunded: { label: 'Refunded', variant: 'secondary', icon: Undo2 },
  partially_refunded: { label: 'Partly refunded', variant: 'warning', icon: Undo2 },
};

export function storeOrderStatusLabel(status: OrderStatus): string {
  return STATUSES[status]?.label ?? String(status).replaceAll('_', ' ');
}

/** An order's status for the customer who placed it. */
export function StoreOrderStatusBadge({ status }: { status: OrderStatus }) {
  const style = STATUSES[status] ?? { variant: 'secondary' as const, icon: Clock };
  const Icon = style.icon;
  return (
    <Badge variant={style.variant} data-status={status} className="gap-1 whitespace-nowrap">
      <Icon className="size-3 shrink-0" aria-hidden />
      {storeOrderStatusLabel(status)}
    </Badge>
  );
}
