import { Upload, UserPlus, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { CustomerFilters } from '@/components/dashboard/customers/customer-filters';
import { CustomersListActiveFilters } from '@/components/dashboard/customers/customers-list-active-filters';
import { toExportQuery } from '@/components/dashboard/customers/customers-export-href';
import { CustomersExportMenu } from '@/components/dashboard/customers/customers-export-menu';
import { CustomersListEmpty } from '@/components/dashboard/customers/customers-list-empty';
import { CustomersListProvider } from '@/components/dashboard/customers/customers-list-navigation';
import { hasActiveFilters, listHref, PAGE_SIZE, PARAM_LABELS, readListParams, toListQuery } from '@/components/dashboard/customers/customers-list-query';
import { toCustomersListRows } from '@/components/dashboard/customers/customers-list-rows';
import { CustomersListSearch } from '@/components/dashboard/customers/customers-list-search';
import { CustomersListSortSelect } from '@/components/dashboard/customers/customers-list-sort-select';
import { CustomersTable } from '@/components/dashboard/customers/customers-table';
import { ListPagination, ListResults } from '@/components/dashboard/list/list-navigation';
import { ListSummaryBar } from '@/components/dashboard/list/list-summary-bar';
import { pageMatchCount } from '@/components/dashboard/list/page-match-count';
import { parsePageSize } from '@/components/dashboard/list/page-size';
import { ListParamErrors } from '@/components/dashboard/list/list-param-errors';
import { SavedViewTabs } from '@/components/dashboard/list/saved-view-tabs';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SHOP_CURRENCY } from '@/lib/config';
import { currencySymbol } from '@/lib/format';
import type { Customer, FieldError, Page } from '@/lib/types';
import { toCustomerFilter } from '@/lib/validation/customer';
import { listCustomerGroupOptions } from '@/services/customer-groups';
import { countCustomerMatches, listCustomers } from '@/services/customers';
import { listSavedViews } from '@/services/saved-views';
import { ValidationFailedError } from '@/services/errors';
import { can } from '@/services/permissions';
import { listStaffMembers } from '@/services/staff';

export const metadata: Metadata = { title: 'Customers' };

/** Runs the query, turning a ValidationFailedError (a bad filter in the URL) into messages instead of a crash. */
async function listOrErrors(query: Parameters<typeof listCustomers>[0]): Promise<{ page: Page<Customer> | null; errors: FieldError[] }> {
  try {
    return { page: await listCustomers(query), errors: [] };
  } catch (error) {
    if (error instanceof ValidationFailedError) return { page: null, errors: error.fieldErrors ?? [] };
    throw error;
  }
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('customers:read');
  const savedViews = listSavedViews({ actor, list: 'customers' });
  const params = readListParams(await searchParams);
  const parsed = toListQuery(params, SHOP_CURRENCY);
  const [result, groupOptions, staff] = await Promise.all([
    parsed.errors.length ? { page: null, errors: parsed.errors } : listOrErrors(parsed.query),
    listCustomerGroupOptions(),
    listStaffMembers(),
  ]);
  const staffOptions = staff.map(({ id, name }) => ({ id, name }));
  const page = result.page;
  const pageSize = parsePageSize(params.limit, PAGE_SIZE);
  // Streams after the rows (its own Suspense boundary); a last first page is its own exact count.
  const matchCount = page && pageMatchCount(page, params.cursor, () => countCustomerMatches(toCustomerFilter(parsed.query)));
  // Exports the filter the list shows; a filter the list cannot read exports nothing.
  const exportQuery = can(actor, 'customers:export') && page !== null ? toExportQuery(parsed.query) : undefined;
  const bulk = can(actor, 'customers:bulk_edit')
    ? {
        groups: groupOptions,
        filter: toCustomerFilter(parsed.query),
        hasMorePages: !!page?.nextCursor || !!params.cursor,
        exportQuery,
        canDelete: can(actor, 'customers:delete'),
      }
    : undefined;

  return (
    <>
      <PageHeader
        title="Customers"
        description="Find a customer by name, email, phone or company, or narrow the list with filters."
        actions={
          <div className="flex flex-wrap gap-2">
            {can(actor, 'customers:import') && (
              <Button asChild variant="outline">
                <Link href="/dashboard/customers/import">
                  <Upload aria-hidden />
                  Import
                </Link>
              </Button>
            )}
            {exportQuery && page && page.data.length > 0 && (
              <CustomersExportMenu
                query={exportQuery}
                scope={hasActiveFilters(params) ? 'Every customer matching the filters, in the list’s order' : 'Every customer, in the list’s order'}
              />
            )}
            {can(actor, 'customers:merge') && (
              <Button asChild variant="outline">
                <Link href="/dashboard/customers/duplicates">
                  <Users aria-hidden />
                  Duplicates
                </Link>
              </Button>
            )}
            <Button asChild>
              <Link href="/dashboard/customers/new">
                <UserPlus aria-hidden />
                Add customer
              </Link>
            </Button>
          </div>
        }
      />
      <SavedViewTabs list="customers" views={await savedViews} viewer={actor} />
      <CustomersListProvider>
        <div className="mb-4 space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <CustomersListSearch />
            <CustomerFilters groups={groupOptions} staff={staffOptions} currency={SHOP_CURRENCY} currencySymbol={currencySymbol(SHOP_CURRENCY)} errors={result.errors} />
            <CustomersListSortSelect className="min-w-0 flex-1 sm:flex-none lg:hidden" />
          </div>
          <CustomersListActiveFilters groups={groupOptions} staff={staffOptions} currency={SHOP_CURRENCY} />
          <ListSummaryBar count={matchCount} noun={{ one: 'customer', other: 'customers' }} filterKey={JSON.stringify(toCustomerFilter(parsed.query))} defaultPageSize={PAGE_SIZE} />
        </div>
        <ListResults>
          {page === null ? (
            <ListParamErrors errors={result.errors} labels={PARAM_LABELS} />
          ) : (
            <Card className="overflow-hidden">
              {page.data.length > 0 ? (
                // Keyed by the URL: another page, filter or sort starts with nothing selected.
                <CustomersTable key={listHref(params)} rows={toCustomersListRows(page.data)} bulk={bulk} />
              ) : (
                <CustomersListEmpty reason={params.cursor ? 'past-end' : hasActiveFilters(params) ? 'no-matches' : 'no-customers'} />
              )}
              <ListPagination nextCursor={page.nextCursor} rowCount={page.data.length} pageSize={pageSize} />
            </Card>
          )}
        </ListResults>
      </CustomersListProvider>
    </>
  );
}
