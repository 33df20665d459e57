import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { RFM_SEGMENT_RULES } from '@/lib/validation/metrics';
import { getMetricsStatus } from '@/services/metrics';
import { can } from '@/services/permissions';

import { MetricsSettingsForm } from '@/components/dashboard/metrics/metrics-settings-form';

export const metadata: Metadata = { title: 'Metrics' };

const params = (values: Record<string, number> | null) =>
  values
    ? Object.entries(values)
        .filter(([name]) => name !== 'logLikelihood')
        .map(([name, value]) => `${name} = ${value.toLocaleString('en-GB', { maximumSignificantDigits: 4 })}`)
        .join(', ')
    : 'not fitted (too few repeat customers)';

export default async function MetricsSettingsPage() {
  const actor = await requireStaff('metrics:read');
  const { settings, lastRun } = await getMetricsStatus({ actor });
  const canCompute = can(actor, 'metrics:compute');

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Metrics"
        description="Engagement metrics (RFM segments, 12-month value and churn risk) are recomputed for every customer a few minutes after orders change, daily, and on demand."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>As-of date</CardTitle>
            <span className="text-xs text-slate-500">{settings.asOf ? `As of ${formatDate(`${settings.asOf}T12:00:00Z`)}` : 'As of now'}</span>
          </CardHeader>
          <CardContent className="py-4">
            {canCompute ? (
              <MetricsSettingsForm asOf={settings.asOf} />
            ) : (
              <p className="text-sm text-slate-600">Owners and admins choose the as-of date and can recompute.</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Last run</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            {!lastRun ? (
              <p className="text-sm text-slate-600">Not computed yet. Metrics are computed every few minutes{canCompute ? ', or recompute now above' : ''}.</p>
            ) : (
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                <Item label="Finished" value={formatDate(new Date(Date.parse(lastRun.startedAt) + lastRun.durationMs), 'datetime')} />
                <Item label="As of" value={formatDate(lastRun.asOf, 'datetime')} />
                <Item label="Customers" value={`${lastRun.customers.toLocaleString('en-GB')} (${lastRun.customersWithOrders.toLocaleString('en-GB')} with orders)`} />
                <Item label="Duration" value={`${(lastRun.durationMs / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} s (${lastRun.trigger})`} />
                <Item label="Purchase model (BG/NBD, weeks)" value={params(lastRun.models.bgNbd)} />
                <Item label="Spend model (Gamma-Gamma, minor units)" value={params(lastRun.models.gammaGamma)} />
              </dl>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Segments</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <ul className="divide-y divide-slate-100 text-sm">
              {RFM_SEGMENT_RULES.map((rule) => (
                <li key={rule.segment} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <span className="font-medium text-slate-900">{rule.segment}</span>
                  <span className="tabular-nums text-slate-700">{(lastRun?.segments[rule.segment] ?? 0).toLocaleString('en-GB')} customers</span>
                  <span className="w-full text-xs text-slate-600">
                    {rule.meaning} Recency {rule.recency.join('–')}, frequency {rule.frequency.join('–')} (scores 1–5, quintiles among customers with orders).
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{value}</dd>
    </div>
  );
}
