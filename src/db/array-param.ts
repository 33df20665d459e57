import { sql, type SQL } from 'drizzle-orm';

const ARRAY_TYPES = { uuid: sql`uuid[]`, bigint: sql`bigint[]`, float8: sql`float8[]` };

/**
 * An array of ids or numbers as one text parameter rather than an array parameter: both drivers (pg, PGlite) pass it
 * the same way, and the statement's text is the same however many values there are.
 */
export function arrayParam(values: readonly (string | number)[], type: keyof typeof ARRAY_TYPES): SQL {
  return sql`string_to_array(${values.join(',')}, ',')::${ARRAY_TYPES[type]}`;
}
