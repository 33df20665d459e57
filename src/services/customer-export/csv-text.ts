// Writing CSV by hand: RFC 4180 quoting is three rules, and the formula guard is one more. csv-parse reads it back.

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP); a tab or carriage return
// in front hides one from view. A leading apostrophe makes the cell text, shows nothing, and is what Shopify's
// exports put before ids and phones; the import strips one leading apostrophe again.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Free text as a spreadsheet shows it and an import reads it back: an apostrophe in front of a value that would start
 * a formula, and in front of one that starts with an apostrophe already (so that stripping one gives the original).
 */
export function guardedText(value: string | null | undefined): string {
  if (!value) return '';
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
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
