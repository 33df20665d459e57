import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { ClassificationRunPanel } from '@/components/dashboard/suggestions/classification-run-panel';
import { SuggestionsTable } from '@/components/dashboard/suggestions/suggestions-table';
import { Button } from '@/components/ui/button';
import { listClassificationRuns } from '@/services/classification/runs';
import { listClassificationGroups } from '@/services/classification/settings';
import { countPendingSuggestions, listSuggestions } from '@/services/classification/suggestions';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Group suggestions' };

// GET /dashboard/customers/suggestions – review classifyCustomer's suggestions and run batch classifications
export default async function SuggestionsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireStaff('classification:read');
  const { cursor } = await searchParams;
  const [page, totalPending, [latestRun], groups] = await Promise.all([
    listSuggestions({ actor, query: { status: 'pending', limit: 50, cursor: cursor ?? null } }),
    countPendingSuggestions({ actor }),
    listClassificationRuns({ actor, limit: 1 }),
    listClassificationGroups(),
  ]);
  const canManage = can(actor, 'classification:manage');

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader
        title="Group suggestions"
        description={
          <>
            Which group each customer&apos;s purchases point to, with the figures behind it. Accepting moves the customer, and their discounts follow
            the group. <Link href="/dashboard/settings/classification" className="text-indigo-700 hover:underline">See the rules</Link>.
          </>
        }
      />
      <ClassificationRunPanel key={latestRun?.id ?? 'none'} initialRun={latestRun ?? null} canManage={canManage} groups={groups.map(({ id, name }) => ({ id, name }))} />
      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-base font-semibold text-slate-900">
          Pending suggestions <span className="font-normal text-slate-500">({totalPending.toLocaleString('en-GB')})</span>
        </h2>
        <SuggestionsTable suggestions={page.data} totalPending={totalPending} canManage={canManage} />
        {(cursor || page.nextCursor) && (
          <div className="flex gap-2">
            {cursor && (
              <Button asChild variant="outline" size="sm">
                <Link href="/dashboard/customers/suggestions">Newest</Link>
              </Button>
            )}
            {page.nextCursor && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/dashboard/customers/suggestions?cursor=${encodeURIComponent(page.nextCursor)}`}>Older suggestions</Link>
              </Button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
