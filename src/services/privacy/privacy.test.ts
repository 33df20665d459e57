import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { customerActorFromHeaders } from '@/auth/customer-actor';
import { getDb, queryRows } from '@/db/client';
import { customerEvents, customers, orders, storeAccounts, storeSessions, storeUsers } from '@/db/schema';
import { ERASED_FIRST_NAME, REDACTED_EVENT_DATA } from '@/lib/privacy-types';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { createPerson, type Person } from '@/test/privacy-person';

import { storeImportFile } from '../customer-import/file-store';
import { addCustomerAddress, getCustomerById, listCustomers, updateCustomer } from '../customers';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';
import { cancelOrder, createOrder } from '../orders';
import { reconcileCustomerStats } from '../reconcile';
import { eraseCustomer, exportCustomerData } from './index';

withTestDatabase();

let admin: Actor & { type: 'staff' };
let staff: Actor;
let person: Person;
let bystander: Person;

beforeAll(async () => {
  admin = await createStaffActor('admin', 'Ada Admin');
  staff = await createStaffActor('staff');
  person = await createPerson(admin);
  bystander = await createPerson(admin);
  // A dry run's file naming the person, kept for its import: stored bytes, not text, so the dump below reads bytea too.
  await storeImportFile({ actor: admin, fileName: 'list.csv', body: [Buffer.from(`Email,First Name\n${person.values.join(' ')},x\n`)] as unknown as AsyncIterable<Uint8Array> });
}, 60_000);

const asCustomer = (id: string): Actor => ({ type: 'customer', id, role: 'customer', name: 'Shopper' });

