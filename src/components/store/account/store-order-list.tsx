import { ChevronRight } from 'lucide-react';
import Link from 'next/link';

import { formatDate, formatMoney } from '@/lib/format';
import type { OrderSummary } from '@/lib/types';

import { StoreOrderStatusBadge } from './order-status-badge';

const itemCount = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;

/** The customer's orders as tappable rows: number and status, then date, item count and total. */
export function StoreOrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <ul className="divide-y divide-stone-100 overflow-hidden rounded-lg border border-stone-200 bg-white">
      {orders.map((order) => (
        <li key={order.id}>
          <Link
            href={`/store/account/orders/${order.id}`}
            className="flex items-center gap-3 px-4 py-3 transition-colors hover:bg-stone-50 focus-visible:bg-stone-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-700"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-stone-900">Order {order.orderNumber}</span>
                <StoreOrderStatusBadge status={order.status} />
              </div>
              <p className="text-sm text-stone-600">
                <time dateTime={order.placedAt}>{formatDate(order.placedAt)}</time> · {itemCount(order.itemCount)}
              </p>
            </div>
            <div className="text-right">
              <p className="font-medium tabular-nums text-stone-900">{formatMoney(order.total, order.currency)}</p>
              {order.refundedTotal > 0 && (
                <p className="text-xs tabular-nums text-stone-500">{formatMoney(order.refundedTotal, order.currency)} refunded</p>
              )}
            </div>
            <ChevronRight className="size-4 shrink-0 text-stone-400" aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}
