import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customerEvents, customers } from '@/db/schema';
import type { CustomerExportFormat } from '@/lib/csv-formats';
import { addCustomerAddress, createCustomer } from '@/services/customers';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { importNow } from '../customer-import/test-files';
import { exportCustomersCsv } from '../customer-export';

withTestDatabase();

// Moving a shop's customers out and back: export, then import into an empty shop, gives the same people.
let admin: Awaited<ReturnType<typeof createStaffActor>>;

beforeAll(async () => {
  admin = await createStaffActor('admin');
});

/** What a shop moving its customers cares about, per customer, keyed by e-mail or phone. */
async function snapshot() {
  const rows = await getDb().select().from(customers).orderBy(customers.firstName);
  const addresses = await getDb().select().from(customerAddresses);
  return rows.map((customer) => {
    const address = addresses.find((candidate) => candidate.customerId === customer.id && candidate.isDefaultShipping);
    return {
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      phone: customer.phone,
      emailMarketingConsent: customer.emailMarketingConsent,
      smsMarketingConsent: customer.smsMarketingConsent,
      tags: customer.tags,
      notes: customer.notes,
      defaultAddress: address
        ? { company: address.company, line1: address.line1, line2: address.line2, city: address.city, region: address.region, postalCode: address.postalCode, countryCode: address.countryCode, phone: address.phone }
        : null,
    };
  });
}

async function seedShop() {
  const ada = await createCustomer({
    actor: admin,
    input: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+447911123456',
      emailMarketingConsent: true,
      smsMarketingConsent: true,
      tags: ['vip', 'newsletter'],
      // A formula-looking start, a comma, quotes and a second line: all must come back as typed.
      notes: '=SUM(1,2) is "not" a formula\nsecond line, with a comma',
    },
  });
  await addCustomerAddress({
    actor: admin,
    customerId: ada.id,
    input: { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines', line1: '12 St James’s Square', line2: 'Flat 3', city: 'London', region: 'ENG', postalCode: 'SW1Y 4JH', countryCode: 'GB', phone: '+447911123456', isDefaultShipping: true, isDefaultBilling: true },
  });
  // No e-mail, a phone only, Cyrillic names.
  await createCustomer({ actor: admin, input: { firstName: 'Иван', lastName: 'Иванов', phone: '+33612345678', smsMarketingConsent: true } });
  // A name that starts with an apostrophe, as the export's own guard does; non-ASCII and a Korean address.
  const gerard = await createCustomer({ actor: admin, input: { firstName: 'Gerard', lastName: "'t Hooft", email: 'gerard@example.nl', tags: ['trade'] } });
  await addCustomerAddress({
    actor: admin,
    customerId: gerard.id,
    input: { line1: '서울특별시 중구 세종대로 110', city: '서울', region: 'KR-11', postalCode: '04524', countryCode: 'KR', isDefaultShipping: true, isDefaultBilling: false },
  });
  // A newsletter subscriber: an e-mail and consent, nothing else.
  await createCustomer({ actor: admin, input: { firstName: 'Zoë', email: 'zoe@example.org', emailMarketingConsent: true } });
}

async function exportAll(format: CustomerExportFormat): Promise<string> {
  let text = '';
  for await (const chunk of exportCustomersCsv({ actor: admin, query: { format } }).chunks) text += chunk;
  return text;
}

async function emptyTheShop() {
  await getDb().delete(customerEvents);
  await getDb().delete(customerAddresses);
  await getDb().delete(customers);
}

describe(`export then import into an empty shop (${TEST_DB_KIND})`, () => {
  it.each(['shopify', 'full'] as const)('gives the same customers back from the %s format, and a second import changes nothing', async (format) => {
    await emptyTheShop();
    await seedShop();
    const before = await snapshot();
    const file = await exportAll(format);

    await emptyTheShop();
    const { report } = await importNow(admin, file, { fileName: `customers-${format}.csv` });
    expect(report).toMatchObject({ rows: 4, created: 4, skipped: 0, errors: 0 });
    expect(await snapshot()).toEqual(before);

    const again = await importNow(admin, file, { fileName: `customers-${format}.csv` });
    expect(again.report).toMatchObject({ rows: 4, created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
    const [{ versions }] = await getDb().select({ versions: sql<number>`max(${customers.version})::int` }).from(customers);
    expect(versions).toBe(1);
  });
});
