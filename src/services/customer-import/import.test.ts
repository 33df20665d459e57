import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customerEvents, customers, jobs } from '@/db/schema';
import { OWN_EXPORT_EXTRA_COLUMNS } from '@/lib/customer-import-formats';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { dryRunCustomerImport, startCustomerImport } from '../customer-import';
import { createCustomer } from '../customers';
import { checkpointJob } from '../jobs/lease';
import { claimJob, enqueueJob } from '../jobs/queue';
import { readJob } from '../jobs/read';
import { runJobNow, type JobContext } from '../jobs/run';
import { customerImportJob, CUSTOMER_IMPORT_JOB, type CustomerImportPayload } from './job';
import { csvOf, headerOf, importNow, storeText } from './test-files';

withTestDatabase();

const SHOPIFY = headerOf('shopifyCurrent');
const byEmail = async (email: string) => (await getDb().select().from(customers).where(eq(customers.email, email)))[0];
const eventsOf = (id: string) => getDb().select().from(customerEvents).where(eq(customerEvents.customerId, id));
const addressesOf = (id: string) => getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, id));

describe(`importing a customer CSV (${TEST_DB_KIND})`, () => {
  it('dry-runs a Shopify export writing nothing, then the job imports it with addresses, tags, notes, consent and a timeline event naming the import', async () => {
    const actor = await createStaffActor('admin');
    const text = csvOf(SHOPIFY, [
      { 'Customer ID': "'9980311896380", 'First Name': ' Ada ', 'Last Name': 'Lovelace', Email: 'ADA@example.com', 'Accepts Email Marketing': 'yes', 'Default Address Address1': '1 Main St', 'Default Address City': 'London', 'Default Address Country Code': 'GB', 'Default Address Zip': "'SW1A 1AA", Phone: "'+447911123456", 'Accepts SMS Marketing': 'no', 'Total Spent': '12.00', 'Total Orders': '1', Tags: 'Level 1, newsletter', Note: 'likes tea' },
      { 'Customer ID': '7.02255E+12', 'First Name': 'Bad', Email: 'bad@example.com' },
      { 'First Name': 'Ив', 'Last Name': 'Иванов', Phone: '07911 123457', 'Default Address Country Code': 'GB' },
      { 'First Name': 'Ada again', Email: 'ada@example.com' },
    ]);
    const file = await storeText(actor, text, 'shop.csv');
    const report = await dryRunCustomerImport({ actor, fileId: file.id });
    expect(report).toMatchObject({ rows: 4, created: 2, skipped: 1, errors: 1, format: 'Shopify customer export (current)', ignoredColumns: ['Total Spent', 'Total Orders', 'Tax Exempt'] });
    expect(report.problems).toEqual([
      { line: 3, column: 'Customer ID', message: expect.stringContaining('scientific notation'), kind: 'error' },
      { line: 5, column: 'Email', message: 'Same e-mail as line 2; only the first is imported', kind: 'skipped' },
    ]);
    expect(await getDb().select().from(customers)).toHaveLength(0);

    const job = await startCustomerImport({ actor, fileId: file.id });
    await expect.poll(async () => (await readJob(job.id))?.status, { timeout: 15_000 }).toBe('succeeded');
    expect((await readJob(job.id))?.result).toMatchObject({ rows: 4, created: 2, skipped: 1, errors: 1, dryRun: false });
    const ada = await byEmail('ada@example.com');
    expect(ada).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', tags: ['Level 1', 'newsletter'], notes: 'likes tea', phone: '+447911123456', emailMarketingConsent: true, smsMarketingConsent: false, totalSpend: 0, orderCount: 0, createdById: actor.id });
    expect(ada.emailConsentAt).not.toBeNull();
    expect(await addressesOf(ada.id)).toMatchObject([{ line1: '1 Main St', city: 'London', postalCode: 'SW1A 1AA', countryCode: 'GB', isDefaultShipping: true, isDefaultBilling: true }]);
    expect(await eventsOf(ada.id)).toMatchObject([
      { type: 'customer.created', actorType: 'staff', actorId: actor.id, data: { import: { jobId: job.id, fileName: 'shop.csv', line: 2 }, consent: { email: { given: true, source: 'import' } } } },
    ]);
    // No e-mail, a phone in the national format, and Cyrillic names: created, matched later by its E.164 phone.
    const [ivan] = await getDb().select().from(customers).where(eq(customers.phone, '+447911123457'));
    expect(ivan).toMatchObject({ firstName: 'Ив', lastName: 'Иванов', email: null });
    // The file was deleted once imported.
    expect(await getDb().execute(sql`select 1 from import_files where id = ${file.id}`).then((r) => (r as unknown as { rows: unknown[] }).rows)).toHaveLength(0);
  });

  it('reads each known format into the same customer fields', async () => {
    const actor = await createStaffActor('admin');
    const person = (email: string) => ({ 'First Name': 'Grace', 'Last Name': 'Hopper', Email: email, Company: 'Navy', Address1: '1 Pentagon', City: 'Arlington', Province: 'Virginia', 'Province Code': 'VA', Country: 'United States', 'Country Code': 'US', Zip: "'22202", Phone: '(202) 555-0143'.replace('555-0143', '456-7890'), 'Accepts Email Marketing': 'no', Tags: 'a, b', Note: 'legacy' });
    const legacy = csvOf(headerOf('shopifyLegacy'), [person('legacy@example.com')]);
    const legacyId = csvOf(headerOf('shopifyLegacyId'), [{ ...person('legacy-id@example.com'), 'Customer ID': "'123" }]);
    const whatsapp = csvOf(headerOf('shopifyWhatsapp'), [{ 'First Name': 'Grace', Email: 'whatsapp@example.com', 'Accepts WhatsApp Marketing': 'yes', 'Empresa (customer.metafields.custom.empresa)': 'Navy' }]);
    const own = csvOf([...SHOPIFY, ...OWN_EXPORT_EXTRA_COLUMNS], [{ 'First Name': 'Grace', Email: 'own@example.com', ID: crypto.randomUUID(), 'Total Spend (minor units)': '1200', 'RFM Segment': 'Champions' }]);
    const wooServer = csvOf(headerOf('wooServer'), [{ Name: 'Grace Brewster Hopper', Username: 'grace', Email: 'woo@example.com', Orders: '3', 'Total Spend': '99.00', 'Country / Region': 'US', City: 'Arlington', Region: 'VA', 'Postal Code': '22202', 'Billing Phone': '+1 202 456 7890' }]);
    const wooBrowser = csvOf(headerOf('wooBrowser'), [{ Name: 'Grace Hopper', Email: 'woo-table@example.com', 'Country / Region': 'United States', City: 'Arlington', 'Postal code': '22202' }]);
    for (const text of [legacy, legacyId, whatsapp, own, wooServer, wooBrowser]) expect((await importNow(actor, text)).report, text).toMatchObject({ created: 1, errors: 0 });

    for (const email of ['legacy@example.com', 'legacy-id@example.com']) {
      const grace = await byEmail(email);
      expect(grace).toMatchObject({ firstName: 'Grace', company: 'Navy', phone: '+12024567890', tags: ['a', 'b'], notes: 'legacy' });
      expect(await addressesOf(grace.id)).toMatchObject([{ line1: '1 Pentagon', region: 'VA', postalCode: '22202', countryCode: 'US' }]);
    }
    expect(await byEmail('whatsapp@example.com')).toMatchObject({ firstName: 'Grace', notes: '' });
    expect(await byEmail('own@example.com')).toMatchObject({ totalSpend: 0 });
    const woo = await byEmail('woo@example.com');
    expect(woo).toMatchObject({ firstName: 'Grace', lastName: 'Brewster Hopper', phone: '+12024567890', totalSpend: 0 });
    // A WooCommerce download has a city but no street column: no address to keep.
    expect(await addressesOf(woo.id)).toHaveLength(0);
  });

  it('refuses a row for what is wrong with it, naming the column, with the customer form’s messages, and imports the rest', async () => {
    const actor = await createStaffActor('admin');
    const { report } = await importNow(
      actor,
      csvOf(SHOPIFY, [
        { 'First Name': 'Phone', Email: 'p@example.com', Phone: '9.19961E+11' },
        { 'First Name': 'Consent', Email: 'c@example.com', 'Accepts Email Marketing': 'maybe' },
        { 'First Name': 'Nobody' },
        { 'First Name': 'Sms', Email: 's@example.com', 'Accepts SMS Marketing': 'yes' },
        { 'First Name': 'Street', Email: 'st@example.com', 'Default Address Address1': '1 Road', 'Default Address Country Code': 'GB' },
        { 'First Name': 'Zip', Email: 'zip@example.com', 'Default Address Address1': '1 Road', 'Default Address City': 'Leeds', 'Default Address Country Code': 'GB', 'Default Address Zip': '8001' },
        { Email: 'newsletter@example.com', 'Total Spent': '0.00', 'Total Orders': '0' },
      ]),
    );
    expect(report).toMatchObject({ rows: 7, created: 1, errors: 6 });
    expect(report.problems).toEqual([
      { line: 2, column: 'Phone', message: expect.stringContaining('scientific notation'), kind: 'error' },
      { line: 3, column: 'Accepts Email Marketing', message: 'Write yes or no', kind: 'error' },
      { line: 4, column: 'Email', message: 'Give an email or a phone number', kind: 'error' },
      { line: 5, column: 'Accepts SMS Marketing', message: 'SMS consent needs a phone number', kind: 'error' },
      { line: 6, column: 'Default Address City', message: 'Town or city is required', kind: 'error' },
      { line: 7, column: 'Default Address Zip', message: 'Enter a valid UK postcode, like SW1A 1AA', kind: 'error' },
    ]);
    // A newsletter subscriber: nothing but an e-mail.
    expect(await byEmail('newsletter@example.com')).toMatchObject({ firstName: '', emailMarketingConsent: false });
  });

  it('skips customers who exist (e-mail in any case, or phone without one) unless told to overwrite; then updates only what changed, once', async () => {
    const actor = await createStaffActor('admin');
    const existing = await createCustomer({ actor, input: { firstName: 'Alan', email: 'alan@example.com', tags: ['old'] } });
    const byPhone = await createCustomer({ actor, input: { firstName: 'Joan', phone: '+447911123458' } });
    const text = csvOf(SHOPIFY, [
      { 'First Name': 'Alan', 'Last Name': 'Turing', Email: 'ALAN@example.com', Tags: 'codebreaker', 'Default Address Address1': 'Bletchley Park', 'Default Address City': 'Milton Keynes', 'Default Address Country Code': 'GB' },
      { 'First Name': 'Joan', 'Last Name': 'Clarke', Phone: '07911 123458', 'Default Address Country Code': 'GB' },
    ]);
    const skipped = (await importNow(actor, text)).report;
    expect(skipped).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(skipped.problems).toEqual([
      { line: 2, column: 'Email', message: 'A customer with this e-mail already exists; choose “overwrite existing customers” to update it', kind: 'skipped' },
      { line: 3, column: 'Phone', message: 'A customer with this phone already exists; choose “overwrite existing customers” to update it', kind: 'skipped' },
    ]);

    const { report, jobId } = await importNow(actor, text, { overwrite: true, fileName: 'again.csv' });
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const alan = await byEmail('alan@example.com');
    expect(alan).toMatchObject({ id: existing.id, lastName: 'Turing', tags: ['codebreaker'], version: 2 });
    expect(await addressesOf(alan.id)).toMatchObject([{ line1: 'Bletchley Park', isDefaultShipping: true, isDefaultBilling: true }]);
    expect((await eventsOf(alan.id)).find((event) => event.type === 'customer.updated')).toMatchObject({
      data: { changes: { lastName: ['', 'Turing'], tags: [['old'], ['codebreaker']] }, import: { jobId, fileName: 'again.csv', line: 2 } },
    });
    expect((await getDb().select().from(customers).where(eq(customers.id, byPhone.id)))[0]).toMatchObject({ lastName: 'Clarke', version: 2 });

    // The same file again: nothing to change, so no version bump and no event.
    const eventsBefore = (await getDb().select().from(customerEvents)).length;
    expect((await importNow(actor, text, { overwrite: true })).report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await byEmail('alan@example.com')).toMatchObject({ version: 2 });
    expect(await getDb().select().from(customerEvents)).toHaveLength(eventsBefore);
  });

  it('reports a repeated e-mail or phone in the file once, naming the first line, and imports the first', async () => {
    const actor = await createStaffActor('admin');
    const { report } = await importNow(
      actor,
      csvOf(SHOPIFY, [
        { 'First Name': 'One', Email: 'dup@example.com' },
        { 'First Name': 'Phone', Phone: '+447911123459' },
        { 'First Name': 'Two', Email: 'Dup@Example.com ' },
        { 'First Name': 'Phone two', Phone: '07911 123459', 'Default Address Country Code': 'GB' },
      ]),
    );
    expect(report).toMatchObject({ created: 2, skipped: 2 });
    expect(report.problems.map((p) => `${p.line} ${p.column} ${p.message}`)).toEqual(['4 Email Same e-mail as line 2; only the first is imported', '5 Phone Same phone as line 3; only the first is imported']);
    expect(await byEmail('dup@example.com')).toMatchObject({ firstName: 'One' });
  });

  it('resumes a job whose worker died after some batches from its checkpoint, writing each row once', async () => {
    const actor = await createStaffActor('admin');
    const rows = Array.from({ length: 9 }, (_, i) => ({ 'First Name': `Row ${i}`, Email: `row${i}@example.com` }));
    rows[4] = { 'First Name': 'Bad', Email: 'nope' };
    const file = await storeText(actor, csvOf(SHOPIFY, rows), 'resume.csv');
    const payload: CustomerImportPayload = { fileId: file.id, fileName: 'resume.csv', overwrite: false, mapping: {}, actor, batchSize: 2 };
    const job = await enqueueJob({ kind: CUSTOMER_IMPORT_JOB, payload: payload as unknown as Record<string, unknown> });
    const claimed = (await claimJob({ owner: 'dead-host:1:x', id: job.id }))!;
    let batches = 0;
    const dying: JobContext<CustomerImportPayload> = {
      job: claimed as JobContext<CustomerImportPayload>['job'],
      signal: new AbortController().signal,
      // The third batch's checkpoint never happens: the process died in its transaction, which rolls back.
      checkpoint: async (checkpoint, tx) => {
        if (checkpoint.cursor !== undefined && ++batches === 3) throw new Error('the worker died');
        await checkpointJob({ id: job.id, owner: claimed.leaseOwner! }, checkpoint, tx);
      },
      release: async () => undefined,
    };
    await expect(customerImportJob.run(dying)).rejects.toThrow('the worker died');
    const imported = () => getDb().select().from(customers).where(sql`${customers.email} like 'row%@example.com'`);
    expect(await imported()).toHaveLength(4);
    expect(await readJob(job.id)).toMatchObject({ status: 'running', progress: { done: 4, total: 9 }, cursor: { rowsDone: 4 } });

    // Its lease runs out; another worker takes the job over and goes on from row 5.
    await getDb().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const outcome = await runJobNow({ id: job.id, definition: customerImportJob });
    expect(outcome).toMatchObject({ status: 'succeeded', result: { rows: 9, created: 8, errors: 1, skipped: 0, problems: [{ line: 6, column: 'Email' }] } });
    const rowsNow = await imported();
    expect(rowsNow).toHaveLength(8);
    const events = await getDb().select().from(customerEvents).where(sql`${customerEvents.customerId} in (select id from customers where email like 'row%@example.com')`);
    expect(events.map((event) => event.type)).toEqual(Array(8).fill('customer.created'));
    expect(await readJob(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, progress: { done: 9, total: 9 } });
  });
});
