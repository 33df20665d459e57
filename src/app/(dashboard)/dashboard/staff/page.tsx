import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { StaffPerformanceTable } from '@/components/dashboard/staff/staff-performance-table';
import { StaffPeriodPicker } from '@/components/dashboard/staff/staff-period-picker';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { can } from '@/services/permissions';
import { listStaffPerformance } from '@/services/staff-metrics';

import { periodParams, withPeriodFallback, type PeriodSearchParams } from './period-params';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage({ searchParams }: { searchParams: PeriodSearchParams }) {
  const actor = await requireStaff('staff:read');
  const { query, queryString } = await periodParams(searchParams);
  // The staff role sees only their own figures: their page is the whole of this section for them.
  if (!can(actor, 'staff:read_all')) redirect(`/dashboard/staff/${actor.id}${queryString}`);
  const { result: list, periodError } = await withPeriodFallback((q) => listStaffPerformance({ actor, query: q }), query);
  const active = list.data.filter((row) => row.customersAcquired > 0);

  return (
    <>
      <PageHeader
        title="Staff"
        description={`Customers each member created by hand between ${formatDate(list.period.from)} and ${formatDate(list.period.to)}, and what those customers spent in that time (completed orders less refunds).`}
      />
      <div className="mb-4">
        <StaffPeriodPicker action="/dashboard/staff" period={list.period} today={new Date().toISOString().slice(0, 10)} />
      </div>
      {periodError && (
        <Alert variant="warning" role="alert" className="mb-4">
          {periodError}
        </Alert>
      )}
      <Card className="overflow-hidden">
        {list.data.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">No staff members to show.</p>
        ) : (
          <StaffPerformanceTable rows={list.data} currency={list.currency} query={periodError ? '' : queryString} />
        )}
        {list.data.length > 0 && active.length === 0 && (
          <p className="border-t border-slate-200 p-4 text-center text-sm text-slate-600">
            No one created a customer by hand in this period. Customers from sign-ups and imports are not credited to anyone.
          </p>
        )}
      </Card>
    </>
  );
}
