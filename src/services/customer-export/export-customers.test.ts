import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerMetricRows, customers } from '@/db/schema';
import { SYSTEM } from '@/http/test-http';
import { FULL_EXPORT_HEADER } from '@/lib/csv-formats';
import { CUSTOMER_SORTS } from '@/lib/validation/customer';
import type { CustomerExportQuery } from '@/lib/validation/customer-export';
import { addCustomerAddress, createCustomer, listCustomers, updateCustomerAddress } from '@/services/customers';
import { createCustomerGroup } from '@/services/customer-groups';
import { ForbiddenError, ValidationFailedError } from '@/services/errors';
import { completeOrder, createOrder } from '@/services/orders';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { putMetricBasis } from '@/test/metric-basis';

import { exportCustomersCsv } from '../customer-export';

withTestDatabase();

// Shopify's current export header, as its file begins (../shared/data/csv-formats/shopify_customers_export_current.header.csv).
const SHOPIFY_HEADER_LINE =
  'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags';

async function exportText(query: CustomerExportQuery = {}, pageSize?: number): Promise<string> {
  let text = '';
  for await (const chunk of exportCustomersCsv({ actor: SYSTEM, query, pageSize }).chunks) text += chunk;
  return text;
}

/** The export's records as objects by header, and its header. */
async function exportRecords(query: CustomerExportQuery = {}, pageSize?: number): Promise<Record<string, string>[]> {
  return parse(await exportText(query, pageSize), { columns: true }) as Record<string, string>[];
}

const byEmail = (records: Record<string, string>[], email: string) => records.find((record) => record.Email === email)!;

let adaId: string;
let vipId: string;
let erasedId: string;

beforeAll(async () => {
  vipId = (await createCustomerGroup({ actor: SYSTEM, input: { name: 'Patrons' } })).id;
  const ada = await createCustomer({
    actor: SYSTEM,
    input: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+447911123456',
      company: 'Analytical Engines',
      notes: 'Likes "tea", biscuits\nand cake',
      tags: ['vip', 'newsletter'],
      customerGroupId: vipId,
      emailMarketingConsent: true,
      smsMarketingConsent: true,
    },
  });
  adaId = ada.id;
  const billing = await addCustomerAddress({
    actor: SYSTEM,
    customerId: ada.id,
    input: { line1: '1 Billing Road', city: 'Leeds', countryCode: 'GB', isDefaultBilling: true },
  });
  await addCustomerAddress({
    actor: SYSTEM,
    customerId: ada.id,
    input: { company: 'Engines Ltd', line1: '12 High Street', line2: 'Flat 3', city: 'Dresden', region: 'SN', postalCode: '01234', countryCode: 'DE', phone: '+442079460018', isDefaultShipping: true },
  });
  expect(billing.isDefaultShipping).toBe(true);
  const order = await createOrder({ actor: SYSTEM, input: { customerId: ada.id, items: [{ sku: 'TEA', name: 'Tea', quantity: 2, unitPrice: 617 }], shippingTotal: 50 } });
  await completeOrder({ actor: SYSTEM, id: order.id });

  const grace = await createCustomer({ actor: SYSTEM, input: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', notes: "'Tis the season" } });
  const onlyBilling = await addCustomerAddress({ actor: SYSTEM, customerId: grace.id, input: { line1: '5 Bill Lane', city: 'York', countryCode: 'GB' } });
  await updateCustomerAddress({ actor: SYSTEM, customerId: grace.id, addressId: onlyBilling.id, input: { isDefaultShipping: false } });

  await createCustomer({
    actor: SYSTEM,
    input: { firstName: '=HYPERLINK("http://evil.test")', lastName: '-1+2', email: 'formula@example.com', company: '@SUM(A1)', notes: '+cmd|calc', tags: ['@risky'] },
  });
  await createCustomer({ actor: SYSTEM, input: { firstName: 'Zoë', lastName: '김민준', email: 'zoe@example.com', notes: 'Дмитрий говорит «привет» 👋' } });
  const erased = await createCustomer({ actor: SYSTEM, input: { firstName: 'Gone', email: 'erased@example.com' } });
  erasedId = erased.id;
  await getDb().update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, erased.id));
});

