'use client';

import { ArrowRight, Loader2, ShoppingBag } from 'lucide-react';
import Link from 'next/link';
import { useState, useTransition } from 'react';

import { listCustomerOrdersAction } from '@/actions/customers';
import { OrderStatusBadge } from '@/components/dashboard/orders/order-status-badge';
import { customerOrdersHref, orderHref } from '@/components/dashboard/orders/orders-list-query';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import type { OrderSummary } from '@/lib/types';

interface Loaded {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/**
 * Purchase history, newest first: the first page comes with the customer (getCustomerById), older pages load
 * on "Show older orders". Money is minor units of each order's currency, formatted here.
 */
export function CustomerOrdersPanel({ customerId, orders, nextCursor }: { customerId: string; orders: OrderSummary[]; nextCursor: string | null }) {
  // When the server sends a new first page (an order placed or completed elsewhere), the older pages loaded
  // so far may no longer follow it: start again from the new one.
  const signature = `${nextCursor}|${orders.map((o) => `${o.id}:${o.status}:${o.refundedTotal}`).join()}`;
  const [seenSignature, setSeenSignature] = useState(signature);
  const [older, setOlder] = useState<Loaded>({ orders: [], nextCursor });
  if (signature !== seenSignature) {
    setSeenSignature(signature);
    setOlder({ orders: [], nextCursor });
  }
  const [error, setError] = useState<string | null>(null);
  const [isLoading, startLoading] = useTransition();
  const shown = [...orders, ...older.orders];

  function showOlder() {
    const cursor = older.nextCursor;
    if (!cursor) return;
    setError(null);
    startLoading(async () => {
      try {
        const result = await listCustomerOrdersAction(customerId, cursor);
        if (result.ok) setOlder((current) => ({ orders: [...current.orders, ...result.data.data], nextCursor: result.data.nextCursor }));
        else setError(result.message);
      } catch {
        setError('The older orders could not be loaded. Check the connection and try again.');
      }
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Purchase history</CardTitle>
        {shown.length > 0 && (
          <Link href={customerOrdersHref(customerId)} className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
            View all orders
            <ArrowRight className="size-3.5" aria-hidden />
          </Link>
        )}
      </CardHeader>
      {shown.length === 0 ? (
        <CardContent className="flex flex-col items-center gap-2 py-10 text-center">
          <ShoppingBag className="size-8 text-slate-300" aria-hidden />
          <p className="text-sm font-medium text-slate-700">No orders yet</p>
          <p className="text-sm text-slate-500">Orders appear here when placed.</p>
        </CardContent>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Orders of this customer, newest first</caption>
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Order</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Placed</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Status</th>
                  <th scope="col" className="hidden px-4 py-2 text-right font-medium md:table-cell">Items</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.map((order) => (
                  <tr key={order.id} className="hover:bg-slate-50">
                    <td className="px-4 py-2">
                      <Link href={orderHref(order.id)} className="whitespace-nowrap rounded-sm font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                        <span className="sr-only">Order </span>
                        {order.orderNumber}
                      </Link>
                      {/* Phones have no room for the date and status columns, so both sit under the number. */}
                      <span className="block whitespace-nowrap text-xs text-slate-500 sm:hidden">{formatDate(order.placedAt)}</span>
                      <span className="mt-1 block sm:hidden">
                        <OrderStatusBadge status={order.status} />
                      </span>
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-2 text-slate-600 sm:table-cell">{formatDate(order.placedAt)}</td>
                    <td className="hidden px-4 py-2 sm:table-cell">
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td className="hidden px-4 py-2 text-right tabular-nums text-slate-600 md:table-cell">{order.itemCount.toLocaleString('en-GB')}</td>
                    <td className="px-4 py-2 text-right">
                      <span className="whitespace-nowrap tabular-nums text-slate-900">{formatMoney(order.total, order.currency)}</span>
                      {order.refundedTotal > 0 && (
                        <span className="block whitespace-nowrap text-xs tabular-nums text-red-700">−{formatMoney(order.refundedTotal, order.currency)} refunded</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-col items-center gap-2 border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
            {older.nextCursor ? (
              <Button variant="outline" size="sm" onClick={showOlder} disabled={isLoading}>
                {isLoading && <Loader2 className="animate-spin" aria-hidden />}
                {isLoading ? 'Loading older orders…' : 'Show older orders'}
              </Button>
            ) : (
              <p>{shown.length === 1 ? 'This is their only order.' : `All ${shown.length.toLocaleString('en-GB')} orders shown.`}</p>
            )}
            {error && (
              <p role="alert" className="font-medium text-red-600">
                {error}
              </p>
            )}
            <p className="sr-only" role="status">
              {older.orders.length > 0 ? `${shown.length} orders shown` : ''}
            </p>
          </div>
        </>
      )}
    </Card>
  );
}
