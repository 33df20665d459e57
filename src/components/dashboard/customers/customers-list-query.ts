// The customer list's URL is its state. This module reads it, turns it into a listCustomers query, and
// writes the next URL. It is pure so that the server page and the client controls agree, and testable.
import { countryName } from '@/lib/countries';
import { formatDate, formatMoney, parseMajorToMinor } from '@/lib/format';
import { LIST_DEFAULT_PAGE_SIZE } from '@/lib/saved-view-types';
import type { FieldError } from '@/lib/types';
import {
  CUSTOMER_FILTER_KEYS,
  CUSTOMER_SORTS,
  customerFilterRangeIssues,
  customerListQuerySchema,
  type CustomerFilterKey,
  type CustomerListQuery,
  type CustomerSort,
  type CustomerSortField,
} from '@/lib/validation/customer';

import { PAGING_KEYS } from '../list/keyset-paging';
import { parsePageSize } from '../list/page-size';
import { addSchemaErrors, dayRangeReaders, filterChips, readFilters, readUrlParams, urlOf, withChangedQuery, type FilterChip, type SearchParamsLike, type UrlParams } from '../list/list-url';

export { firstPageParams, nextPageParams, pageNumber, previousPageParams, PREVIOUS_CURSORS_MAX } from '../list/keyset-paging';

export const CUSTOMERS_PATH = '/dashboard/customers';
export const DEFAULT_SORT: CustomerSort = 'createdAt:desc';
export const PAGE_SIZE = LIST_DEFAULT_PAGE_SIZE.customers;
/** How many previous cursors the URL keeps for the Previous button (each is ~100 characters). */

/** The list schema's filters but the search, which has its own box: the filter panel's fields and chips. */
export type FilterKey = Exclude<CustomerFilterKey, 'q'>;
export const FILTER_KEYS = CUSTOMER_FILTER_KEYS.filter((key): key is FilterKey => key !== 'q');
type ParamKey = CustomerFilterKey | 'sort' | 'limit' | (typeof PAGING_KEYS)[number];
/** Every URL parameter, in the order the list's URLs write them. */
export const PARAM_KEYS: ParamKey[] = ['q', ...FILTER_KEYS, 'sort', 'limit', ...PAGING_KEYS];

/**
 * The list's URL parameters as typed. Spend is in major units ("19.99") and dates are yyyy-mm-dd;
 * `cursor` is the current page's keyset position, `prev` the cursors of earlier pages joined by ".",
 * `page` the page number (display only).
 */
export type ListParams = UrlParams<ParamKey>;

/** What each URL parameter is called on screen (in messages about it); every filter needs its words. */
export const PARAM_LABELS: Record<Exclude<ParamKey, 'prev' | 'page'>, string> = {
  q: 'Search',
  groupId: 'Group',
  tag: 'Tag',
  minSpend: 'Min spent',
  maxSpend: 'Max spent',
  lastOrderAfter: 'Last order from',
  lastOrderBefore: 'Last order until',
  createdById: 'Created by',
  rfmSegment: 'RFM segment',
  country: 'Country',
  emailConsent: 'Email marketing',
  smsConsent: 'SMS marketing',
  hasAccount: 'Storefront account',
  minOrders: 'Min orders',
  maxOrders: 'Max orders',
  neverOrdered: 'Never ordered',
  erased: 'Erased customers',
  cursor: 'Page link',
  sort: 'Sort',
  limit: 'Rows per page',
};

export const readListParams = (searchParams: SearchParamsLike): ListParams => readUrlParams(PARAM_KEYS, searchParams);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  return DATE_PATTERN.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}

/**
 * The service query for these parameters, with a message per parameter that cannot be read. Spend is
 * converted to minor units of `currency`; the date range includes both of its days (UTC).
 */
export function toListQuery(params: ListParams, currency: string): { query: CustomerListQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (key: FilterKey, value: string) => {
    const minor = parseMajorToMinor(value, currency);
    if (minor === null) return undefined;
    if (Number.isNaN(minor)) {
      errors.push({ path: key, message: 'Enter an amount like 25 or 19.99' });
      return undefined;
    }
    return minor;
  };
  // Filters typed in a form other than the service's; the rest go to the service as written.
  const readers: Partial<Record<FilterKey, (value: string) => string | number | undefined>> = {
    minSpend: (value) => money('minSpend', value),
    maxSpend: (value) => money('maxSpend', value),
    ...dayRangeReaders('lastOrderAfter', 'lastOrderBefore', errors, isDay),
  };
  const filters = readFilters(FILTER_KEYS, params, readers);

  errors.push(...customerFilterRangeIssues(filters));

  const query: CustomerListQuery = { q: params.q, ...filters, sort: parseSort(params.sort).value, cursor: params.cursor, limit: parsePageSize(params.limit, PAGE_SIZE) };
  addSchemaErrors(customerListQuerySchema, query, errors);
  return { query, errors };
}

