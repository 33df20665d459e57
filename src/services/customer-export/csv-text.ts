// Writing CSV by hand: RFC 4180 quoting is three rules, and the formula guard is one more. csv-parse reads it back.

import { guardFormula } from '@/lib/csv-formats';

/** Free text as a spreadsheet shows it and an import reads it back (see guardFormula). */
export function guardedText(value: string | null | undefined): string {
  return value ? guardFormula(value) : '';
}

/** A value a spreadsheet must keep as text (an id, a phone, a postcode: "+44…", "007"): always an apostrophe first, as Shopify writes them. */
export function keptAsText(value: string | null | undefined): string {
  return value ? `'${value}` : '';
}

/** One field of RFC 4180: quoted when it holds a comma, a quote or a line break, with its quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, ended by CRLF as RFC 4180 has it. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(field).join(',')}\r\n`;
}
