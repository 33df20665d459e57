import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customerEvents, customers } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { dryRunCustomerImport, startCustomerImport } from '../customer-import';
import { runJobNow } from '../jobs/run';
import { customerImportJob } from './job';
import { csvOf, headerOf, storeText } from './test-files';

withTestDatabase();

const SHOPIFY = headerOf('shopifyCurrent');

describe(`customer import (${TEST_DB_KIND})`, () => {
  it('dry-runs then imports a Shopify export', async () => {
    const actor = await createStaffActor('admin');
    const text = csvOf(SHOPIFY, [
      { 'Customer ID': "'9980311896380", 'First Name': ' Ada ', 'Last Name': 'Lovelace', Email: 'ADA@example.com', 'Accepts Email Marketing': 'yes', 'Default Address Address1': '1 Main St', 'Default Address City': 'London', 'Default Address Country Code': 'GB', 'Default Address Zip': "'SW1A 1AA", Phone: "'+447911123456", 'Accepts SMS Marketing': 'no', 'Total Spent': '12.00', 'Total Orders': '1', Tags: 'Level 1, newsletter', Note: 'likes tea' },
      { 'Customer ID': '7.02255E+12', 'First Name': 'Bad', Email: 'bad@example.com' },
      { 'First Name': 'Ив', 'Last Name': 'Иванов', Phone: '07911 123457', 'Default Address Country Code': 'GB' },
      { 'First Name': 'Ada again', Email: 'ada@example.com' },
    ]);
    const file = await storeText(actor, text, 'shop.csv');
    const report = await dryRunCustomerImport({ actor, fileId: file.id });
    expect(report).toMatchObject({ rows: 4, created: 2, skipped: 1, errors: 1 });
    expect(report.problems).toEqual([
      { line: 3, column: 'Customer ID', message: expect.stringContaining('scientific notation'), kind: 'error' },
      { line: 5, column: 'Email', message: 'Same e-mail as line 2; only the first is imported', kind: 'skipped' },
    ]);
    const job = await startCustomerImport({ actor, fileId: file.id });
    await expect.poll(async () => (await getDb().select().from(customers)).length).toBe(2);
    await runJobNow({ id: job.id, definition: customerImportJob });
    const [ada] = await getDb().select().from(customers).where(eq(customers.email, 'ada@example.com'));
    expect(ada).toMatchObject({ firstName: 'Ada', tags: ['Level 1', 'newsletter'], notes: 'likes tea', phone: '+447911123456', emailMarketingConsent: true, totalSpend: 0 });
    const addresses = await getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, ada.id));
    expect(addresses).toMatchObject([{ line1: '1 Main St', postalCode: 'SW1A 1AA', isDefaultShipping: true, isDefaultBilling: true }]);
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, ada.id));
    expect(events).toMatchObject([{ type: 'customer.created', data: { import: { jobId: job.id, fileName: 'shop.csv', line: 2 }, consent: { email: { given: true, source: 'import' } } } }]);
    void sql;
  });
});
