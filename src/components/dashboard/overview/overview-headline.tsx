import { Card } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';

import { changeOnSameSpan, formatCount, formatShare, monthLabel } from './overview-format';

export interface OverviewHeadlineFigures {
  customers: number;
  buyers: number;
  repeatBuyers: number;
  newThisMonth: number;
  /** New customers in `lastMonthSpan`, the days of last month that match this month so far. */
  newLastMonthToDate: number;
  lastMonthSpan: { from: Date; to: Date };
  revenue12m: number;
  orders12m: number;
  windowStart: Date;
  now: Date;
  /** Set when the figures are as of the shop's metrics date rather than today. */
  asOfSetting: string | null;
}

/** The four numbers an owner checks first, each with the one line that makes it mean something. */
export function OverviewHeadline({ figures, currency }: { figures: OverviewHeadlineFigures; currency: string }) {
  const { customers, buyers, repeatBuyers, newThisMonth, newLastMonthToDate, lastMonthSpan, revenue12m, orders12m, windowStart, now, asOfSetting } = figures;
  const items = [
    { label: 'Customers', value: formatCount(customers), detail: `${formatCount(buyers)} have ordered` },
    {
      label: asOfSetting ? `New in ${monthLabel(now.toISOString().slice(0, 7), 'long')}` : 'New this month',
      value: formatCount(newThisMonth),
      detail: changeOnSameSpan(newThisMonth, newLastMonthToDate, lastMonthSpan),
    },
    {
      label: 'Revenue, last 12 months',
      value: formatMoney(revenue12m, currency),
      detail: `${formatCount(orders12m)} order${orders12m === 1 ? '' : 's'} since ${formatDate(windowStart)}, less refunds`,
    },
    {
      label: 'Repeat-customer rate',
      value: formatShare(repeatBuyers, buyers),
      detail: buyers > 0 ? `${formatCount(repeatBuyers)} of ${formatCount(buyers)} buyers ordered again` : 'No one has ordered yet',
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 xl:grid-cols-4">
      {items.map((item) => (
        <Card key={item.label} className="px-4 py-3">
          <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-slate-900">{item.value}</dd>
          <dd className="mt-0.5 text-xs text-slate-600">{item.detail}</dd>
        </Card>
      ))}
    </dl>
  );
}
