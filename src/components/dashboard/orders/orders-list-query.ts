// The order list's URL is its state. This module reads it, turns it into a listOrders query, and writes the
// next URL. It is pure so that the server page and the client controls agree, and testable.
import { formatDate } from '@/lib/format';
import { LIST_DEFAULT_PAGE_SIZE } from '@/lib/saved-view-types';
import type { FieldError, OrderStatus } from '@/lib/types';
import { DEFAULT_ORDER_SORT, ORDER_FILTER_KEYS, ORDER_SORTS, ORDER_STATUS_VALUES, orderListQuerySchema, type OrderFilterKey, type OrderListQuery, type OrderSort } from '@/lib/validation/order';

import { orderStatusLabel } from './order-status-badge';
import { PAGING_KEYS } from '../list/keyset-paging';
import { parsePageSize } from '../list/page-size';
import { addSchemaErrors, dayRangeReaders, filterChips, readFilters, readUrlParams, urlOf, withChangedQuery, type FilterChip, type SearchParamsLike, type UrlParams } from '../list/list-url';

export { firstPageParams, nextPageParams, pageNumber, previousPageParams, PREVIOUS_CURSORS_MAX } from '../list/keyset-paging';

export const ORDERS_PATH = '/dashboard/orders';
export const orderHref = (id: string) => `${ORDERS_PATH}/${id}`;
export const NEW_ORDER_HREF = `${ORDERS_PATH}/new`;
/** The order list narrowed to one customer, as the customer page links to it. */
export const customerOrdersHref = (customerId: string) => `${ORDERS_PATH}?customerId=${encodeURIComponent(customerId)}`;
export const PAGE_SIZE = LIST_DEFAULT_PAGE_SIZE.orders;
/** How many previous cursors the URL keeps for the Previous button (each is ~70 characters). */

export const FILTER_KEYS = ORDER_FILTER_KEYS;
export type FilterKey = OrderFilterKey;
type ParamKey = FilterKey | 'sort' | 'limit' | (typeof PAGING_KEYS)[number];
/** Every URL parameter, in the order the list's URLs write them. */
export const PARAM_KEYS: ParamKey[] = [...FILTER_KEYS, 'sort', 'limit', ...PAGING_KEYS];

/**
 * The list's URL parameters as typed. Dates are yyyy-mm-dd (both days included); `cursor` is the current
 * page's keyset position, `prev` the cursors of earlier pages joined by ".", `page` the page number (display only).
 */
export type OrdersListParams = UrlParams<ParamKey>;

/** What each URL parameter is called on screen (in messages about it); every filter needs its words. */
export const PARAM_LABELS: Record<Exclude<ParamKey, 'prev' | 'page'>, string> = {
  status: 'Status',
  customerId: 'Customer',
  placedAfter: 'Placed from',
  placedBefore: 'Placed until',
  sort: 'Sort',
  limit: 'Rows per page',
  cursor: 'Page link',
};

export const readOrdersListParams = (searchParams: SearchParamsLike): OrdersListParams => readUrlParams(PARAM_KEYS, searchParams);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // "2025-02-30" parses in some engines by rolling over; only a date that prints back the same is real.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isOrderStatus(value: string | undefined): value is OrderStatus {
  return !!value && (ORDER_STATUS_VALUES as readonly string[]).includes(value);
}

/**
 * The service query for these parameters, with a message per parameter that cannot be read. The placed-date
 * range includes both of its days (UTC, the dashboard's display time zone by default).
 */
export function toOrdersListQuery(params: OrdersListParams): { query: OrderListQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Filters typed in a form other than the service's; the rest go to the service as written.
  const filters = readFilters(FILTER_KEYS, params, dayRangeReaders('placedAfter', 'placedBefore', errors, isDay));
  const { placedAfter, placedBefore } = filters;
  if (placedAfter && placedBefore && placedBefore < placedAfter) {
    errors.push({ path: 'placedBefore', message: 'This date is before the “from” date' });
  }

  const query: OrderListQuery = { ...filters, sort: parseOrderSort(params.sort), cursor: params.cursor, limit: parsePageSize(params.limit, PAGE_SIZE) };
  // The service's own schema finds the rest (an unknown status, a malformed customer id), all at once.
  addSchemaErrors(orderListQuerySchema, query, errors, (path, message) => (path === 'customerId' ? 'This customer link is not valid' : message));
  return { query, errors };
}

/** The sort in the URL, or newest first for a missing or unknown one. */
export function parseOrderSort(sort: string | undefined): OrderSort {
  return sort && (ORDER_SORTS as readonly string[]).includes(sort) ? (sort as OrderSort) : DEFAULT_ORDER_SORT;
}

export function hasActiveFilters(params: OrdersListParams): boolean {
  return FILTER_KEYS.some((key) => params[key]);
}

/** The list URL for these parameters, in a stable order, leaving out empty ones. */
export const ordersListHref = (params: OrdersListParams): string => urlOf(ORDERS_PATH, PARAM_KEYS, params);

/** Changes filters or sort and starts again at the first page: a keyset cursor belongs to one filter set and sort. */
export const withFilters = (params: OrdersListParams, patch: OrdersListParams): OrdersListParams => withChangedQuery(params, patch);

/** One removable chip per filter in use, in words ("Status: Completed", "Customer: Ada Lovelace"). */
export function activeFilterChips(params: OrdersListParams, names: { customerName: string | null }): FilterChip<FilterKey>[] {
  const day = (value: string) => (isDay(value) ? formatDate(`${value}T12:00:00Z`) : value);
  const labels: Record<FilterKey, (value: string) => string> = {
    status: (value) => `Status: ${orderStatusLabel(value)}`,
    customerId: () => `Customer: ${names.customerName ?? 'Unknown'}`,
    placedAfter: (value) => `Placed from ${day(value)}`,
    placedBefore: (value) => `Placed until ${day(value)}`,
  };
  return filterChips(FILTER_KEYS, params, labels);
}
