// The customer CSV headers this product writes, and its import recognises: one place, so both sides agree.

/**
 * Shopify admin › Customers › Export, current format (seen from about 2023), column for column and case for case:
 * a file with exactly this header imports into Shopify, and Shopify's own exports import here.
 */
export const SHOPIFY_CURRENT_HEADER = [
  'Customer ID',
  'First Name',
  'Last Name',
  'Email',
  'Accepts Email Marketing',
  'Default Address Company',
  'Default Address Address1',
  'Default Address Address2',
  'Default Address City',
  'Default Address Province Code',
  'Default Address Country Code',
  'Default Address Zip',
  'Default Address Phone',
  'Phone',
  'Accepts SMS Marketing',
  'Total Spent',
  'Total Orders',
  'Note',
  'Tax Exempt',
  'Tags',
] as const;

/**
 * What this product's "full" export adds after Shopify's columns, in this order: its own fields. Times are ISO 8601
 * UTC; `Total Spend (minor units)` is an integer in the shop currency's minor units.
 */
export const FULL_EXPORT_EXTRA_COLUMNS = [
  'ID',
  'Group',
  'Email Consent At',
  'SMS Consent At',
  'Total Spend (minor units)',
  'Order Count',
  'First Order',
  'Last Order',
  'RFM Segment',
  'Created At',
] as const;

export const FULL_EXPORT_HEADER = [...SHOPIFY_CURRENT_HEADER, ...FULL_EXPORT_EXTRA_COLUMNS] as const;

export type ShopifyCurrentColumn = (typeof SHOPIFY_CURRENT_HEADER)[number];
export type FullExportExtraColumn = (typeof FULL_EXPORT_EXTRA_COLUMNS)[number];

export const CUSTOMER_EXPORT_FORMATS = ['shopify', 'full'] as const;
export type CustomerExportFormat = (typeof CUSTOMER_EXPORT_FORMATS)[number];

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP); a tab or carriage return
// in front hides one from view. The export puts an apostrophe in front of such text (it makes the cell text and shows
// nothing), and in front of text that starts with an apostrophe already; the import takes exactly that one away again.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text as the export writes it: an apostrophe in front of a would-be formula, or of a leading apostrophe. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/**
 * Free text as the import reads it: the export's guard apostrophe taken away. An apostrophe in front of anything else
 * is the person's own ("'t Hooft" in a Shopify file) and stays.
 */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && (FORMULA_START.test(value.slice(1)) || value.startsWith("''")) ? value.slice(1) : value;
}
