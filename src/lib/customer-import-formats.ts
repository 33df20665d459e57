/**
 * Which customer CSV a header row is, and what each of its columns feeds. Headers are case-sensitive, as Shopify's
 * importer requires: `email` is not `Email`. Known formats: Shopify's current export (with its optional WhatsApp and
 * metafield columns), its legacy export and import template (with or without `Customer ID`, `Note`, or the even older
 * `Accepts Marketing`), WooCommerce's two Analytics › Customers downloads, and this product's own export (Shopify's
 * current header, with `format=full`'s extra columns after it).
 */

/** What a column can feed; `skip` columns are read and ignored (stats come from orders, as in Shopify). */
export const IMPORT_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'name',
  'email',
  'emailConsent',
  'company',
  'address1',
  'address2',
  'city',
  'province',
  'provinceCode',
  'country',
  'countryCode',
  'zip',
  'addressPhone',
  'phone',
  'smsConsent',
  'note',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnTarget = ImportField | 'skip';

/** Each field in words, for the mapping step and messages. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: 'Customer ID (checked, not stored)',
  firstName: 'First name',
  lastName: 'Last name',
  name: 'Full name (split at the first space)',
  email: 'Email',
  emailConsent: 'Accepts email marketing (yes/no)',
  company: 'Company',
  address1: 'Address line 1',
  address2: 'Address line 2',
  city: 'City',
  province: 'Province / region name',
  provinceCode: 'Province code',
  country: 'Country name',
  countryCode: 'Country code',
  zip: 'Postal code',
  addressPhone: 'Address phone',
  phone: 'Phone',
  smsConsent: 'Accepts SMS marketing (yes/no)',
  note: 'Note',
  tags: 'Tags (comma-separated)',
};

const SHOPIFY_CURRENT = [
  'Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1',
  'Default Address Address2', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip',
  'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags',
];
const SHOPIFY_LEGACY = [
  'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Company', 'Address1', 'Address2', 'City', 'Province', 'Province Code',
  'Country', 'Country Code', 'Zip', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Tags', 'Note', 'Tax Exempt',
];
// The even older legacy header: `Accepts Marketing` for e-mail, and no SMS column.
const SHOPIFY_OLDER = SHOPIFY_LEGACY.map((column) => (column === 'Accepts Email Marketing' ? 'Accepts Marketing' : column)).filter((column) => column !== 'Accepts SMS Marketing');
const WOO_SERVER = ['Name', 'Username', 'Last Active', 'Sign Up', 'Email', 'Orders', 'Total Spend', 'AOV', 'Country / Region', 'City', 'Region', 'Postal Code', 'Billing Phone', 'Shipping Phone', 'Role'];
const WOO_BROWSER = ['Name', 'Username', 'Role', 'Last active', 'Date registered', 'Email', 'Orders', 'Total spend', 'AOV', 'Country / Region', 'City', 'Region', 'Postal code'];
/** The columns `GET /customers/export.csv?format=full` adds after Shopify's current header. */
export const OWN_EXPORT_EXTRA_COLUMNS = ['ID', 'Group', 'Email Consent At', 'SMS Consent At', 'Total Spend (minor units)', 'Order Count', 'First Order', 'Last Order', 'RFM Segment', 'Created At'];

/** Every column name a known format uses, and what it feeds. */
const COLUMN_FIELDS: Record<string, ColumnTarget> = {
  'Customer ID': 'externalId',
  'First Name': 'firstName',
  'Last Name': 'lastName',
  Email: 'email',
  'Accepts Email Marketing': 'emailConsent',
  'Accepts Marketing': 'emailConsent',
  'Default Address Company': 'company',
  Company: 'company',
  'Default Address Address1': 'address1',
  Address1: 'address1',
  'Default Address Address2': 'address2',
  Address2: 'address2',
  'Default Address City': 'city',
  City: 'city',
  Province: 'province',
  'Default Address Province Code': 'provinceCode',
  'Province Code': 'provinceCode',
  Country: 'country',
  'Default Address Country Code': 'countryCode',
  'Country Code': 'countryCode',
  'Default Address Zip': 'zip',
  Zip: 'zip',
  'Default Address Phone': 'addressPhone',
  Phone: 'phone',
  'Accepts SMS Marketing': 'smsConsent',
  Note: 'note',
  Tags: 'tags',
  'Total Spent': 'skip',
  'Total Orders': 'skip',
  'Tax Exempt': 'skip',
  'Accepts WhatsApp Marketing': 'skip',
  // WooCommerce: the name in one column; the region is a state code or name; the billing phone is the customer's.
  Name: 'name',
  'Country / Region': 'country',
  Region: 'province',
  'Postal Code': 'zip',
  'Postal code': 'zip',
  'Billing Phone': 'phone',
  'Shipping Phone': 'addressPhone',
  ...Object.fromEntries(['Username', 'Last Active', 'Last active', 'Sign Up', 'Date registered', 'Orders', 'Total Spend', 'Total spend', 'AOV', 'Role'].map((column) => [column, 'skip'])),
  // This product's own export: its id belongs to the shop it came from, and the rest is derived (stats from orders).
  ...Object.fromEntries(OWN_EXPORT_EXTRA_COLUMNS.map((column) => [column, 'skip'])),
};