describe(`exportCustomersCsv (${TEST_DB_KIND})`, () => {
  it("writes Shopify's current export header exactly, and one row per customer", async () => {
    const text = await exportText();
    expect(text.split('\r\n')[0]).toBe(SHOPIFY_HEADER_LINE);
    expect(await exportRecords()).toHaveLength(4);
  });

  it('writes money as major units, consent as yes/no, tags comma+space, the default shipping address and phones as text', async () => {
    const ada = byEmail(await exportRecords(), 'ada@example.com');
    expect(ada).toMatchObject({
      'Customer ID': `'${adaId}`,
      'First Name': 'Ada',
      'Last Name': 'Lovelace',
      'Accepts Email Marketing': 'yes',
      'Accepts SMS Marketing': 'yes',
      'Default Address Company': 'Engines Ltd',
      'Default Address Address1': '12 High Street',
      'Default Address Address2': 'Flat 3',
      'Default Address City': 'Dresden',
      'Default Address Province Code': 'SN',
      'Default Address Country Code': 'DE',
      'Default Address Zip': "'01234",
      'Default Address Phone': "'+442079460018",
      Phone: "'+447911123456",
      'Total Spent': '12.84',
      'Total Orders': '1',
      Note: 'Likes "tea", biscuits\nand cake',
      'Tax Exempt': 'no',
      Tags: 'vip, newsletter',
    });
  });

  it('quotes a note with a comma, quotes and a line break as RFC 4180 has it', async () => {
    expect(await exportText()).toContain('"Likes ""tea"", biscuits\nand cake"');
  });

  it('falls back to the default billing address, and writes no for consent not given and 0.00 for no orders', async () => {
    const grace = byEmail(await exportRecords(), 'grace@example.com');
    expect(grace).toMatchObject({ 'Default Address Address1': '5 Bill Lane', 'Default Address City': 'York', 'Accepts Email Marketing': 'no', 'Accepts SMS Marketing': 'no', 'Total Spent': '0.00', 'Total Orders': '0', Phone: '' });
  });

  it('puts an apostrophe before values a spreadsheet would run as a formula, and before a leading apostrophe', async () => {
    const records = await exportRecords();
    expect(byEmail(records, 'formula@example.com')).toMatchObject({
      'First Name': `'=HYPERLINK("http://evil.test")`,
      'Last Name': "'-1+2",
      'Default Address Company': "'@SUM(A1)",
      Note: "'+cmd|calc",
      Tags: "'@risky",
    });
    expect(byEmail(records, 'grace@example.com').Note).toBe("''Tis the season");
  });

  it('keeps non-ASCII text as UTF-8', async () => {
    expect(byEmail(await exportRecords(), 'zoe@example.com')).toMatchObject({ 'First Name': 'Zoë', 'Last Name': '김민준', Note: 'Дмитрий говорит «привет» 👋' });
  });

  it('leaves erased customers out unless the erased filter asks for them', async () => {
    expect((await exportRecords()).map((record) => record.Email)).not.toContain('erased@example.com');
    const only = await exportRecords({ erased: 'only', format: 'full' });
    expect(only.map((record) => record.ID)).toEqual([erasedId]);
  });

  it("adds the product's own fields after Shopify's in the full format", async () => {
    await putMetricBasis(getDb());
    await getDb().insert(customerMetricRows).values({ customerId: adaId, rfmSegment: 'Champions' });
    const text = await exportText({ format: 'full' });
    expect(text.split('\r\n')[0]).toBe(FULL_EXPORT_HEADER.join(','));
    const ada = byEmail(parse(text, { columns: true }), 'ada@example.com');
    const row = (await listCustomers({ q: 'ada@example.com' })).data[0];
    expect(ada).toMatchObject({
      ID: adaId,
      Group: 'Patrons',
      'Email Consent At': row.emailConsentAt,
      'SMS Consent At': row.smsConsentAt,
      'Total Spend (minor units)': '1284',
      'Order Count': '1',
      'First Order': row.firstOrderDate,
      'Last Order': row.lastOrderDate,
      'RFM Segment': 'Champions',
      'Created At': row.createdAt,
    });
    expect(ada['Email Consent At']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(byEmail(parse(text, { columns: true }), 'grace@example.com')).toMatchObject({ Group: '', 'RFM Segment': '', 'First Order': '', 'Email Consent At': '' });
  });

  it("follows the list's filters and every sort, in the list's order, across pages", async () => {
    for (let i = 0; i < 7; i += 1) {
      await createCustomer({ actor: SYSTEM, input: { firstName: `Bulk ${i % 3}`, lastName: `Person ${i}`, email: `bulk${i}@example.org`, tags: i % 2 ? ['odd'] : [], customerGroupId: i < 4 ? vipId : null } });
    }
    const filters: CustomerExportQuery[] = [{}, { tag: 'odd' }, { groupId: vipId }, { q: 'example.org' }, { groupId: 'none', q: 'bulk' }, { maxSpend: 0 }];
    for (const filter of filters) {
      for (const sort of CUSTOMER_SORTS) {
        // Erased customers are left out of both unless the filter asks for them.
        const listed = (await listCustomers({ ...filter, sort, limit: 200 })).data.map((customer) => customer.id);
        const exported = (await exportRecords({ ...filter, sort, format: 'full' }, 2)).map((record) => record.ID);
        expect(listed.length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(exported, `${JSON.stringify(filter)} ${sort}`).toEqual(listed);
      }
    }
  });

  it('exports only the selected ids that match, and ignores blanks between commas', async () => {
    const [first, second] = (await listCustomers({ sort: 'name:asc', limit: 2 })).data;
    expect((await exportRecords({ ids: `${first.id}, ,${second.id}`, format: 'full' })).map((record) => record.ID).sort()).toEqual([first.id, second.id].sort());
    expect((await exportRecords({ ids: [first.id, second.id], tag: 'no-such-tag' }))).toEqual([]);
  });

  it('refuses staff before reading anything, and a bad filter before the first chunk', async () => {
    const staff = await createStaffActor('staff');
    expect(() => exportCustomersCsv({ actor: staff, query: {} })).toThrow(ForbiddenError);
    for (const query of [{ minSpend: 'lots' }, { sort: 'sideways' }, { ids: 'not-an-id' }, { format: 'xlsx' }] as CustomerExportQuery[]) {
      expect(() => exportCustomersCsv({ actor: SYSTEM, query }), JSON.stringify(query)).toThrow(ValidationFailedError);
    }
  });

  it('gives the header before any page is read, and reads later pages only as the reader takes them (one ahead)', async () => {
    const { chunks, filename } = exportCustomersCsv({ actor: SYSTEM, query: { sort: 'createdAt:asc', format: 'full' }, pageSize: 3, now: new Date('2026-03-04T23:59:00Z') });
    expect(filename).toBe('customers-2026-03-04.csv');
    expect((await chunks.next()).value).toBe(`${FULL_EXPORT_HEADER.join(',')}\r\n`);
    const firstPage = (await chunks.next()).value as string;
    expect(parse(firstPage)).toHaveLength(3);
    // Added after the first page was read: a walk that had read everything up front would not have it.
    const late = await createCustomer({ actor: SYSTEM, input: { firstName: 'Late', email: 'late@example.com' } });
    let rest = '';
    let pages = 0;
    for await (const chunk of chunks) {
      rest += chunk;
      pages += 1;
    }
    expect(pages).toBeGreaterThan(2);
    expect(rest).toContain(late.id);
  });
});
