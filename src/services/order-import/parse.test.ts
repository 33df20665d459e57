import { describe, expect, it } from 'vitest';

import { ValidationFailedError } from '../errors';
import { countryCodeFromName } from './country';
import { wallTimeToUtc } from './local-time';
import { InvoiceLineParser, parsePrice } from './parse';

const HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

describe('parsePrice', () => {
  it.each([
    ['2.55', 255, false],
    ['8.5', 850, false],
    ['0', 0, false],
    ['11062.06', 1_106_206, false],
    ['0.001', 0, true],
    ['0.005', 1, true],
    ['1.0049', 100, true],
    ['.5', 50, false],
  ])('reads %s as %i minor units (rounded: %s)', (text, minor, isRounded) => {
    expect(parsePrice(text)).toEqual({ value: { minor, isRounded } });
  });

  it.each(['-11062.06', 'abc', '', '1,5', '£2'])('refuses "%s"', (text) => {
    expect(parsePrice(text)).toHaveProperty('error');
  });
});

describe('wallTimeToUtc', () => {
  const london = (text: string) => {
    const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number);
    return wallTimeToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, 'Europe/London').toISOString();
  };

  it('reads UK times as GMT in winter and BST (UTC+1) in summer', () => {
    expect(london('2010-12-01 08:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(london('2011-06-09 13:01')).toBe('2011-06-09T12:01:00.000Z');
    expect(london('2011-03-27 00:59')).toBe('2011-03-27T00:59:00.000Z');
    expect(london('2011-03-27 02:00')).toBe('2011-03-27T01:00:00.000Z');
  });

  it('takes the summer-time reading of an hour that happens twice, and moves a skipped time an hour on', () => {
    expect(london('2011-10-30 01:30')).toBe('2011-10-30T00:30:00.000Z');
    expect(london('2011-03-27 01:30')).toBe('2011-03-27T01:30:00.000Z');
  });
});

describe('countryCodeFromName', () => {
  it.each([
    ['United Kingdom', 'GB'],
    ['EIRE', 'IE'],
    ['RSA', 'ZA'],
    ['USA', 'US'],
    ['Czech Republic', 'CZ'],
    ['Hong Kong', 'HK'],
    ['Iceland', 'IS'],
    ['Channel Islands', null],
    ['European Community', null],
    ['Unspecified', null],
    ['Atlantis', null],
  ])('maps %s to %s', (name, code) => {
    expect(countryCodeFromName(name)).toBe(code);
  });
});

describe('InvoiceLineParser', () => {
  const parser = new InvoiceLineParser(HEADER, 'Europe/London');
  const line = (invoice: string, quantity: string, date = '2011-06-09 13:01:00', customer = '12347.0', price = '2.10') =>
    parser.parse([invoice, '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER ', quantity, date, price, customer, 'Iceland']);

  it('normalises a sale line: integer customer id, pennies, UTC time, trimmed description', () => {
    expect(line('556201', '12')).toEqual({
      line: {
        invoiceNo: '556201',
        kind: 'sale',
        sku: '85123A',
        name: 'WHITE HANGING HEART T-LIGHT HOLDER',
        quantity: 12,
        unitPrice: 210,
        placedAt: Date.parse('2011-06-09T12:01:00Z'),
        customerExternalId: '12347',
        country: 'Iceland',
        isPriceRounded: false,
      },
    });
  });

  it('reads the M/D/YYYY H:MM dates of the UCI spreadsheet as the same instant', () => {
    const iso = line('556201', '12');
    const us = line('556201', '12', '6/9/2011 13:01');
    expect(us).toEqual(iso);
  });

  it('turns a cancellation into positive quantities of a C invoice', () => {
    expect(line('C541433', '-74215')).toMatchObject({ line: { invoiceNo: 'C541433', kind: 'cancellation', quantity: 74215 } });
  });

  it('classifies the lines it does not import', () => {
    expect(line('536414', '56', undefined, '')).toEqual({ skip: 'guest' });
    expect(line('A563185', '1', undefined, '')).toEqual({ skip: 'adjustment' });
    expect(line('536414', '0')).toEqual({ skip: 'zeroQuantity' });
    expect(line('536414', '-3')).toEqual({ skip: 'negativeQuantity' });
    expect(line('C536414', '3')).toEqual({ skip: 'positiveCancellation' });
    expect(line('X1', '3')).toMatchObject({ skip: 'unparseable', problem: expect.stringContaining('invoice number') });
    expect(line('536414', '2.5')).toMatchObject({ skip: 'unparseable', problem: expect.stringContaining('quantity') });
    expect(line('536414', '1', '2011-13-01 10:00:00')).toMatchObject({ skip: 'unparseable', problem: expect.stringContaining('date') });
    expect(line('536414', '1', undefined, '12347.0', '-1')).toMatchObject({ skip: 'unparseable', problem: expect.stringContaining('price') });
    expect(parser.parse(['536414', '1'])).toMatchObject({ skip: 'unparseable', problem: 'expected 8 fields, found 2' });
  });

  it('finds columns by name in any order, including the "Online Retail II" spellings', () => {
    const other = new InvoiceLineParser(['Customer ID', 'Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Country'], 'Europe/London');
    expect(other.parse(['13085.0', '489434', '85048', '15CM CHRISTMAS GLASS BALL 20 LIGHTS', '12', '2009-12-01 07:45:00', '6.95', 'United Kingdom'])).toMatchObject({
      line: { invoiceNo: '489434', customerExternalId: '13085', unitPrice: 695, quantity: 12 },
    });
  });

  it('refuses a header that lacks a column, naming it', () => {
    expect(() => new InvoiceLineParser(['InvoiceNo', 'StockCode', 'Quantity'], 'Europe/London')).toThrow(ValidationFailedError);
    expect(() => new InvoiceLineParser(['InvoiceNo', 'StockCode', 'Quantity'], 'Europe/London')).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ message: expect.stringContaining('description, invoiceDate, unitPrice, customerId, country') })] }),
    );
  });
});
