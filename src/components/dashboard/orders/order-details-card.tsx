import { Mail, User } from 'lucide-react';
import Link from 'next/link';

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import type { Order, OrderRefundEntry } from '@/lib/types';

/** Who the order is for (with a link to their page) and when each step of its life happened. */
export function OrderDetailsCard({ order, enteredBy, refunds }: { order: Order; enteredBy: string | null; refunds: OrderRefundEntry[] }) {
  const times = [
    { label: 'Placed', at: order.placedAt },
    { label: 'Completed', at: order.completedAt },
    { label: 'Cancelled', at: order.cancelledAt },
    ...refunds.map((refund) => ({ label: `Refunded ${formatMoney(refund.amount, order.currency)}${refund.createdBy ? ` by ${refund.createdBy}` : ''}`, at: refund.createdAt })),
  ]
    .filter((row): row is { label: string; at: string } => row.at !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Customer</CardTitle>
      </CardHeader>
      <CardContent className="space-y-1 py-4 text-sm">
        {order.customer ? (
          <>
            <Link href={`/dashboard/customers/${order.customer.id}`} className="inline-flex items-center gap-2 font-medium text-indigo-700 hover:underline">
              <User className="size-4 text-slate-400" aria-hidden />
              {order.customer.name || 'Unnamed customer'}
            </Link>
            {order.customer.email && (
              <a href={`mailto:${order.customer.email}`} className="flex items-center gap-2 break-all text-slate-600 hover:text-slate-900">
                <Mail className="size-4 shrink-0 text-slate-400" aria-hidden />
                {order.customer.email}
              </a>
            )}
          </>
        ) : (
          <p className="text-slate-500">The customer record is no longer available.</p>
        )}
      </CardContent>
      <div className="border-t border-slate-100 px-4 py-3">
        <h3 className="text-sm font-semibold text-slate-900">History</h3>
        <dl className="mt-2 space-y-1.5 text-sm">
          {times.map((row) => (
            <div key={`${row.label}-${row.at}`} className="flex justify-between gap-4">
              <dt className="text-slate-600">{row.label}</dt>
              <dd className="text-right text-slate-900">
                <time dateTime={row.at}>{formatDate(row.at, 'datetime')}</time>
              </dd>
            </div>
          ))}
          {enteredBy && (
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Entered by</dt>
              <dd className="text-right text-slate-900">{enteredBy}</dd>
            </div>
          )}
        </dl>
      </div>
    </Card>
  );
}
