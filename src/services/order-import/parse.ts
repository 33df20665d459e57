import { ValidationFailedError } from '../errors';

import { wallTimeToUtc, type WallTime } from './local-time';

/** A sale invoice becomes an order; a cancellation (invoice number "C…") becomes refunds of earlier orders. */
export type InvoiceKind = 'sale' | 'cancellation';

/** One invoice line, normalised: amounts in integer minor units, quantity positive for both kinds. */
export interface InvoiceLine {
  invoiceNo: string;
  kind: InvoiceKind;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  placedAt: number;
  customerExternalId: string;
  country: string;
  /** The price had fractions of a penny (e.g. £0.001) and was rounded to the nearest penny. */
  isPriceRounded: boolean;
}

export const SKIP_REASONS = ['guest', 'adjustment', 'zeroQuantity', 'negativeQuantity', 'positiveCancellation', 'unparseable', 'outOfSequence'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type LineResult = { line: InvoiceLine } | { skip: SkipReason; problem?: string };

const COLUMNS = ['invoiceNo', 'stockCode', 'description', 'quantity', 'invoiceDate', 'unitPrice', 'customerId', 'country'] as const;
type Column = (typeof COLUMNS)[number];

// Header spellings, compared lower-case without spaces or punctuation: the UCI file's and the "Online Retail II" export's.
const HEADER_NAMES: Record<string, Column> = {
  invoiceno: 'invoiceNo',
  invoice: 'invoiceNo',
  stockcode: 'stockCode',
  description: 'description',
  quantity: 'quantity',
  invoicedate: 'invoiceDate',
  unitprice: 'unitPrice',
  price: 'unitPrice',
  customerid: 'customerId',
  country: 'country',
};

// The order item rules of lib/validation/order.ts, checked by hand: a schema parse per line would dominate the import.
const SKU_MAX = 64;
const NAME_MAX = 200;
const QUANTITY_MAX = 1_000_000;

const INVOICE_NO = /^([CA]?)(\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// The UCI spreadsheet and the Kaggle CSV write month/day/year, e.g. 12/1/2010 8:26.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const QUANTITY = /^-?\d+(?:\.0*)?$/;
const PRICE = /^(\d*)(?:\.(\d*))?$/;
// Pandas and Spark write integer ids of a column with blanks as floats: 17850.0.
const FLOAT_ID = /^(\d+)\.0*$/;
const CUSTOMER_ID = /^[\w-]{1,64}$/;

type Parsed<T> = { value: T } | { error: string };

function parseWallTime(text: string): WallTime | null {
  let match = ISO_DATE.exec(text);
  let wall: WallTime | null = null;
  if (match) wall = { year: +match[1], month: +match[2], day: +match[3], hour: +match[4], minute: +match[5], second: +(match[6] ?? 0) };
  else if ((match = US_DATE.exec(text))) wall = { year: +match[3], month: +match[1], day: +match[2], hour: +match[4], minute: +match[5], second: +(match[6] ?? 0) };
  if (!wall) return null;
  const daysInMonth = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  const isValid = wall.month >= 1 && wall.month <= 12 && wall.day >= 1 && wall.day <= daysInMonth && wall.hour < 24 && wall.minute < 60 && wall.second < 60;
  return isValid ? wall : null;
}

/**
 * Pounds (or any 2-decimal currency) as written, e.g. "2.55" or "0.001", to minor units rounded half up: an order
 * item holds whole pennies, and unit price × quantity must equal the line total.
 */
export function parsePrice(text: string): Parsed<{ minor: number; isRounded: boolean }> {
  const match = PRICE.exec(text);
  if (!match || (match[1] === '' && !match[2])) return { error: `price "${text}" is not a non-negative amount` };
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const minor = Number(match[1] || '0') * 100 + Number(fraction.slice(0, 2)) + (fraction[2] >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(minor)) return { error: `price "${text}" is too large` };
  return { value: { minor, isRounded: /[1-9]/.test(fraction.slice(2)) } };
}

/** Reads invoice-line CSV records: finds the columns by header name, then normalises or classifies each line. */
export class InvoiceLineParser {
  private readonly index: Record<Column, number>;
  private readonly fieldCount: number;
  // Lines of an invoice share their timestamp, so a small cache saves most time-zone conversions.
  private readonly times = new Map<string, number>();

  constructor(
    header: string[],
    private readonly timeZone: string,
  ) {
    const found: Partial<Record<Column, number>> = {};
    header.forEach((name, i) => {
      const column = HEADER_NAMES[name.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z]/g, '')];
      if (column && found[column] === undefined) found[column] = i;
    });
    const missing = COLUMNS.filter((column) => found[column] === undefined);
    if (missing.length) {
      throw new ValidationFailedError('The file is not an invoice-line CSV', [
        { path: 'file', message: `The header lacks ${missing.join(', ')} (it has ${header.join(', ')})` },
      ]);
    }
    this.index = found as Record<Column, number>;
    this.fieldCount = header.length;
  }

  parse(fields: string[]): LineResult {
    if (fields.length !== this.fieldCount) return { skip: 'unparseable', problem: `expected ${this.fieldCount} fields, found ${fields.length}` };
    const field = (column: Column) => fields[this.index[column]].trim();
    const invoice = INVOICE_NO.exec(field('invoiceNo'));
    if (!invoice) return { skip: 'unparseable', problem: `invoice number "${field('invoiceNo')}" is not a number with an optional C or A prefix` };
    if (invoice[1] === 'A') return { skip: 'adjustment' };
    const rawCustomer = field('customerId');
    if (rawCustomer === '') return { skip: 'guest' };
    const customerExternalId = FLOAT_ID.exec(rawCustomer)?.[1] ?? rawCustomer;
    if (!CUSTOMER_ID.test(customerExternalId)) return { skip: 'unparseable', problem: `customer id "${rawCustomer}" is not an id` };

    const quantityText = field('quantity');
    if (!QUANTITY.test(quantityText)) return { skip: 'unparseable', problem: `quantity "${quantityText}" is not a whole number` };
    const signedQuantity = Number.parseInt(quantityText, 10);
    const kind: InvoiceKind = invoice[1] === 'C' ? 'cancellation' : 'sale';
    if (signedQuantity === 0) return { skip: 'zeroQuantity' };
    if (kind === 'sale' && signedQuantity < 0) return { skip: 'negativeQuantity' };
    if (kind === 'cancellation' && signedQuantity > 0) return { skip: 'positiveCancellation' };
    const quantity = Math.abs(signedQuantity);
    if (quantity > QUANTITY_MAX) return { skip: 'unparseable', problem: `quantity ${signedQuantity} is beyond ±${QUANTITY_MAX.toLocaleString('en')}` };

    const price = parsePrice(field('unitPrice'));
    if ('error' in price) return { skip: 'unparseable', problem: price.error };
    // Beyond 2^53 the line total is no longer exact, and far beyond it the database refuses it, ending the import.
    if (!Number.isSafeInteger(price.value.minor * quantity)) return { skip: 'unparseable', problem: `price ${field('unitPrice')} × quantity ${quantity} is too large` };
    const placedAt = this.time(field('invoiceDate'));
    if (placedAt === null) return { skip: 'unparseable', problem: `date "${field('invoiceDate')}" is neither YYYY-MM-DD HH:MM[:SS] nor M/D/YYYY H:MM` };
    const sku = field('stockCode');
    if (sku === '' || sku.length > SKU_MAX) return { skip: 'unparseable', problem: sku === '' ? 'no stock code' : `stock code longer than ${SKU_MAX} characters` };
    const name = field('description') || sku;
    if (name.length > NAME_MAX) return { skip: 'unparseable', problem: `description longer than ${NAME_MAX} characters` };
    // PostgreSQL text cannot hold U+0000.
    if (fields.some((value) => value.includes('\u0000'))) return { skip: 'unparseable', problem: 'contains a NUL character' };

    return {
      line: {
        invoiceNo: field('invoiceNo'),
        kind,
        sku,
        name,
        quantity,
        unitPrice: price.value.minor,
        placedAt,
        customerExternalId,
        country: field('country'),
        isPriceRounded: price.value.isRounded,
      },
    };
  }

  private time(text: string): number | null {
    const cached = this.times.get(text);
    if (cached !== undefined) return cached;
    const wall = parseWallTime(text);
    if (!wall) return null;
    const ms = wallTimeToUtc(wall, this.timeZone).getTime();
    if (this.times.size >= 10_000) this.times.clear();
    this.times.set(text, ms);
    return ms;
  }
}
