import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { ClassificationRunPanel } from '@/components/dashboard/suggestions/classification-run-panel';
import { SuggestionsFilter } from '@/components/dashboard/suggestions/suggestions-filter';
import { SuggestionsTable } from '@/components/dashboard/suggestions/suggestions-table';
import { Button } from '@/components/ui/button';
import { listClassificationRuns } from '@/services/classification/runs';
import { listClassificationGroups } from '@/services/classification/settings';
import { suggestionListQuerySchema } from '@/lib/validation/classification-suggestions';
import { countPendingSuggestions, countPendingSuggestionsByGroup, listSuggestions } from '@/services/classification/suggestions';
import { ValidationFailedError } from '@/services/errors';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Group suggestions' };

const PAGE = '/dashboard/customers/suggestions';
const filterSchema = suggestionListQuerySchema.pick({ suggestedGroupId: true, minConfidence: true });

type SearchParams = { cursor?: string; group?: string; minConfidence?: string };

/** The page's URL with the filter kept and the given cursor (none: the newest). */
function pageHref({ group, minConfidence }: SearchParams, cursor?: string): string {
  const params = new URLSearchParams(Object.entries({ group, minConfidence, cursor }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return params.size ? `${PAGE}?${params}` : PAGE;
}

// GET /dashboard/customers/suggestions – review classifyCustomer's suggestions and run batch classifications
export default async function SuggestionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff('classification:read');
  const params = await searchParams;
  // A filter the URL got wrong (edited by hand) is dropped rather than shown as an error page; each on its own.
  const filter = {
    suggestedGroupId: filterSchema.shape.suggestedGroupId.safeParse(params.group).data ?? null,
    minConfidence: filterSchema.shape.minConfidence.safeParse(params.minConfidence).data ?? null,
  };
  const isFiltered = filter.suggestedGroupId !== null || filter.minConfidence !== null;
  const [page, totalPending, byGroup, [latestRun], groups] = await Promise.all([
    listSuggestions({ actor, query: { status: 'pending', limit: 50, cursor: params.cursor ?? null, ...filter } }).catch((error: unknown) => {
      // A tampered or outdated page link: show the newest rather than an error.
      if (error instanceof ValidationFailedError) return listSuggestions({ actor, query: { status: 'pending', limit: 50, ...filter } });
      throw error;
    }),
    countPendingSuggestions({ actor, query: filter }),
    countPendingSuggestionsByGroup({ actor }),
    listClassificationRuns({ actor, limit: 1 }),
    listClassificationGroups(),
  ]);
  const allPending = byGroup.reduce((sum, group) => sum + group.count, 0);
  const canManage = can(actor, 'classification:manage');

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader
        title="Group suggestions"
        description={
          <>
            Which group each customer&apos;s purchases point to, with the figures behind it. Accepting moves the customer, and their discounts follow
            the group. <Link href="/dashboard/settings/classification" className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">See the rules</Link>.
          </>
        }
      />
      <ClassificationRunPanel key={latestRun?.id ?? 'none'} initialRun={latestRun ?? null} canManage={canManage} groups={groups.map(({ id, name }) => ({ id, name }))} />
      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-base font-semibold text-slate-900">
          Pending suggestions{' '}
          <span className="font-normal text-slate-500">
            ({isFiltered ? `${totalPending.toLocaleString('en-GB')} of ${allPending.toLocaleString('en-GB')}` : totalPending.toLocaleString('en-GB')})
          </span>
        </h2>
        {allPending > 0 && <SuggestionsFilter action={PAGE} groups={byGroup} {...filter} />}
        <SuggestionsTable suggestions={page.data} totalPending={totalPending} filter={filter} canManage={canManage} />
        {(params.cursor || page.nextCursor) && (
          <div className="flex gap-2">
            {params.cursor && (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(params)}>Newest</Link>
              </Button>
            )}
            {page.nextCursor && (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(params, page.nextCursor)}>Older suggestions</Link>
              </Button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
