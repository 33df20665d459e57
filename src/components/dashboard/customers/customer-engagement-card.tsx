import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import { METRIC_EXPLANATIONS, RFM_SEGMENT_RULES, type CustomerEngagementMetrics, type MetricKey, type RfmSegment } from '@/lib/validation/metrics';

const SEGMENT_VARIANT: Partial<Record<RfmSegment, 'success' | 'warning' | 'destructive' | 'secondary'>> = {
  Champions: 'success',
  Loyal: 'success',
  'Potential loyalists': 'success',
  'At risk': 'warning',
  "Can't lose them": 'warning',
  'About to sleep': 'warning',
  'Need attention': 'warning',
  Hibernating: 'secondary',
  Lost: 'destructive',
};

const percent = (share: number) => `${(share * 100).toLocaleString('en-GB', { maximumFractionDigits: share < 0.1 ? 1 : 0 })}%`;
const days = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('en-GB')} ${value === 1 ? 'day' : 'days'}`);

function values(m: CustomerEngagementMetrics): Record<MetricKey, string> {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, m.currency));
  const score = (value: number | null) => (value === null ? '—' : `${value} of 5`);
  return {
    daysSinceLastOrder: days(m.daysSinceLastOrder),
    daysSinceFirstOrder: days(m.daysSinceFirstOrder),
    orders90d: m.orders90d.toLocaleString('en-GB'),
    orders365d: m.orders365d.toLocaleString('en-GB'),
    spend365d: money(m.spend365d),
    averageOrderValue: m.daysSinceLastOrder === null ? '—' : money(m.averageOrderValue),
    averageItemsPerOrder: m.daysSinceLastOrder === null ? '—' : m.averageItemsPerOrder.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
    recencyScore: score(m.recencyScore),
    frequencyScore: score(m.frequencyScore),
    monetaryScore: score(m.monetaryScore),
    rfmSegment: m.rfmSegment ?? '—',
    spendPercentile365d: m.spendPercentile365d === null ? 'No spend' : `Top ${percent(m.spendPercentile365d)}`,
    expectedOrders12m: m.expectedOrders12m === null ? '—' : m.expectedOrders12m.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
    predictedValue12m: money(m.predictedValue12m),
    pAlive: m.churnRisk === null ? (m.daysSinceLastOrder === null ? '—' : 'Not judged yet') : percent(m.churnRisk),
  };
}

// The prediction first (what a shop owner asks), then recency and frequency, then the scores.
const SHOWN: MetricKey[] = [
  'predictedValue12m',
  'expectedOrders12m',
  'pAlive',
  'daysSinceLastOrder',
  'orders90d',
  'orders365d',
  'spend365d',
  'spendPercentile365d',
  'averageOrderValue',
  'averageItemsPerOrder',
  'daysSinceFirstOrder',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
];

/** Engagement metrics of one customer, each with what it means; an empty state until they are first computed. */
export function CustomerEngagementCard({ metrics, canRecompute }: { metrics: CustomerEngagementMetrics | null; canRecompute: boolean }) {
  const segment = metrics?.rfmSegment ?? null;
  const meaning = segment ? RFM_SEGMENT_RULES.find((rule) => rule.segment === segment)?.meaning : null;
  return (
    <Card aria-labelledby="engagement-title">
      <CardHeader className="flex-wrap gap-2">
        <CardTitle id="engagement-title">Engagement</CardTitle>
        {metrics && <span className="text-xs text-slate-500">as of {formatDate(metrics.asOf)}</span>}
      </CardHeader>
      <CardContent>
        {!metrics ? (
          <div className="space-y-2 text-sm text-slate-600">
            <p>Metrics are computed every few minutes; this customer has none yet.</p>
            {canRecompute && (
              <Link href="/dashboard/settings/metrics" className="font-medium text-indigo-700 hover:underline">
                Recompute now
              </Link>
            )}
          </div>
        ) : (
          <div className="space-y-4">
            <div>
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm text-slate-600">{METRIC_EXPLANATIONS.rfmSegment.label}</span>
                {segment ? <Badge variant={SEGMENT_VARIANT[segment] ?? 'default'}>{segment}</Badge> : <Badge variant="secondary">No orders yet</Badge>}
              </div>
              <p className="mt-1 text-xs text-slate-600">{meaning ?? METRIC_EXPLANATIONS.rfmSegment.explanation}</p>
            </div>
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              {SHOWN.map((key) => (
                <div key={key} className="min-w-0">
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{METRIC_EXPLANATIONS[key].label}</dt>
                  <dd className="text-lg font-semibold text-slate-900 tabular-nums">{values(metrics)[key]}</dd>
                  <dd className="text-xs text-slate-600">{METRIC_EXPLANATIONS[key].explanation}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
