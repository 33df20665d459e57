import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { StaffFigures } from '@/components/dashboard/staff/staff-figures';
import { StaffMonthCharts } from '@/components/dashboard/staff/staff-month-charts';
import { StaffMonthTable } from '@/components/dashboard/staff/staff-month-table';
import { StaffPeriodPicker } from '@/components/dashboard/staff/staff-period-picker';
import { StaffRoleBadge } from '@/components/dashboard/staff/staff-role-badge';
import { StaffTopCustomers } from '@/components/dashboard/staff/staff-top-customers';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDate, formatMoney } from '@/lib/format';
import { can } from '@/services/permissions';
import type { StaffMetrics } from '@/services/staff-metrics';

import { periodParams, type PeriodSearchParams } from '../period-params';
import { loadStaffMetrics } from './load-staff-metrics';

type Props = { params: Promise<{ id: string }>; searchParams: PeriodSearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const actor = await requireStaff('staff:read');
  const { query } = await periodParams(searchParams);
  const { result } = await loadStaffMetrics(actor, (await params).id, query.from, query.to);
  return { title: `${result.member.name} · Staff` };
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function chartSummaries(metrics: StaffMetrics): { customers: string; revenue: string } {
  const best = (key: 'customersAcquired' | 'revenue') => metrics.months.reduce((top, month) => (month[key] > top[key] ? month : top), metrics.months[0]);
  const topCustomers = best('customersAcquired');
  const topRevenue = best('revenue');
  const span = `${formatDate(metrics.period.from)} to ${formatDate(metrics.period.to)}`;
  return {
    customers: `Bar chart: ${plural(metrics.totals.customersAcquired, 'customer', 'customers')} acquired from ${span}; the most in ${monthName(topCustomers.month)} (${topCustomers.customersAcquired}). The table below lists every month.`,
    revenue: `Bar chart: ${formatMoney(metrics.totals.revenue, metrics.currency)} of revenue from ${span}; the most in ${monthName(topRevenue.month)} (${formatMoney(topRevenue.revenue, metrics.currency)}). The table below lists every month.`,
  };
}

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const actor = await requireStaff('staff:read');
  const { id } = await params;
  const { query } = await periodParams(searchParams);
  const { result: metrics, periodError } = await loadStaffMetrics(actor, id, query.from, query.to);
  const { member, totals, currency } = metrics;
  const isOwn = actor.id === member.id;

  return (
    <div className="space-y-6">
      {can(actor, 'staff:read_all') && (
        <Link href="/dashboard/staff" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <ArrowLeft className="size-4" aria-hidden />
          Staff
        </Link>
      )}
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{isOwn ? `Your performance` : member.name}</h1>
          <StaffRoleBadge role={member.role} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Customers {isOwn ? 'you' : member.name} created by hand between {formatDate(metrics.period.from)} and {formatDate(metrics.period.to)}, and what they spent
          in that time (completed orders less refunds).
        </p>
      </div>
      <StaffPeriodPicker action={`/dashboard/staff/${member.id}`} period={metrics.period} today={new Date().toISOString().slice(0, 10)} />
      {periodError && (
        <Alert variant="warning" role="alert">
          {periodError}
        </Alert>
      )}
      <StaffFigures
        figures={[
          { label: 'Customers acquired', value: String(totals.customersAcquired), hint: `${totals.customersWhoOrdered} of them ordered` },
          { label: 'Orders', value: String(totals.orderCount) },
          { label: 'Revenue', value: formatMoney(totals.revenue, currency) },
          { label: 'Avg customer value', value: totals.averageCustomerValue === null ? '—' : formatMoney(totals.averageCustomerValue, currency), hint: 'Revenue per acquired customer' },
        ]}
      />
      {totals.customersAcquired === 0 ? (
        <Card className="p-8 text-center text-sm text-slate-600">
          {isOwn ? 'You have' : `${member.name} has`} not created any customers in this period. Customers created by hand in the dashboard are credited to the
          member who created them; pick a longer period to look further back.
        </Card>
      ) : (
        <>
          <StaffMonthCharts months={metrics.months} currency={currency} summaries={chartSummaries(metrics)} />
          <div className="grid gap-6 xl:grid-cols-2">
            <Card className="overflow-hidden">
              <CardHeader>
                <CardTitle>Per month</CardTitle>
              </CardHeader>
              <StaffMonthTable months={metrics.months} currency={currency} />
            </Card>
            <Card className="overflow-hidden">
              <CardHeader>
                <CardTitle>Most valuable customers</CardTitle>
              </CardHeader>
              {metrics.topCustomers.length === 0 ? (
                <CardContent>
                  <p className="text-sm text-slate-600">None of these customers has a completed order in this period yet.</p>
                </CardContent>
              ) : (
                <StaffTopCustomers customers={metrics.topCustomers} currency={currency} />
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
