import type { z } from 'zod';

import { FULL_EXPORT_EXTRA_COLUMNS, SHOPIFY_CURRENT_HEADER } from '@/lib/csv-formats';
import { customerExportQuerySchema, EXPORT_IDS_MAX } from '@/lib/validation/customer-export';

import { problems, queryParametersOf } from './operations';
import { LIST_PARAMETERS } from './paths';

type ExportParam = keyof z.input<typeof customerExportQuerySchema>;

// Built on call: paths.ts imports this file, so its LIST_PARAMETERS is not there yet while this module loads.
function exportParameterProse(): Record<ExportParam, string> {
  const { limit: _limit, cursor: _cursor, ...filterAndSort } = LIST_PARAMETERS;
  return {
    ...filterAndSort,
    ids: `Only these customers (the rows selected in the list), comma-separated or repeated, at most ${EXPORT_IDS_MAX}; the filters still apply`,
    format: "`shopify`: the columns of Shopify's current customer export, for moving a shop to Shopify and back. `full`: those, then this product's own fields",
  };
}

/** GET /customers/export.csv (a static segment: Next.js matches it before /customers/{id}). */
export function customerExportPaths() {
  const prose = exportParameterProse();
  const parameters = queryParametersOf(customerExportQuerySchema, prose, Object.keys(prose) as ExportParam[]);
  return {
    '/customers/export.csv': {
      get: {
        operationId: 'exportCustomersCsv',
        tags: ['Customers'],
        summary: 'Export customers as CSV',
        description:
          'The customers matching the list\'s filters, in its sort, as a CSV download (`Content-Disposition: attachment; filename="customers-YYYY-MM-DD.csv"`), ' +
          'streamed as it is read: the header comes at once, however many rows follow. Erased customers are left out. ' +
          `Columns (shopify): ${SHOPIFY_CURRENT_HEADER.join(', ')}; full adds ${FULL_EXPORT_EXTRA_COLUMNS.join(', ')}. ` +
          'Money is in major units (`12.50`) in `Total Spent`, consent is `yes`/`no`, tags are joined by comma and space; ids, phones and postcodes, ' +
          'and any text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) or that starts with an apostrophe, ' +
          'get a leading apostrophe, as Shopify writes them; times in the full columns are ISO 8601 UTC. A bad parameter is a 422 before anything is sent.',
        parameters: parameters.map((parameter) => (parameter.name === 'ids' ? { ...parameter, style: 'form', explode: true } : parameter)),
        responses: {
          200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF line ends)', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...problems(403, 422),
        },
      },
    },
  };
}
