// Where the Export menu downloads from: the REST route itself, which takes the dashboard's session cookie (a GET is
// not a cookie write, so no origin check stands in its way) and streams the file as the browser saves it.
import type { CustomerExportFormat } from '@/lib/csv-formats';
import { CUSTOMER_FILTER_KEYS, type CustomerListQuery } from '@/lib/validation/customer';

export const CUSTOMERS_EXPORT_PATH = '/api/v1/customers/export.csv';

/** The list's filters and sort as the export's query, in the service's units (minor units, ISO times). */
export type ExportQuery = Record<string, string>;

/** The export query of a list query: its filters and sort, without paging. */
export function toExportQuery(query: CustomerListQuery): ExportQuery {
  const entries = [...CUSTOMER_FILTER_KEYS, 'sort' as const].flatMap((key) => {
    const value = query[key];
    if (value === undefined || value === null || value === '') return [];
    return [[key, value instanceof Date ? value.toISOString() : String(value)]];
  });
  return Object.fromEntries(entries);
}

/** The download URL for the query in a format; with `ids`, only those rows (which must still match the query). */
export function customersExportHref(query: ExportQuery, format: CustomerExportFormat, ids?: readonly string[]): string {
  const search = new URLSearchParams(query);
  if (ids?.length) search.set('ids', ids.join(','));
  search.set('format', format);
  return `${CUSTOMERS_EXPORT_PATH}?${search.toString()}`;
}
