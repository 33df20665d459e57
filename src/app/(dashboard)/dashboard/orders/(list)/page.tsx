import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/auth/require-staff';
import { ListPagination, ListResults } from '@/components/dashboard/list/list-navigation';
import { ListSummaryBar } from '@/components/dashboard/list/list-summary-bar';
import { pageMatchCount } from '@/components/dashboard/list/page-match-count';
import { parsePageSize } from '@/components/dashboard/list/page-size';
import { ListParamErrors } from '@/components/dashboard/list/list-param-errors';
import { SavedViewTabs } from '@/components/dashboard/list/saved-view-tabs';
import { OrdersCustomerFilter } from '@/components/dashboard/orders/orders-customer-filter';
import { OrdersDateFilter } from '@/components/dashboard/orders/orders-date-filter';
import { OrdersListActiveFilters } from '@/components/dashboard/orders/orders-list-active-filters';
import { OrdersListEmpty } from '@/components/dashboard/orders/orders-list-empty';
import { OrdersListProvider } from '@/components/dashboard/orders/orders-list-navigation';
import { hasActiveFilters, NEW_ORDER_HREF, PAGE_SIZE, PARAM_LABELS, readOrdersListParams, toOrdersListQuery } from '@/components/dashboard/orders/orders-list-query';
import { toOrdersListRows } from '@/components/dashboard/orders/orders-list-rows';
import { OrdersStatusFilter } from '@/components/dashboard/orders/orders-status-filter';
import { OrdersListSortSelect } from '@/components/dashboard/orders/orders-list-sort-select';
import { OrdersTable } from '@/components/dashboard/orders/orders-table';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { FieldError, OrderListItem, Page } from '@/lib/types';
import { toOrderFilter } from '@/lib/validation/order';
import { getCustomerById } from '@/services/customers';
import { NotFoundError, ValidationFailedError } from '@/services/errors';
import { countOrderMatches, listOrders } from '@/services/orders';
import { listSavedViews } from '@/services/saved-views';

export const metadata: Metadata = { title: 'Orders' };

type OrdersPage = Page<OrderListItem>;

/** Runs the query, turning a ValidationFailedError (a bad filter or page link in the URL) into messages instead of a crash. */
async function listOrErrors(query: Parameters<typeof listOrders>[0]): Promise<{ page: OrdersPage | null; errors: FieldError[] }> {
  try {
    return { page: await listOrders(query), errors: [] };
  } catch (error) {
    if (error instanceof ValidationFailedError) return { page: null, errors: error.fieldErrors ?? [] };
    throw error;
  }
}

/** The filtered customer's name for the chip and messages; a link to a customer who is gone becomes an error. */
async function customerNameOrError(customerId: string | undefined): Promise<{ name: string | null; error?: FieldError }> {
  if (!customerId) return { name: null };
  try {
    const customer = await getCustomerById({ id: customerId });
    return { name: `${customer.firstName} ${customer.lastName}`.trim() || '(no name)' };
  } catch (error) {
    if (error instanceof NotFoundError) {
      // Only a customer who was merged is said to have been: the service names the one they became.
      const message = error.members?.mergedInto ? 'This customer was merged into another customer: open that customer for their orders' : 'No customer with this id: they may have been deleted';
      return { name: null, error: { path: 'customerId', message } };
    }
    throw error;
  }
}

const NewOrderButton = () => (
  <Button asChild>
    <Link href={NEW_ORDER_HREF}>
      <Plus aria-hidden />
      New order
    </Link>
  </Button>
);

const ORDERS_DESCRIPTION = 'Every order in the shop, newest first or sorted as you choose. Narrow it by status, customer or the date it was placed.';

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('orders:read');
  const savedViews = listSavedViews({ actor, list: 'orders' });
  const params = readOrdersListParams(await searchParams);
  const parsed = toOrdersListQuery(params);
  const hasValidCustomer = params.customerId && !parsed.errors.some((e) => e.path === 'customerId');
  const [listed, customer] = await Promise.all([
    parsed.errors.length ? { page: null, errors: parsed.errors } : listOrErrors(parsed.query),
    customerNameOrError(hasValidCustomer ? params.customerId : undefined),
  ]);
  const errors = customer.error ? [...listed.errors, customer.error] : listed.errors;
  const page = customer.error ? null : listed.page;
  const pageSize = parsePageSize(params.limit, PAGE_SIZE);
  const filter = toOrderFilter(parsed.query);
  // Streams after the rows (its own Suspense boundary); a last first page is its own exact count.
  const matchCount = page && pageMatchCount(page, params.cursor, () => countOrderMatches(filter));

  return (
    <>
      <PageHeader title="Orders" description={ORDERS_DESCRIPTION} actions={<NewOrderButton />} />
      <SavedViewTabs list="orders" views={await savedViews} viewer={actor} />
      <OrdersListProvider>
        <div className="mb-4 space-y-3">
          <OrdersStatusFilter />
          <div className="flex flex-wrap items-start gap-2">
            <OrdersCustomerFilter />
            <OrdersDateFilter errors={errors} />
          </div>
          <OrdersListActiveFilters customerName={customer.name} />
          <ListSummaryBar count={matchCount} noun={{ one: 'order', other: 'orders' }} filterKey={JSON.stringify(filter)} defaultPageSize={PAGE_SIZE}>
            <OrdersListSortSelect />
          </ListSummaryBar>
        </div>
        <ListResults>
          {page === null ? (
            <ListParamErrors errors={errors} labels={PARAM_LABELS} />
          ) : (
            <Card className="overflow-hidden">
              {page.data.length > 0 ? (
                <OrdersTable rows={toOrdersListRows(page.data)} />
              ) : (
                <OrdersListEmpty reason={params.cursor ? 'past-end' : hasActiveFilters(params) ? 'no-matches' : 'no-orders'} customerName={customer.name} />
              )}
              <ListPagination nextCursor={page.nextCursor} rowCount={page.data.length} pageSize={pageSize} />
            </Card>
          )}
        </ListResults>
      </OrdersListProvider>
    </>
  );
}