export interface ParsedSort {
  value: CustomerSort;
  field: CustomerSortField;
  isDescending: boolean;
}

/** The sort in the URL, or the default for a missing or unknown one. */
export function parseSort(sort: string | undefined): ParsedSort {
  const value = sort && (CUSTOMER_SORTS as readonly string[]).includes(sort) ? (sort as CustomerSort) : DEFAULT_SORT;
  const [field, direction] = value.split(':') as [CustomerSortField, 'asc' | 'desc'];
  return { value, field, isDescending: direction === 'desc' };
}

export function hasActiveFilters(params: ListParams): boolean {
  return Boolean(params.q) || FILTER_KEYS.some((key) => params[key]);
}

/** The list URL for these parameters, in a stable order, leaving out empty ones. */
export const listHref = (params: ListParams): string => urlOf(CUSTOMERS_PATH, PARAM_KEYS, params);

/**
 * Changes the query (search, filters or sort) and starts again at the first page: a keyset cursor
 * belongs to one sort and filter set, and the earlier pages no longer exist.
 */
export const withQuery = (params: ListParams, patch: ListParams): ListParams => withChangedQuery(params, patch);

/** Search and filters removed; the sort and the page size stay. */
export function withoutFilters(params: ListParams): ListParams {
  const kept: ListParams = {};
  if (params.sort) kept.sort = params.sort;
  if (params.limit) kept.limit = params.limit;
  return kept;
}

/** One removable chip per filter in use, in words ("Group: VIP", "Spent ≥ £100.00"). */
export function activeFilterChips(
  params: ListParams,
  names: { groups: { id: string; name: string }[]; staff: { id: string; name: string }[]; currency: string },
): FilterChip<FilterKey>[] {
  const money = (value: string) => {
    const minor = parseMajorToMinor(value, names.currency);
    return minor === null || Number.isNaN(minor) ? value : formatMoney(minor, names.currency);
  };
  const day = (value: string) => (isDay(value) ? formatDate(`${value}T12:00:00Z`) : value);
  const labels: Record<FilterKey, (value: string) => string> = {
    groupId: (value) => (value === 'none' ? 'No group' : `Group: ${names.groups.find((g) => g.id === value)?.name ?? 'Unknown'}`),
    tag: (value) => `Tag: ${value}`,
    minSpend: (value) => `Spent ≥ ${money(value)}`,
    maxSpend: (value) => `Spent ≤ ${money(value)}`,
    lastOrderAfter: (value) => `Last order from ${day(value)}`,
    lastOrderBefore: (value) => `Last order until ${day(value)}`,
    createdById: (value) => `Created by ${names.staff.find((s) => s.id === value)?.name ?? 'Unknown'}`,
    rfmSegment: (value) => `Segment: ${value}`,
    country: (value) => `Ships to ${/^[a-z]{2}$/i.test(value) ? countryName(value.toUpperCase()) : value}`,
    emailConsent: (value) => (value === 'yes' ? 'Email marketing: yes' : value === 'no' ? 'Email marketing: no' : `Email marketing: ${value}`),
    smsConsent: (value) => (value === 'yes' ? 'SMS marketing: yes' : value === 'no' ? 'SMS marketing: no' : `SMS marketing: ${value}`),
    hasAccount: (value) => (value === 'yes' ? 'Has a store account' : value === 'no' ? 'No store account' : `Store account: ${value}`),
    minOrders: (value) => `Orders ≥ ${value}`,
    maxOrders: (value) => `Orders ≤ ${value}`,
    neverOrdered: (value) => (value === 'yes' ? 'Never ordered' : value === 'no' ? 'Has ordered' : `Never ordered: ${value}`),
    erased: (value) => (value === 'only' ? 'Erased customers only' : 'Including erased customers'),
  };
  return filterChips(FILTER_KEYS, params, labels);
}
