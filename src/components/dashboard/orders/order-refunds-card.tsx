import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import type { OrderRefundEntry } from '@/lib/types';

/** Every refund of the order: how much, why, who made it and when. Nothing when it has none. */
export function OrderRefundsCard({ refunds, currency }: { refunds: OrderRefundEntry[]; currency: string }) {
  if (refunds.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Refunds</CardTitle>
      </CardHeader>
      <CardContent className="py-2">
        <ul className="divide-y divide-slate-100" aria-label="Refunds">
          {refunds.map((refund) => (
            <li key={refund.id} className="flex flex-col gap-1 py-3 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0 space-y-0.5">
                <p className="break-words text-slate-900">{refund.reason || <span className="text-slate-500">No reason given</span>}</p>
                <p className="text-xs text-slate-500">
                  {refund.createdBy ? `By ${refund.createdBy}` : 'By the system (an import)'} · <time dateTime={refund.createdAt}>{formatDate(refund.createdAt, 'datetime')}</time>
                </p>
              </div>
              <p className="shrink-0 font-medium tabular-nums text-slate-900">{formatMoney(-refund.amount, currency)}</p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
