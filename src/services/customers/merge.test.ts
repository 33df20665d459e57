import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { campaignDeliveries, campaigns, classificationSuggestions, customerEvents, customerGroups, customerMetricRows, customerMetrics, customers, discountRedemptions, storeUsers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, createCustomer, getCustomerById, listCustomerEvents, mergeCustomers, updateCustomer } from '../customers';
import { createDiscount } from '../discounts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';
import { cancelOrder, completeOrder, createOrder, listCustomerOrders, refundOrder } from '../orders';
import { reconcileCustomerStats } from '../reconcile';

withTestDatabase();

let staff: Actor;
let admin: Actor;
let groups: Record<string, string>;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
  const rows = await getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups);
  groups = Object.fromEntries(rows.map((row) => [row.name, row.id]));
});

const unique = () => crypto.randomUUID().slice(0, 8);

async function person(input: Record<string, unknown> = {}) {
  return createCustomer({ actor: staff, input: { firstName: 'Jo', lastName: 'Bloggs', email: `jo.${unique()}@example.com`, ...input } });
}

async function completedOrder(customerId: string, unitPrice: number, day: number, discountCode?: string) {
  const order = await createOrder({
    actor: staff,
    input: { customerId, items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice }], placedAt: new Date(Date.UTC(2025, 0, day)).toISOString(), discountCode },
  });
  await completeOrder({ actor: staff, id: order.id });
  return order;
}

async function storeLogin(customerId: string) {
  const id = crypto.randomUUID();
  await getDb().insert(storeUsers).values({ id, name: 'Jo', email: `${id}@store.test`, emailVerified: true });
  await getDb().update(customers).set({ userId: id }).where(eq(customers.id, customerId));
  return id;
}

