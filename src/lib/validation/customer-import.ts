import { z } from 'zod';

import { IMPORT_FIELDS } from '../customer-import-formats';
import { blankToNull, text, uuidSchema } from './common';

/** A staff mapping of the file's columns: column name → the field it feeds, or 'skip'. */
export const columnMappingSchema = z.record(text().max(200, 'Column names are at most 200 characters'), z.enum(['skip', ...IMPORT_FIELDS], { error: `Map a column to one of: skip, ${IMPORT_FIELDS.join(', ')}` }));

const flag = z.enum(['true', 'false'], { error: 'Use true or false' }).default('false').transform((value) => value === 'true');

/** The query of POST /customers/import. */
export const customerImportQuerySchema = z.object({
  overwrite: flag,
  dryRun: flag,
  fileName: z.preprocess(blankToNull, text().max(255, 'File name is at most 255 characters').nullable().optional()),
  fileId: z.preprocess(blankToNull, uuidSchema.nullable().optional()),
  mapping: z.preprocess(
    blankToNull,
    z
      .string()
      .max(20_000, 'The mapping is at most 20,000 characters')
      .transform((value, ctx) => {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'Send the mapping as JSON, like {"E-mail address":"email","Points":"skip"}' });
          return z.NEVER;
        }
      })
      .pipe(columnMappingSchema)
      .nullable()
      .optional(),
  ),
});

export type CustomerImportQuery = z.output<typeof customerImportQuerySchema>;
export type ColumnMapping = z.output<typeof columnMappingSchema>;
