import { z } from 'zod';

import { IMPORT_FIELDS, OWN_EXPORT_EXTRA_COLUMNS } from '@/lib/customer-import-formats';
import { customerImportQuerySchema } from '@/lib/validation/customer-import';
import { MAX_IMPORT_BYTES } from '@/services/customer-import';

import { jsonResponse, problems, queryParametersOf, ref } from './operations';

type ImportParam = keyof z.input<typeof customerImportQuerySchema>;

const IMPORT_PARAMETERS: Record<ImportParam, string> = {
  overwrite: 'Update customers the file matches (by e-mail, case-insensitive; by E.164 phone for a row without e-mail). Without it they are skipped and reported',
  dryRun: 'Only report what the import would create, update and skip, row by row; writes nothing. The file is kept a day: import it with `fileId` without sending it again',
  fileName: 'The file name, shown in the report and on each customer timeline event the import writes',
  fileId: 'Import the file a dry run stored (its `fileId`) instead of a body',
  mapping: 'For a header this API does not know: JSON of column name → field or `skip`, e.g. `{"E-mail address":"email","Points":"skip"}`. Fields: ' + IMPORT_FIELDS.join(', '),
};

const rowProblemSchema = z.object({
  line: z.number().int().describe('The file line the row starts on (the header is line 1)'),
  column: z.string().nullable().describe('The column at fault, as the header names it; null for the row as a whole'),
  message: z.string(),
  kind: z.enum(['error', 'skipped']).describe('error: the row cannot be imported; skipped: left alone on purpose (exists without overwrite, repeats an earlier row)'),
});

const count = z.number().int().min(0);
export const importReportSchema = z.object({
  fileName: z.string(),
  format: z.string().describe('The format read from the header'),
  ignoredColumns: z.array(z.string()).describe('Columns read and not imported: Total Spent and Total Orders (stats come from orders), Tax Exempt, metafields, derived figures'),
  overwrite: z.boolean(),
  dryRun: z.boolean(),
  rows: count.describe('Data rows read'),
  created: count,
  updated: count,
  unchanged: count.describe('Matched rows (with overwrite) that already hold the file’s values: nothing written'),
  skipped: count,
  errors: count.describe('Rows that cannot be imported'),
  problems: z.array(rowProblemSchema).describe('The first 1,000 row problems, in file order'),
  problemCount: count,
});

export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe('customers.import for an import'),
  key: z.string().nullable(),
  status: z.enum(['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled']),
  payload: z.record(z.string(), z.unknown()),
  progress: z.object({ done: count, total: count.nullable() }).describe('For an import: rows done, of the file’s lines less the header'),
  cursor: z.unknown(),
  result: z.unknown().describe('When succeeded: for an import, its report (ImportReport)'),
  error: z.string().nullable(),
  attempts: count,
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const tooLarge = { description: `The file is larger than ${MAX_IMPORT_BYTES / 1_048_576} MiB`, content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } } };

/** Importing customers from CSV, and reading the background job it runs as. */
export function importPaths() {
  return {
    '/customers/import': {
      post: {
        operationId: 'importCustomers',
        tags: ['Customers'],
        summary: 'Import customers from a CSV file',
        description:
          'The body is the CSV file (`content-type: text/csv`, UTF-8, up to ' + `${MAX_IMPORT_BYTES / 1_048_576} MiB, streamed into the database; not the 1 MiB JSON bound). ` +
          'The header row names the format, case-sensitively: Shopify’s customer export (current, with WhatsApp and metafield columns, legacy, legacy with Customer ID, the import template, ' +
          'the older `Accepts Marketing` one, one without `Note`), WooCommerce’s Analytics › Customers downloads, or this API’s own export (Shopify’s current header, ' +
          `followed by any of ${OWN_EXPORT_EXTRA_COLUMNS.join(', ')}, which are read and ignored). Another header is a 422 naming each unknown column (send a \`mapping\`). ` +
          'Each row is checked with the customer rules (the same messages); a bad row is reported with its line and column and never stops the rest. ' +
          '`dryRun=true` answers 200 with the report; otherwise the import runs as a background job: 202 with the job, whose `Location` gives progress and, when done, the report. ' +
          'Re-importing the same file changes nothing. Each created or updated customer gets a timeline event naming the job and the file.',
        parameters: queryParametersOf(customerImportQuerySchema, IMPORT_PARAMETERS, Object.keys(IMPORT_PARAMETERS) as ImportParam[]),
        requestBody: { required: false, content: { 'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } } } },
        responses: {
          200: jsonResponse('The dry run’s report, with the `fileId` of the stored file', 'ImportReport'),
          202: {
            ...jsonResponse('The import is queued and starts at once', 'Job'),
            headers: { Location: { description: 'GET it for progress and the report', required: true, schema: { type: 'string' } } },
          },
          413: tooLarge,
          ...problems(400, 403, 404, 422),
        },
      },
    },
    '/jobs/{id}': {
      parameters: [ref('parameters', 'JobId')],
      get: {
        operationId: 'getJob',
        tags: ['Customers'],
        summary: 'A background job: status, progress and result',
        description: 'An import job’s `result` is its report: counts and the first 1,000 row problems (line, column, message). Readable by those who may start that kind of job (an import: owner or admin).',
        responses: { 200: jsonResponse('The job', 'Job'), ...problems(403, 404) },
      },
    },
  };
}
