import { ShoppingBag } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import type { OrderStatus, OrderSummary } from '@/lib/types';

const STATUS: Record<OrderStatus, { label: string; variant: 'success' | 'warning' | 'secondary' | 'destructive' }> = {
  completed: { label: 'Completed', variant: 'success' },
  pending: { label: 'Pending', variant: 'warning' },
  cancelled: { label: 'Cancelled', variant: 'secondary' },
  refunded: { label: 'Refunded', variant: 'destructive' },
  partially_refunded: { label: 'Partly refunded', variant: 'warning' },
};

/** Purchase history, newest first, as getCustomerById returns it (the first page of orders). */
export function CustomerOrdersPanel({ orders, hasMore }: { orders: OrderSummary[]; hasMore: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Purchase history</CardTitle>
        {orders.length > 0 && <span className="text-xs text-slate-500">{hasMore ? `Newest ${orders.length}` : `${orders.length} total`}</span>}
      </CardHeader>
      {orders.length === 0 ? (
        <CardContent className="flex flex-col items-center gap-2 py-10 text-center">
          <ShoppingBag className="size-8 text-slate-300" aria-hidden />
          <p className="text-sm font-medium text-slate-700">No orders yet</p>
          <p className="text-sm text-slate-500">Orders appear here when placed.</p>
        </CardContent>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Order</th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Placed</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((order) => {
                const status = STATUS[order.status] ?? { label: order.status, variant: 'secondary' as const };
                return (
                  <tr key={order.id}>
                    <td className="px-4 py-2">
                      <span className="font-medium text-slate-900">{order.orderNumber}</span>
                      {/* Phones have no room for the date column, so the date sits under the number. */}
                      <span className="block text-xs text-slate-500 sm:hidden">{formatDate(order.placedAt)}</span>
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-2 text-slate-600 sm:table-cell">{formatDate(order.placedAt)}</td>
                    <td className="px-4 py-2">
                      <Badge variant={status.variant} className="whitespace-nowrap">
                        {status.label}
                      </Badge>
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums text-slate-900">{formatMoney(order.total, order.currency)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
