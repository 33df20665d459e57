// The customer list's URL is its state. This module reads it, turns it into a listCustomers query, and
// writes the next URL. It is pure so that the server page and the client controls agree, and testable.
import { formatDate, formatMoney, parseMajorToMinor } from '@/lib/format';
import type { FieldError } from '@/lib/types';
import {
  CUSTOMER_FILTER_KEYS,
  CUSTOMER_SORTS,
  customerListQuerySchema,
  type CustomerFilterKey,
  type CustomerListQuery,
  type CustomerSort,
  type CustomerSortField,
} from '@/lib/validation/customer';
import { PAGING_KEYS } from '../list/keyset-paging';

export { firstPageParams, nextPageParams, pageNumber, previousPageParams, PREVIOUS_CURSORS_MAX } from '../list/keyset-paging';

export const CUSTOMERS_PATH = '/dashboard/customers';
export const DEFAULT_SORT: CustomerSort = 'createdAt:desc';
export const PAGE_SIZE = 50;
/** How many previous cursors the URL keeps for the Previous button (each is ~100 characters). */

/** The list schema's filters but the search, which has its own box: the filter panel's fields and chips. */
export type FilterKey = Exclude<CustomerFilterKey, 'q'>;
export const FILTER_KEYS = CUSTOMER_FILTER_KEYS.filter((key): key is FilterKey => key !== 'q');
type ParamKey = CustomerFilterKey | 'sort' | (typeof PAGING_KEYS)[number];
const PARAM_KEYS: ParamKey[] = ['q', ...FILTER_KEYS, 'sort', ...PAGING_KEYS];

/**
 * The list's URL parameters as typed. Spend is in major units ("19.99") and dates are yyyy-mm-dd;
 * `cursor` is the current page's keyset position, `prev` the cursors of earlier pages joined by ".",
 * `page` the page number (display only).
 */
export type ListParams = Partial<Record<ParamKey, string>>;

type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

export function readListParams(searchParams: SearchParamsLike): ListParams {
  const params: ListParams = {};
  for (const key of PARAM_KEYS) {
    const raw = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) params[key] = value;
  }
  return params;
}

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
  const day = (key: FilterKey, value: string, time: string) => {
    if (!isDay(value)) {
      errors.push({ path: key, message: 'Use a date like 2024-05-31' });
      return undefined;
    }
    return `${value}T${time}Z`;
  };
  // Filters typed in a form other than the service's; the rest go to the service as written.
  const readers: Partial<Record<FilterKey, (value: string) => string | number | undefined>> = {
    minSpend: (value) => money('minSpend', value),
    maxSpend: (value) => money('maxSpend', value),
    lastOrderAfter: (value) => day('lastOrderAfter', value, '00:00:00.000'),
    lastOrderBefore: (value) => day('lastOrderBefore', value, '23:59:59.999'),
  };
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => {
      const value = params[key];
      const read = readers[key];
      return [key, value && read ? read(value) : value];
    }),
  ) as Partial<Record<FilterKey, string | number>>;

  const { minSpend, maxSpend, lastOrderAfter, lastOrderBefore } = filters;
  if (minSpend !== undefined && maxSpend !== undefined && maxSpend < minSpend) {
    errors.push({ path: 'maxSpend', message: 'Max spend is less than min spend' });
  }
  if (lastOrderAfter && lastOrderBefore && lastOrderBefore < lastOrderAfter) {
    errors.push({ path: 'lastOrderBefore', message: 'This date is before the “from” date' });
  }

  const query: CustomerListQuery = { q: params.q, ...filters, sort: parseSort(params.sort).value, cursor: params.cursor, limit: PAGE_SIZE };
  // The service's own schema finds the rest (an unknown group id, an over-long search), so that every
  // problem is reported at once rather than one per round trip.
  const checked = customerListQuerySchema.safeParse(query);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const path = issue.path.join('.');
    if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
  }
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
export function listHref(params: ListParams): string {
  const search = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `${CUSTOMERS_PATH}?${text}` : CUSTOMERS_PATH;
}

/**
 * Changes the query (search, filters or sort) and starts again at the first page: a keyset cursor
 * belongs to one sort and filter set, and the earlier pages no longer exist.
 */
export function withQuery(params: ListParams, patch: ListParams): ListParams {
  const next: ListParams = { ...params, ...patch };
  for (const key of PAGING_KEYS) delete next[key];
  for (const key of Object.keys(patch) as ParamKey[]) if (!next[key]) delete next[key];
  return next;
}

/** Search and filters removed; the sort stays. */
export function withoutFilters(params: ListParams): ListParams {
  return params.sort ? { sort: params.sort } : {};
}


export interface FilterChip {
  key: FilterKey;
  label: string;
}

/** One removable chip per filter in use, in words ("Group: VIP", "Spent ≥ £100.00"). */
export function activeFilterChips(
  params: ListParams,
  names: { groups: { id: string; name: string }[]; staff: { id: string; name: string }[]; currency: string },
): FilterChip[] {
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
  };
  return FILTER_KEYS.flatMap((key) => (params[key] ? [{ key, label: labels[key](params[key]) }] : []));
}
