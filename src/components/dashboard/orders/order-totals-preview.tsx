import { formatMoney } from '@/lib/format';

import type { previewTotals } from './order-form-schema';

/** Subtotal, adjustments and total as they stand while typing; the server computes the same from the same integers. */
export function OrderTotalsPreview({ totals, currency }: { totals: ReturnType<typeof previewTotals>; currency: string }) {
  const rows = [
    { label: 'Subtotal', value: totals.subtotal },
    { label: 'Discount', value: -totals.discount, hidden: totals.discount === 0 },
    { label: 'Tax', value: totals.tax },
    { label: 'Shipping', value: totals.shipping },
  ];
  return (
    <dl className="space-y-1.5 text-sm">
      {rows
        .filter((row) => !row.hidden)
        .map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="tabular-nums text-slate-900">{formatMoney(row.value, currency)}</dd>
          </div>
        ))}
      <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold">
        <dt className="text-slate-900">Total</dt>
        <dd className="tabular-nums text-slate-900">
          {formatMoney(totals.total, currency)}
        </dd>
      </div>
    </dl>
  );
}