// Shopify's metafield columns, `Label (customer.metafields.namespace.key)`: read and ignored (no field holds them).
const METAFIELD = /^.+ \(customer\.metafields\.[^.()]+\.[^.()]+\)$/;

const FORMATS: { name: string; matches: (header: string[]) => boolean }[] = [
  { name: 'Shopify customer export (current)', matches: (h) => sameColumns(h, SHOPIFY_CURRENT) },
  {
    name: 'Shopify customer export (current, with WhatsApp and metafield columns)',
    matches: (h) => startsWith(h, SHOPIFY_CURRENT) && h.length > SHOPIFY_CURRENT.length && h.slice(SHOPIFY_CURRENT.length).every((c) => c === 'Accepts WhatsApp Marketing' || METAFIELD.test(c)),
  },
  {
    name: 'This shop’s customer export (full)',
    matches: (h) => startsWith(h, SHOPIFY_CURRENT) && h.length > SHOPIFY_CURRENT.length && h.slice(SHOPIFY_CURRENT.length).every((c) => OWN_EXPORT_EXTRA_COLUMNS.includes(c)),
  },
  { name: 'Shopify customer template / legacy export', matches: (h) => [SHOPIFY_LEGACY, SHOPIFY_OLDER].some((f) => sameColumns(h, f) || sameColumns(h, withoutNote(f))) },
  {
    name: 'Shopify legacy customer export with Customer ID',
    matches: (h) => h[0] === 'Customer ID' && [SHOPIFY_LEGACY, SHOPIFY_OLDER].some((f) => sameColumns(h.slice(1), f) || sameColumns(h.slice(1), withoutNote(f))),
  },
  { name: 'WooCommerce Analytics customers (download)', matches: (h) => sameColumns(h, WOO_SERVER) || sameColumns(h, WOO_SERVER.slice(0, 12)) },
  { name: 'WooCommerce Analytics customers (table CSV)', matches: (h) => sameColumns(h, WOO_BROWSER) },
];

function sameColumns(header: string[], format: string[]): boolean {
  return header.length === format.length && header.every((column, i) => column === format[i]);
}
function startsWith(header: string[], format: string[]): boolean {
  return format.every((column, i) => header[i] === column);
}
function withoutNote(format: string[]): string[] {
  return format.filter((column) => column !== 'Note');
}

/** What a column of a known format feeds (metafields are skipped); undefined for a column no format has. */
export function knownTargetOf(column: string): ColumnTarget | undefined {
  return Object.hasOwn(COLUMN_FIELDS, column) ? COLUMN_FIELDS[column] : METAFIELD.test(column) ? 'skip' : undefined;
}

/** The header read into a plan: the field of each column (by position), the columns ignored, and the format's name. */
export interface ColumnPlan {
  format: string;
  /** One per column of the header, in order. */
  targets: ColumnTarget[];
  columns: string[];
  ignored: string[];
}

export type HeaderReading = { plan: ColumnPlan } | { unknown: string[]; columns: string[] } | { problem: string };

/**
 * Reads a header row, with the staff's own mapping (column name → field or 'skip') taking precedence over the known
 * names. Columns that neither names are `unknown`; a file that can hold neither an e-mail nor a phone is a `problem`.
 */
export function readHeader(header: string[], mapping: Record<string, ColumnTarget> = {}): HeaderReading {
  const columns = header.map((column, i) => (i === 0 ? column.replace(/^\uFEFF/, '') : column));
  if (columns.length === 0 || columns.every((column) => column.trim() === '')) return { problem: 'The file has no header row: its first line must name the columns' };
  const targets: (ColumnTarget | undefined)[] = columns.map((column) => (Object.hasOwn(mapping, column) ? mapping[column] : knownTargetOf(column)));
  const unknown = columns.filter((_, i) => targets[i] === undefined);
  if (unknown.length) return { unknown, columns };
  const known = targets as ColumnTarget[];
  const hasMapping = Object.keys(mapping).length > 0;
  if (!hasMapping && !columns.includes('Email')) return { problem: 'The file has no "Email" column; Shopify requires one (its cells may be blank)' };
  if (!known.includes('email') && !known.includes('phone')) return { problem: 'Map a column to Email or Phone: each customer is matched by one of them' };
  const format = hasMapping ? 'Columns mapped by hand' : (FORMATS.find((candidate) => candidate.matches(columns))?.name ?? 'Known columns in another order');
  return { plan: { format, targets: known, columns, ignored: columns.filter((_, i) => known[i] === 'skip') } };
}
