// What each column of a customer export holds, by header: the types make every header of lib/csv-formats.ts name its
// value here, so the header and the values cannot drift apart.
import { SHOP_CURRENCY } from '@/lib/config';
import { FULL_EXPORT_EXTRA_COLUMNS, FULL_EXPORT_HEADER, SHOPIFY_CURRENT_HEADER, type CustomerExportFormat, type FullExportExtraColumn, type ShopifyCurrentColumn } from '@/lib/csv-formats';
import type { AddressFields } from '@/lib/types';
import { minorToMajorString } from '@/lib/format';

import type { CustomerFields } from '../customers/mapping';

import { guardedText, keptAsText } from './csv-text';

/** The default address's fields: the default shipping address, else the default billing one. */
export type ExportAddress = Omit<AddressFields, 'firstName' | 'lastName'>;

/** One customer as the export reads it. */
export interface ExportRow {
  customer: CustomerFields;
  groupName: string | null;
  address: ExportAddress | null;
  rfmSegment: string | null;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const iso = (date: Date | null) => (date ? date.toISOString() : '');

const SHOPIFY_VALUES: Record<ShopifyCurrentColumn, (row: ExportRow) => string> = {
  // Shopify's ids are numbers it writes with an apostrophe; ours are uuids, written the same way for the same reader.
  'Customer ID': ({ customer }) => keptAsText(customer.id),
  'First Name': ({ customer }) => guardedText(customer.firstName),
  'Last Name': ({ customer }) => guardedText(customer.lastName),
  Email: ({ customer }) => guardedText(customer.email),
  'Accepts Email Marketing': ({ customer }) => yesNo(customer.emailMarketingConsent),
  // Shopify keeps a company only on addresses; a customer without an address still takes theirs along.
  'Default Address Company': ({ customer, address }) => guardedText(address ? address.company : customer.company),
  'Default Address Address1': ({ address }) => guardedText(address?.line1),
  'Default Address Address2': ({ address }) => guardedText(address?.line2),
  'Default Address City': ({ address }) => guardedText(address?.city),
  'Default Address Province Code': ({ address }) => guardedText(address?.region),
  'Default Address Country Code': ({ address }) => guardedText(address?.countryCode),
  'Default Address Zip': ({ address }) => keptAsText(address?.postalCode),
  'Default Address Phone': ({ address }) => keptAsText(address?.phone),
  Phone: ({ customer }) => keptAsText(customer.phone),
  'Accepts SMS Marketing': ({ customer }) => yesNo(customer.smsMarketingConsent),
  // Major units with the currency's decimals and no symbol ("1234.50"), as Shopify writes money.
  'Total Spent': ({ customer }) => minorToMajorString(customer.totalSpend, SHOP_CURRENCY),
  'Total Orders': ({ customer }) => String(customer.orderCount),
  Note: ({ customer }) => guardedText(customer.notes),
  // This product has no tax exemptions; Shopify's importer expects the column.
  'Tax Exempt': () => 'no',
  Tags: ({ customer }) => guardedText(customer.tags.join(', ')),
};

const FULL_EXTRA_VALUES: Record<FullExportExtraColumn, (row: ExportRow) => string> = {
  ID: ({ customer }) => customer.id,
  Group: ({ groupName }) => guardedText(groupName),
  'Email Consent At': ({ customer }) => iso(customer.emailConsentAt),
  'SMS Consent At': ({ customer }) => iso(customer.smsConsentAt),
  'Total Spend (minor units)': ({ customer }) => String(customer.totalSpend),
  'Order Count': ({ customer }) => String(customer.orderCount),
  'First Order': ({ customer }) => iso(customer.firstOrderDate),
  'Last Order': ({ customer }) => iso(customer.lastOrderDate),
  'RFM Segment': ({ rfmSegment }) => guardedText(rfmSegment),
  'Created At': ({ customer }) => iso(customer.createdAt),
};

const SHOPIFY_COLUMNS = SHOPIFY_CURRENT_HEADER.map((header) => SHOPIFY_VALUES[header]);
const FULL_COLUMNS = [...SHOPIFY_COLUMNS, ...FULL_EXPORT_EXTRA_COLUMNS.map((header) => FULL_EXTRA_VALUES[header])];

/** The header and the row writer of one export format. */
export function exportColumns(format: CustomerExportFormat): { header: readonly string[]; valuesOf: (row: ExportRow) => string[] } {
  const columns = format === 'full' ? FULL_COLUMNS : SHOPIFY_COLUMNS;
  return { header: format === 'full' ? FULL_EXPORT_HEADER : SHOPIFY_CURRENT_HEADER, valuesOf: (row) => columns.map((value) => value(row)) };
}
