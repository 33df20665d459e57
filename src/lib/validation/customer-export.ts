import { z } from 'zod';

import { CUSTOMER_EXPORT_FORMATS } from '../csv-formats';

import { uuidSchema } from './common';
import { customerListQuerySchema } from './customer';

// A selection travels in the URL of a GET download; a page of the list holds at most 200 rows (its `limit`), and
// 200 ids (about 7.4 KB) stay well under the 16 KB that Node.js allows for a request's headers.
export const EXPORT_IDS_MAX = 200;

/** `ids` as sent: "a,b", or repeated (?ids=a&ids=b), or both; blanks and spaces around commas are ignored. */
const idList = (value: unknown) => {
  if (value === undefined || value === null) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  const ids = parts.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '');
  return ids.length ? ids : undefined;
};

/**
 * GET /customers/export.csv: the list's filters and sort (the same schema, so a new filter reaches the export with no
 * change here), the selected rows' `ids` if any (they narrow the filter, they do not widen it), and the columns.
 */
export const customerExportQuerySchema = customerListQuerySchema.omit({ limit: true, cursor: true }).extend({
  ids: z.preprocess(idList, z.array(uuidSchema).max(EXPORT_IDS_MAX, `At most ${EXPORT_IDS_MAX} ids; export a filter for more`).optional()),
  format: z.enum(CUSTOMER_EXPORT_FORMATS, { error: 'Choose shopify or full' }).default('shopify'),
});

export type CustomerExportQuery = z.input<typeof customerExportQuerySchema>;
