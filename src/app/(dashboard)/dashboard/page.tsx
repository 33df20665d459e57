import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';

import { requireStaff } from '@/auth/require-staff';
import { MetricsEmpty } from '@/components/dashboard/overview/metrics-empty';
import { NewCustomersChart } from '@/components/dashboard/overview/new-customers-chart';
import { OverviewCustomerList } from '@/components/dashboard/overview/overview-customer-list';
import { OverviewEmptyShop } from '@/components/dashboard/overview/overview-empty-shop';
import { formatCount } from '@/components/dashboard/overview/overview-format';
import { OverviewHeadline } from '@/components/dashboard/overview/overview-headline';
import { OverviewSkeleton } from '@/components/dashboard/overview/overview-skeleton';
import { RevenueByGroupChart } from '@/components/dashboard/overview/revenue-by-group-chart';
import { SegmentsChart } from '@/components/dashboard/overview/segments-chart';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { formatDate } from '@/lib/format';
import { AT_RISK_P_ALIVE, AT_RISK_SEGMENTS, getOverview, type OverviewAtRiskCustomer } from '@/services/overview';
import { SHOP_CURRENCY } from '@/lib/config';

export const metadata: Metadata = { title: 'Overview' };

function atRiskDetail(customer: OverviewAtRiskCustomer): string {
  return [
    customer.rfmSegment,
    customer.pAlive !== null && `${Math.round(customer.pAlive * 100)}% likely still active`,
    customer.daysSinceLastOrder !== null && `last order ${formatCount(customer.daysSinceLastOrder)} days ago`,
  ]
    .filter(Boolean)
    .join(' · ');
}

// The header shows at once and the figures stream in behind a skeleton. A Suspense boundary here rather than a
// loading.tsx: at dashboard/ that would also be the fallback of every dashboard page without one of its own.
export default async function OverviewPage() {
  await requireStaff('metrics:read');
  return (
    <>
      <PageHeader title="Overview" description="Your shop at a glance: customers, revenue, and who to look after." />
      <Suspense fallback={<OverviewSkeleton />}>
        <OverviewContent />
      </Suspense>
    </>
  );
}

async function OverviewContent() {
  const overview = await getOverview();
  const { metrics } = overview;
  return (
    <>
      {overview.customers === 0 ? (
        <OverviewEmptyShop />
      ) : (
        <div className="space-y-4">
          {overview.asOfSetting && (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Figures as of {formatDate(overview.now)}, the shop&apos;s metrics date, so that imported or past history reads as it was then:
              new customers, revenue and segments. Customer counts, revenue by group and top customers are all-time.{' '}
              <Link href="/dashboard/settings/metrics" className="font-medium underline underline-offset-2">
                Change the metrics date
              </Link>
            </p>
          )}
          <OverviewHeadline figures={overview} currency={SHOP_CURRENCY} />
          <div className="grid gap-4 lg:grid-cols-2">
            <NewCustomersChart months={overview.newPerMonth} />
            <RevenueByGroupChart groups={overview.revenueByGroup} currency={SHOP_CURRENCY} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
            {metrics ? (
              <>
                <SegmentsChart
                  segments={metrics.segments}
                  note={`Customers with orders, as of ${formatDate(metrics.asOf)} (computed ${formatDate(metrics.computedAt, 'datetime')})`}
                />
                <OverviewCustomerList
                  title="Customers at risk"
                  note="Valuable customers who are slipping away, most spent first"
                  customers={metrics.atRisk.map((customer) => ({ ...customer, detail: atRiskDetail(customer) }))}
                  currency={SHOP_CURRENCY}
                  empty="No valuable customer looks at risk right now."
                  footer={`${formatCount(metrics.atRiskCount)} at risk in all: segments ${AT_RISK_SEGMENTS.join(' and ')}, or top 40% by spend with under ${AT_RISK_P_ALIVE * 100}% chance of still being active. Metrics as of ${formatDate(metrics.asOf)}.`}
                />
              </>
            ) : (
              <MetricsEmpty />
            )}
            <OverviewCustomerList
              title="Top customers"
              note="By all-time spend, completed orders less refunds"
              customers={overview.topCustomers}
              currency={SHOP_CURRENCY}
              empty="No customer has a completed order yet."
            />
          </div>
        </div>
      )}
    </>
  );
}
