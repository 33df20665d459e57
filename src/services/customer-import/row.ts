/**
 * One CSV record to a customer and its default address, checked with the same zod rules (and so the same messages) as
 * the customer form, each problem named by the column it came from. Handles the quirks of real exports: an apostrophe
 * in front of ids, phones and postcodes (spreadsheets' "keep as text" mark), yes/no consent, comma-separated tags,
 * stray spaces, and numbers a spreadsheet turned into scientific notation, which are lost and refused.
 */
import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

import { unguardFormula } from '@/lib/csv-formats';
import type { AddressFields } from '@/lib/types';
import { isCountryCode } from '@/lib/countries';
import { addressCreateSchema } from '@/lib/validation/address';
import { blankToNull, DEFAULT_PHONE_REGION, phoneSchemaFor, text } from '@/lib/validation/common';
import { customerCreateSchema } from '@/lib/validation/customer';

import { countryCodeFromName } from '../order-import/country';
import type { ColumnPlan, ImportField } from '@/lib/customer-import-formats';
import type { RowProblem } from '@/lib/customer-import-types';

export type { RowProblem } from '@/lib/customer-import-types';

export type ImportAddress = AddressFields;

/** A row ready to write. Null fields were blank in the file (an overwrite leaves those alone). */
export interface ImportRow {
  line: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  tags: string[] | null;
  emailMarketingConsent: boolean | null;
  smsMarketingConsent: boolean | null;
  address: ImportAddress | null;
  /** The column the row is matched by (Email, or Phone without one), for messages. */
  matchColumn: string;
}

type Cells = Partial<Record<ImportField, string>>;

// Stripped where Shopify exports put it; a name or note may begin with an apostrophe on purpose.
const APOSTROPHE_FIELDS: ImportField[] = ['externalId', 'phone', 'addressPhone', 'zip'];
const NUMBER_FIELDS: ImportField[] = ['externalId', 'phone', 'addressPhone'];
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E\+?\d+$/i;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

// The customer's and the address's fields as the forms check them, except that a first name may be blank (Shopify
// exports newsletter subscribers with nothing but an e-mail) and that a phone without +country is read as one of the
// address's country. One pair per country met, built once: a phone is parsed once per row.
const schemasByRegion = new Map<CountryCode, { customer: typeof customerCreateSchema; address: typeof addressCreateSchema }>();
function schemasFor(region: CountryCode) {
  let schemas = schemasByRegion.get(region);
  if (!schemas) {
    const phone = z.preprocess(blankToNull, phoneSchemaFor(region).nullable().optional());
    schemas = {
      customer: customerCreateSchema.safeExtend({ firstName: text().max(100, 'First name must be at most 100 characters'), phone }) as unknown as typeof customerCreateSchema,
      address: addressCreateSchema.safeExtend({ phone }),
    };
    schemasByRegion.set(region, schemas);
  }
  return schemas;
}

/** Reads the cells of one record by the plan: the last non-blank cell of a field wins; every cell trimmed. */
function cellsOf(fields: string[], plan: ColumnPlan): { cells: Cells; columnOf: Partial<Record<ImportField, string>> } {
  const cells: Cells = {};
  const columnOf: Partial<Record<ImportField, string>> = {};
  plan.targets.forEach((target, i) => {
    if (target === 'skip') return;
    let value = (fields[i] ?? '').trim();
    if (APOSTROPHE_FIELDS.includes(target) && value.startsWith("'")) value = value.slice(1).trim();
    else value = unguardFormula(value);
    if (value === '' && cells[target] !== undefined) return;
    cells[target] = value;
    columnOf[target] = plan.columns[i];
  });
  return { cells, columnOf };
}

function consentOf(value: string | undefined): boolean | null | 'invalid' {
  if (value === undefined) return null;
  const word = value.toLowerCase();
  if (word === '') return null;
  return YES.has(word) ? true : NO.has(word) ? false : 'invalid';
}

function countryOf(cells: Cells): string | null {
  const code = cells.countryCode?.toUpperCase();
  if (code && isCountryCode(code)) return code;
  if (code) return code;
  return cells.country ? (countryCodeFromName(cells.country) ?? cells.country) : null;
}

function splitName(cells: Cells): { firstName: string; lastName: string } {
  if (cells.firstName !== undefined || cells.lastName !== undefined || !cells.name) return { firstName: cells.firstName ?? '', lastName: cells.lastName ?? '' };
  const space = cells.name.search(/\s/);
  return space < 0 ? { firstName: cells.name, lastName: '' } : { firstName: cells.name.slice(0, space), lastName: cells.name.slice(space + 1).trim() };
}

