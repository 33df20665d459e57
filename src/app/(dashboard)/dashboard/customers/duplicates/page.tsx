import { ArrowLeft, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { DuplicatesList } from '@/components/dashboard/customers/duplicates/duplicates-list';
import { ListEmptyState } from '@/components/dashboard/list/list-empty-state';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';
import { listDuplicateCustomers } from '@/services/customers';
import { ValidationFailedError } from '@/services/errors';

export const metadata: Metadata = { title: 'Duplicates' };

const PAGE = '/dashboard/customers/duplicates';
const PAGE_SIZE = 25;

// GET /dashboard/customers/duplicates – likely pairs of records of one person, to merge or dismiss
export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireStaff('customers:merge');
  const { cursor } = await searchParams;
  const page = await listDuplicateCustomers({ limit: PAGE_SIZE, cursor: cursor ?? null }).catch((error: unknown) => {
    // A tampered or outdated page link: show the first page rather than an error.
    if (error instanceof ValidationFailedError) return listDuplicateCustomers({ limit: PAGE_SIZE });
    throw error;
  });

  return (
    <div className="mx-auto w-full max-w-6xl">
      <Link href="/dashboard/customers" className="mb-4 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        Customers
      </Link>
      <PageHeader
        title="Duplicates"
        description="Customers who look like one person: the same email (ignoring dots and +tags where the provider does), the same phone, or a similar name at the same postcode or street. Merge them, or say they are different people."
      />
      {page.data.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white">
          <ListEmptyState icon={<Users aria-hidden />} title={cursor ? 'No more likely duplicates' : 'No likely duplicates'}>
            <p>{cursor ? 'Every pair after the previous page was merged or dismissed.' : 'No two customers share an email, a phone, or a similar name at one address.'}</p>
            {cursor && (
              <Button asChild variant="outline" className="mt-5">
                <Link href={PAGE}>Back to the first pairs</Link>
              </Button>
            )}
          </ListEmptyState>
        </div>
      ) : (
        <DuplicatesList pairs={page.data} />
      )}
      {(cursor || page.nextCursor) && page.data.length > 0 && (
        <nav aria-label="Pages" className="mt-4 flex gap-2">
          {cursor && (
            <Button asChild variant="outline" size="sm">
              <Link href={PAGE}>First pairs</Link>
            </Button>
          )}
          {page.nextCursor && (
            <Button asChild variant="outline" size="sm">
              <Link href={`${PAGE}?cursor=${encodeURIComponent(page.nextCursor)}`}>Next pairs</Link>
            </Button>
          )}
        </nav>
      )}
    </div>
  );
}