describe(`exportCustomerData (${TEST_DB_KIND})`, () => {
  it('gives everything stored about the person: profile, consent history, addresses, orders with items and refunds, timeline, metrics, suggestions, deliveries, redemptions, login', async () => {
    const data = await exportCustomerData({ actor: admin, customerId: person.id });
    const [first, last, email, phone] = person.values;
    expect(data.customer).toMatchObject({ id: person.id, firstName: first, lastName: last, email, phone, erasedAt: null, tags: person.values.slice(7, 9) });
    expect(data.consent.email).toEqual({ given: true, at: expect.any(String) });
    expect(data.consent.history).toEqual([{ channel: 'email', given: true, at: expect.any(String), by: 'staff' }]);
    expect(data.addresses).toHaveLength(1);
    expect(data.addresses[0]).toMatchObject({ line1: person.values[9], city: person.values[11] });
    expect(data.orders.map((order) => order.status).sort()).toEqual(['partially_refunded', 'pending']);
    const completed = data.orders.find((order) => order.id === person.completedOrderId)!;
    expect(completed).toMatchObject({ subtotal: 9000, discountTotal: 500, total: 8500, refundedTotal: 1000, items: [{ sku: 'VASE-1', quantity: 2, lineTotal: 9000 }] });
    expect(completed.shippingAddress).toMatchObject({ line1: person.values[9], postalCode: person.values[13] });
    expect(completed.billingAddress).toEqual(completed.shippingAddress);
    expect(completed.refunds).toEqual([expect.objectContaining({ amount: 1000, reason: expect.stringContaining('cracked'), items: [] })]);
    expect(data.timeline.map((event) => event.type)).toEqual(expect.arrayContaining(['customer.created', 'customer.updated', 'address.added', 'order.completed', 'customer.account_linked']));
    expect(data.metrics.stats).toMatchObject({ orderCount: 1, totalSpend: 7500 });
    expect(data.classificationSuggestions[0]).toMatchObject({ suggestedGroup: 'VIP', reasons: expect.arrayContaining(['Spent over £80']) });
    // Each person's campaign goes to every consenting VIP, so the first person may have had the second's too.
    expect(data.campaignDeliveries[0]).toMatchObject({ channel: 'email', address: email, status: 'sent', campaign: 'Spring p1' });
    expect(data.campaignDeliveries.every((delivery) => delivery.address === email)).toBe(true);
    expect(data.discountRedemptions).toEqual([expect.objectContaining({ orderId: person.completedOrderId, amount: 500 })]);
    expect(data.storefrontLogin).toEqual({ email, name: `${first} ${last}`, emailVerified: true, createdAt: expect.any(String) });
  });

  it('holds no secret: no password hash, session token, account token or staff id', async () => {
    const text = JSON.stringify(await exportCustomerData({ actor: admin, customerId: person.id }));
    const [customer] = await getDb().select({ userId: customers.userId }).from(customers).where(eq(customers.id, person.id));
    const secrets = [
      ...(await getDb().select({ token: storeSessions.token }).from(storeSessions).where(eq(storeSessions.userId, customer.userId!))).map((row) => row.token),
      ...(await getDb().select({ password: storeAccounts.password }).from(storeAccounts).where(eq(storeAccounts.userId, customer.userId!))).map((row) => row.password!),
      customer.userId!,
      admin.id,
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(password|token|accessToken|refreshToken|idToken)"/);
  });

  it('is refused to staff (403) and, for a shopper, finds only their own record (anyone else is 404)', async () => {
    await expect(exportCustomerData({ actor: staff, customerId: person.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportCustomerData({ actor: asCustomer(bystander.id), customerId: person.id })).rejects.toBeInstanceOf(NotFoundError);
    const own = await exportCustomerData({ actor: asCustomer(bystander.id), customerId: bystander.id });
    expect(own.customer.id).toBe(bystander.id);
    await expect(exportCustomerData({ actor: admin, customerId: crypto.randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(`eraseCustomer (${TEST_DB_KIND})`, () => {
  it('refuses staff, a missing confirmation (naming `confirm`), another shopper, and a shopper with a pending order', async () => {
    await expect(eraseCustomer({ actor: staff, customerId: person.id, input: { confirm: 'ERASE' } })).rejects.toBeInstanceOf(ForbiddenError);
    const error = await eraseCustomer({ actor: admin, customerId: person.id, input: { confirm: 'erase' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors?.map((f) => f.path)).toEqual(['confirm']);
    await expect(eraseCustomer({ actor: asCustomer(bystander.id), customerId: person.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(eraseCustomer({ actor: asCustomer(person.id), customerId: person.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await getCustomerById({ id: person.id })).erasedAt).toBeNull();
  });

  it('replaces the personal data, keeps orders and money (reconcile finds no drift), ends the login and records who did it', async () => {
    const before = await getCustomerById({ id: person.id });
    const orderRows = await getDb().select().from(orders).where(eq(orders.customerId, person.id));
    const erased = await eraseCustomer({ actor: admin, customerId: person.id, input: { confirm: 'ERASE' } });

    expect(erased).toMatchObject({ firstName: ERASED_FIRST_NAME, lastName: '', email: null, phone: null, company: null, notes: '', tags: [], userId: null, emailMarketingConsent: false });
    expect(erased.erasedAt).not.toBeNull();
    expect({ totalSpend: erased.totalSpend, orderCount: erased.orderCount, group: erased.customerGroupId }).toEqual({ totalSpend: before.totalSpend, orderCount: before.orderCount, group: before.customerGroupId });
    // The orders stay whole but for their copies of the addresses, blanked with the address book.
    expect(orderRows.every((order) => order.shippingAddress && order.billingAddress)).toBe(true);
    expect(await getDb().select().from(orders).where(eq(orders.customerId, person.id))).toEqual(orderRows.map((order) => ({ ...order, shippingAddress: null, billingAddress: null })));
    expect((await getCustomerById({ id: person.id })).addresses).toEqual([]);
    const report = await reconcileCustomerStats({ actor: admin });
    expect(report.driftCount).toBe(0);

    expect(await customerActorFromHeaders(new Headers({ cookie: person.session.cookie }))).toBeNull();
    const [{ logins }] = await queryRows<{ logins: number }>(getDb(), sql`select count(*)::int as logins from ${storeUsers} where email = ${person.values[2]}`);
    expect(logins).toBe(0);

    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, person.id)).orderBy(customerEvents.createdAt);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'customer.erased', actorType: 'staff', actorId: admin.id, data: {} });
    expect(events.slice(0, -1).every((event) => JSON.stringify(event.data) === JSON.stringify(REDACTED_EVENT_DATA))).toBe(true);
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['customer.created', 'address.added', 'order.completed']));
  });

  it('is harmless the second time: the same answer, and nothing written', async () => {
    const first = await getCustomerById({ id: person.id });
    const eventsBefore = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, person.id));
    const again = await eraseCustomer({ actor: admin, customerId: person.id, input: { confirm: 'ERASE' } });
    const { addresses, orders: _orders, ordersNextCursor, metrics, createdBy, ...profile } = first;
    expect(again).toEqual(profile);
    expect(await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, person.id))).toHaveLength(eventsBefore.length);
  });

  it('takes the customer out of lists and search, shows them with the erased filter, and refuses edits, addresses and new orders', async () => {
    const all = await listCustomers({ limit: 200 });
    expect(all.data.map((c) => c.id)).not.toContain(person.id);
    expect(all.data.map((c) => c.id)).toContain(bystander.id);
    expect((await listCustomers({ q: 'erased customer' })).data).toEqual([]);
    expect((await listCustomers({ erased: 'only' })).data.map((c) => c.id)).toEqual([person.id]);
    expect((await listCustomers({ erased: 'include', limit: 200 })).data.map((c) => c.id)).toEqual(expect.arrayContaining([person.id, bystander.id]));
    expect((await listCustomers({ erased: 'only', q: 'erased' })).data.map((c) => c.id)).toEqual([person.id]);

    await expect(updateCustomer({ actor: admin, id: person.id, input: { firstName: 'Back' } })).rejects.toBeInstanceOf(ConflictError);
    await expect(addCustomerAddress({ actor: admin, customerId: person.id, input: { line1: '1 Road', city: 'Leeds', countryCode: 'GB' } })).rejects.toBeInstanceOf(ConflictError);
    await expect(createOrder({ actor: admin, input: { customerId: person.id, items: [{ sku: 'X', name: 'X', quantity: 1, unitPrice: 100 }] } })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it("leaves none of the person's old values in any text, varchar, jsonb, text[] or bytea column of any table", async () => {
    const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
      getDb(),
      sql`select c.table_name, c.column_name, c.data_type
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
          where c.table_schema = current_schema()
            and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') or c.udt_name in ('_text', '_varchar'))
          order by c.table_name, c.column_name`,
    );
    expect(columns.length).toBeGreaterThan(60);
    const patterns = sql`array[${sql.join(
      person.values.map((value) => sql`${`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
      sql`, `,
    )}]::text[]`;
    const found: string[] = [];
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      // Bytes (a stored import file) are searched as the UTF-8 text they hold.
      const value = type === 'bytea' ? sql`convert_from(${sql.identifier(column)}, 'UTF8')` : sql`${sql.identifier(column)}::text`;
      const rows = await queryRows<{ value: string }>(getDb(), sql`select ${value} as value from ${sql.identifier(table)} where ${value} ilike any(${patterns})`);
      found.push(...rows.map((row) => `${table}.${column}: ${row.value.slice(0, 120)}`));
    }
    expect(found).toEqual([]);

    // The same search finds the bystander's values, so it is not blind.
    const bystanderPatterns = sql`array[${sql.join(
      bystander.values.map((value) => sql`${`%${value}%`}`),
      sql`, `,
    )}]::text[]`;
    const [{ hits }] = await queryRows<{ hits: number }>(
      getDb(),
      sql`select count(*)::int as hits from customers where (first_name || email || notes || array_to_string(tags, ' ')) ilike any(${bystanderPatterns})`,
    );
    expect(hits).toBe(1);
  });

  it("lets a shopper erase their own record once nothing is pending, signing them out, as the shopper", async () => {
    await cancelOrder({ actor: admin, id: bystander.pendingOrderId });
    const erased = await eraseCustomer({ actor: asCustomer(bystander.id), customerId: bystander.id });
    expect(erased.erasedAt).not.toBeNull();
    expect(await customerActorFromHeaders(new Headers({ cookie: bystander.session.cookie }))).toBeNull();
    const [last] = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, bystander.id)).orderBy(sql`${customerEvents.createdAt} desc`).limit(1);
    expect(last).toMatchObject({ type: 'customer.erased', actorType: 'customer', actorId: bystander.id });
  });
});