describe(`mergeCustomers (${TEST_DB_KIND})`, () => {
  it('moves orders, addresses, timeline, suggestions, redemptions and deliveries, and recomputes the stats by the one rule', async () => {
    const target = await person({ tags: ['vip', 'newsletter'], customerGroupId: groups.Retail });
    const source = await person({ firstName: 'Joe', tags: ['VIP', 'wholesale'], phone: '+447911123456', customerGroupId: groups.Wholesaler });
    const discount = await createDiscount({ actor: admin, input: { code: `MERGE${unique().toUpperCase()}`, kind: 'fixed_amount', value: 100 } });
    await completedOrder(target.id, 1000, 5);
    const sourceOrders = [await completedOrder(source.id, 2000, 1, discount.code), await completedOrder(source.id, 3000, 9)];
    await refundOrder({ actor: admin, id: sourceOrders[1].id, input: { amount: 500 } });
    const cancelled = await completedOrder(source.id, 7000, 20);
    await cancelOrder({ actor: admin, id: cancelled.id });
    const targetHome = await addCustomerAddress({ actor: staff, customerId: target.id, input: { line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', countryCode: 'GB' } });
    const sourceHome = await addCustomerAddress({ actor: staff, customerId: source.id, input: { line1: '2 Low Rd', city: 'York', postalCode: 'YO1 1AA', countryCode: 'GB' } });
    const db = getDb();
    await db.insert(classificationSuggestions).values({ customerId: source.id, suggestedGroupId: groups.VIP, confidence: 0.9, reasons: ['big spender'], source: 'built_in' });
    const [campaign] = await db.insert(campaigns).values({ name: 'Spring', channel: 'email', body: 'Hi' }).returning();
    await db.insert(campaignDeliveries).values({ campaignId: campaign.id, customerId: source.id, address: source.email!, status: 'sent' });
    await db.insert(customerMetricRows).values({ customerId: source.id });

    const result = await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    expect(result).toEqual({ targetId: target.id, sourceId: source.id, ordersMoved: 3, addressesMoved: 1 });

    const merged = await getCustomerById({ id: target.id });
    // Target's values win; the source fills what the target lacked (phone); tags are unioned without case repeats.
    expect(merged).toMatchObject({ firstName: 'Jo', email: target.email, phone: '+447911123456', customerGroupId: groups.Retail, version: target.version + 1 });
    expect(merged.tags).toEqual(['vip', 'newsletter', 'wholesale']);
    // 1000 + (2000 - 100 discount) + (3000 - 500 refunded); the cancelled order counts for nothing.
    expect(merged).toMatchObject({ totalSpend: 1000 + 1900 + 2500, orderCount: 3, firstOrderDate: '2025-01-01T00:00:00.000Z', lastOrderDate: '2025-01-09T00:00:00.000Z' });
    const history = await listCustomerOrders({ customerId: target.id, limit: 10 });
    expect(history.data.map((order) => order.id)).toEqual(expect.arrayContaining([...sourceOrders.map((order) => order.id), cancelled.id]));
    expect(history.data).toHaveLength(4);
    // The target's defaults win; the source's address comes along, not a default.
    expect(merged.addresses.find((a) => a.id === targetHome.id)).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
    expect(merged.addresses.find((a) => a.id === sourceHome.id)).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });

    const movedTo = async (table: typeof discountRedemptions | typeof classificationSuggestions | typeof campaignDeliveries) =>
      (await db.select({ customerId: table.customerId }).from(table).where(eq(table.customerId, target.id))).length;
    expect(await movedTo(discountRedemptions)).toBe(1);
    expect(await movedTo(classificationSuggestions)).toBe(1);
    expect(await movedTo(campaignDeliveries)).toBe(1);
    expect(await db.select().from(customerMetrics).where(eq(customerMetrics.customerId, source.id))).toEqual([]);

    // The source's timeline moved, with the merge on top naming who and whom.
    const events = (await listCustomerEvents({ customerId: target.id, limit: 100 })).data;
    expect(events[0]).toMatchObject({ type: 'customer.merged', actorType: 'staff', actorId: admin.id, data: expect.objectContaining({ sourceId: source.id, sourceName: 'Joe Bloggs', sourceEmail: source.email, ordersMoved: 3 }) });
    expect(events.filter((e) => e.type === 'order.completed')).toHaveLength(4);
    expect(await db.select().from(customerEvents).where(eq(customerEvents.customerId, source.id))).toEqual([]);

    const report = await reconcileCustomerStats({ actor: admin });
    expect(report.driftCount).toBe(0);
  });

  it('answers the source id with a 404 that names the target, also after the target is merged again', async () => {
    const target = await person();
    const source = await person();
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    const error = await getCustomerById({ id: source.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: `This customer was merged into customer ${target.id}`, members: { mergedInto: target.id } });

    const final = await person();
    await mergeCustomers({ actor: admin, input: { targetId: final.id, sourceId: target.id } });
    await expect(getCustomerById({ id: source.id })).rejects.toMatchObject({ members: { mergedInto: final.id } });
    // A never-merged id is a plain 404.
    await expect(getCustomerById({ id: crypto.randomUUID() })).rejects.toMatchObject({ message: 'No customer with this id', members: undefined });
  });

  it('takes the chosen side per field, with the consent time of the side it came from', async () => {
    const target = await person({ firstName: 'Jo', company: 'Acme', notes: 'target note', customerGroupId: groups.Retail });
    const source = await person({ firstName: 'Joanna', lastName: 'Bloggs-Smith', company: 'Beta', notes: 'source note', emailMarketingConsent: true, customerGroupId: groups.VIP });
    const [{ emailConsentAt }] = await getDb().select({ emailConsentAt: customers.emailConsentAt }).from(customers).where(eq(customers.id, source.id));
    await mergeCustomers({
      actor: admin,
      input: { targetId: target.id, sourceId: source.id, fields: { firstName: 'source', lastName: 'source', email: 'source', company: 'target', notes: 'source', customerGroupId: 'source' } },
    });
    const merged = await getCustomerById({ id: target.id });
    expect(merged).toMatchObject({ firstName: 'Joanna', lastName: 'Bloggs-Smith', email: source.email, company: 'Acme', notes: 'source note', customerGroupId: groups.VIP });
    // Not chosen: the target had no consent, so the source's (with its time) fills it.
    expect(merged).toMatchObject({ emailMarketingConsent: true, emailConsentAt: emailConsentAt!.toISOString() });
  });

  it('keeps the target value when chosen even if empty, and refuses a result nobody can be reached at', async () => {
    const target = await person({ email: null, phone: '+447911123457', company: null });
    const source = await person({ company: 'Beta' });
    await expect(mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id, fields: { email: 'target', phone: 'source' } } })).rejects.toMatchObject({
      fieldErrors: [{ path: 'fields.email', message: 'Keep an email or a phone number' }],
    });
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id, fields: { company: 'target' } } });
    expect(await getCustomerById({ id: target.id })).toMatchObject({ company: null, email: source.email, phone: '+447911123457' });
  });

  it('moves the storefront login to the target, and refuses when both have one', async () => {
    const target = await person();
    const source = await person();
    const login = await storeLogin(source.id);
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    expect((await getCustomerById({ id: target.id })).userId).toBe(login);

    const a = await person();
    const b = await person();
    await storeLogin(a.id);
    await storeLogin(b.id);
    await expect(mergeCustomers({ actor: admin, input: { targetId: a.id, sourceId: b.id } })).rejects.toThrow(/Both customers have a storefront login/);
    expect((await getCustomerById({ id: b.id })).id).toBe(b.id);
  });

  it('refuses itself, a missing customer, an erased one, and roles without the permission, changing nothing', async () => {
    const target = await person();
    const source = await person();
    await expect(mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: target.id } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: crypto.randomUUID() } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeCustomers({ actor: staff, input: { targetId: target.id, sourceId: source.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await getDb().update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, source.id));
    await expect(mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } })).rejects.toBeInstanceOf(ConflictError);
    await expect(mergeCustomers({ actor: admin, input: { targetId: source.id, sourceId: target.id } })).rejects.toThrow(/was erased/);
    expect((await getCustomerById({ id: target.id })).version).toBe(target.version);
  });

  it('lets an order placed for the merged id fail clearly, and an order change after the merge land on the target', async () => {
    const target = await person();
    const source = await person();
    const pending = await createOrder({ actor: staff, input: { customerId: source.id, items: [{ sku: 'S', name: 'Scarf', quantity: 2, unitPrice: 1500 }] } });
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    await completeOrder({ actor: staff, id: pending.id });
    expect(await getCustomerById({ id: target.id })).toMatchObject({ totalSpend: 3000, orderCount: 1 });
    await expect(createOrder({ actor: staff, input: { customerId: source.id, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: 1 }] } })).rejects.toBeInstanceOf(ValidationFailedError);
    const [{ count }] = await queryRows<{ count: number }>(getDb(), sql`select count(*)::int as count from customers where id = ${source.id}`);
    expect(count).toBe(0);
  });

  it('refuses a later edit of the target with the version read before the merge', async () => {
    const target = await person();
    const source = await person();
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    await expect(updateCustomer({ actor: staff, id: target.id, input: { notes: 'x', version: target.version } })).rejects.toBeInstanceOf(ConflictError);
  });
});