/** One record checked: the row to write, or its problems (each naming a column). */
export function readRow(fields: string[], line: number, plan: ColumnPlan): { row: ImportRow } | { problems: RowProblem[] } {
  const { cells, columnOf } = cellsOf(fields, plan);
  const problems: RowProblem[] = [];
  const problem = (field: ImportField | null, message: string) =>
    problems.push({ line, column: field ? (columnOf[field] ?? columnOf[ALTERNATIVE[field] ?? field] ?? null) : null, message, kind: 'error' });

  for (const field of NUMBER_FIELDS) {
    const value = cells[field];
    if (value && SCIENTIFIC.test(value)) {
      problem(field, `"${value}" is a number a spreadsheet wrote in scientific notation, so its digits are lost: export the file again, or open it as text`);
    }
  }
  const emailConsent = consentOf(cells.emailConsent);
  const smsConsent = consentOf(cells.smsConsent);
  if (emailConsent === 'invalid') problem('emailConsent', 'Write yes or no');
  if (smsConsent === 'invalid') problem('smsConsent', 'Write yes or no');
  if (cells.province && !cells.provinceCode && columnOf.province !== 'Region') problem('provinceCode', 'Give the Province Code with the Province (Shopify’s rule)');
  if (problems.length) return { problems };

  const countryCode = countryOf(cells);
  const phoneRegion = countryCode && isCountryCode(countryCode) ? (countryCode as CountryCode) : DEFAULT_PHONE_REGION;
  const { firstName, lastName } = splitName(cells);
  const schemas = schemasFor(phoneRegion);
  const customer = schemas.customer.safeParse({
    firstName,
    lastName,
    email: cells.email ?? null,
    phone: cells.phone ?? null,
    company: cells.company ?? null,
    notes: cells.note ?? '',
    tags: cells.tags ? cells.tags.split(',').map((tag) => tag.trim()).filter(Boolean) : [],
    emailMarketingConsent: emailConsent === true,
    smsMarketingConsent: smsConsent === true,
  });
  if (!customer.success) {
    for (const issue of customer.error.issues) problem(fieldOfCustomerPath(String(issue.path[0] ?? '')), issue.message);
  }
  let address: ImportAddress | null = null;
  // An address needs a street: a row with only a country or a city (Shopify exports many; WooCommerce's downloads
  // have no street column) has no address to keep, and its country still reads the phone.
  if (cells.address1) {
    const parsed = schemas.address.safeParse({
      firstName,
      lastName,
      company: cells.company ?? null,
      line1: cells.address1 ?? '',
      line2: cells.address2 ?? null,
      city: cells.city ?? '',
      region: cells.provinceCode || cells.province || null,
      postalCode: cells.zip ?? null,
      countryCode: countryCode ?? '',
      phone: cells.addressPhone ?? null,
      isDefaultShipping: true,
      isDefaultBilling: true,
    });
    if (!parsed.success) for (const issue of parsed.error.issues) problem(fieldOfAddressPath(String(issue.path[0] ?? '')), issue.message);
    else {
      const { isDefaultBilling: _billing, isDefaultShipping: _shipping, ...rest } = parsed.data;
      address = { ...rest, company: rest.company ?? null, line2: rest.line2 ?? null, region: rest.region ?? null, postalCode: rest.postalCode ?? null, phone: rest.phone ?? null };
    }
  }
  if (problems.length || !customer.success) return { problems };
  const data = customer.data;
  return {
    row: {
      line,
      firstName: data.firstName,
      lastName: data.lastName,
      email: data.email ?? null,
      phone: data.phone ?? null,
      company: data.company ?? null,
      notes: cells.note ? data.notes : null,
      tags: cells.tags ? data.tags : null,
      emailMarketingConsent: emailConsent === 'invalid' ? null : emailConsent,
      smsMarketingConsent: smsConsent === 'invalid' ? null : smsConsent,
      address,
      matchColumn: data.email ? (columnOf.email ?? 'Email') : (columnOf.phone ?? 'Phone'),
    },
  };
}

const CUSTOMER_PATH_FIELDS: Record<string, ImportField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
  company: 'company',
  notes: 'note',
  tags: 'tags',
  emailMarketingConsent: 'emailConsent',
  smsMarketingConsent: 'smsConsent',
};
const ADDRESS_PATH_FIELDS: Record<string, ImportField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  company: 'company',
  line1: 'address1',
  line2: 'address2',
  city: 'city',
  region: 'provinceCode',
  postalCode: 'zip',
  countryCode: 'countryCode',
  phone: 'addressPhone',
};
// Where a problem with a field shows when its own column is not in the file.
const ALTERNATIVE: Partial<Record<ImportField, ImportField>> = { countryCode: 'country', provinceCode: 'province', firstName: 'name', lastName: 'name', email: 'phone' };
const fieldOfCustomerPath = (path: string): ImportField | null => CUSTOMER_PATH_FIELDS[path] ?? null;
const fieldOfAddressPath = (path: string): ImportField | null => ADDRESS_PATH_FIELDS[path] ?? null;
