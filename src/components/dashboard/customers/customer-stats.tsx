import { formatDate, formatMoney } from '@/lib/format';
import type { CustomerMetrics } from '@/lib/types';

/** The customer's lifetime numbers. Money arrives in minor units and is formatted here, never divided as floats. */
export function CustomerStats({ metrics }: { metrics: CustomerMetrics }) {
  const hasOrders = metrics.orderCount > 0;
  const stats = [
    { label: 'Total spend', value: formatMoney(metrics.totalSpend, metrics.currency) },
    { label: 'Orders', value: metrics.orderCount.toLocaleString('en-GB') },
    { label: 'Average order', value: hasOrders ? formatMoney(metrics.averageOrderValue, metrics.currency) : '—' },
    {
      label: 'Last order',
      value: metrics.lastOrderDate ? formatDate(metrics.lastOrderDate) : 'No orders yet',
      hint: metrics.firstOrderDate ? `First on ${formatDate(metrics.firstOrderDate)}` : undefined,
    },
  ];
  return (
    <section aria-label="Customer statistics">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{stat.label}</dt>
            <dd className={stat.value === 'No orders yet' ? 'mt-1 text-base font-medium text-slate-500' : 'mt-1 text-xl font-semibold tabular-nums text-slate-900'}>
              {stat.value}
            </dd>
            {stat.hint && <dd className="mt-0.5 text-xs text-slate-500">{stat.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
