import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, createCustomer, getCustomerById, listCustomers, mergeCustomers } from '../customers';
import { listCustomerAddresses } from '../customer-addresses';
import { NotFoundError } from '../errors';
import { cancelOrder, completeOrder, createOrder, listCustomerOrders, refundOrder } from '../orders';
import { eraseCustomer } from '../privacy';

withTestDatabase();

let staff: Actor & { type: 'staff' };
let admin: Actor;
let vipGroup: { id: string; name: string };

beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
  [vipGroup] = await getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
});

const unique = () => crypto.randomUUID().slice(0, 8);

function newCustomer(input: Record<string, unknown> = {}) {
  return createCustomer({ actor: staff, input: { firstName: 'Detail', lastName: 'Person', email: `detail.${unique()}@example.com`, ...input } });
}

async function placeOrder(customerId: string, unitPrice: number, placedAt: string) {
  return createOrder({ actor: staff, input: { customerId, items: [{ sku: 'MUG', name: 'Mug', quantity: 2, unitPrice }], placedAt } });
}

describe(`getCustomerById (${TEST_DB_KIND})`, () => {
  it('returns the profile, group, creator, addresses, newest orders and metrics that the separate reads give', async () => {
    const customer = await newCustomer({ company: 'Acme', phone: '+447911123456', tags: ['vip', 'newsletter'], customerGroupId: vipGroup.id, notes: 'Prefers mornings' });
    await addCustomerAddress({ actor: staff, customerId: customer.id, input: { line1: '1 High St', city: 'Leeds', postalCode: 'LS1 1AA', countryCode: 'GB' } });
    await addCustomerAddress({
      actor: staff,
      customerId: customer.id,
      input: { firstName: 'Work', line1: '2 Low Rd', line2: 'Unit 4', city: 'York', region: 'North Yorkshire', countryCode: 'GB', phone: '+447911123457', isDefaultBilling: true },
    });
    // Twelve orders: ten come with the customer, two on the next page. Two share a placed time (ties go by id).
    const placed: Awaited<ReturnType<typeof placeOrder>>[] = [];
    for (let day = 1; day <= 11; day++) placed.push(await placeOrder(customer.id, 1000 * day, `2025-03-${String(day).padStart(2, '0')}T09:30:00.123Z`));
    placed.push(await placeOrder(customer.id, 777, '2025-03-11T09:30:00.123Z'));
    for (const order of placed.slice(0, 6)) await completeOrder({ actor: staff, id: order.id });
    await refundOrder({ actor: admin, id: placed[5].id, input: { amount: 500 } });
    await cancelOrder({ actor: admin, id: placed[6].id });

    const detail = await getCustomerById({ id: customer.id });

    const [listed] = (await listCustomers({ q: customer.email!, limit: 1 })).data;
    const { addresses, orders, ordersNextCursor, metrics, createdBy, ...profile } = detail;
    expect(profile).toEqual(listed);
    expect(profile).toMatchObject({ company: 'Acme', tags: ['vip', 'newsletter'], customerGroup: vipGroup, notes: 'Prefers mornings', orderCount: 6 });
    expect(createdBy).toEqual({ id: staff.id, name: 'Sam Staff' });
    expect(addresses).toEqual(await listCustomerAddresses({ customerId: customer.id }));
    expect(addresses.map((address) => address.line1)).toEqual(['1 High St', '2 Low Rd']);
    const history = await listCustomerOrders({ customerId: customer.id, limit: 10 });
    expect(orders).toEqual(history.data);
    expect(ordersNextCursor).toBe(history.nextCursor);
    expect(orders[0]).toMatchObject({ placedAt: '2025-03-11T09:30:00.123Z', currency: detail.currency, itemCount: 2 });
    expect(orders.find((order) => order.id === placed[5].id)).toMatchObject({ status: 'partially_refunded', total: 12000, refundedTotal: 500 });
    expect(orders.find((order) => order.id === placed[5].id)?.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const rest = await listCustomerOrders({ customerId: customer.id, cursor: ordersNextCursor, limit: 10 });
    expect(rest.data.map((order) => order.placedAt)).toEqual(['2025-03-02T09:30:00.123Z', '2025-03-01T09:30:00.123Z']);
    expect(rest.nextCursor).toBeNull();
    const spend = [1, 2, 3, 4, 5, 6].reduce((sum, day) => sum + 2000 * day, 0) - 500;
    expect(metrics).toEqual({
      orderCount: 6,
      totalSpend: spend,
      averageOrderValue: Math.round(spend / 6),
      currency: detail.currency,
      firstOrderDate: '2025-03-01T09:30:00.123Z',
      lastOrderDate: '2025-03-06T09:30:00.123Z',
    });
  });

  it('returns empty addresses and orders, zero metrics and no creator or group for a bare customer', async () => {
    const customer = await newCustomer();
    await getDb().update(customers).set({ createdById: null }).where(eq(customers.id, customer.id));
    const detail = await getCustomerById({ id: customer.id });
    expect(detail).toMatchObject({ id: customer.id, customerGroup: null, addresses: [], orders: [], ordersNextCursor: null, createdBy: null });
    expect(detail.metrics).toEqual({ orderCount: 0, totalSpend: 0, averageOrderValue: 0, currency: detail.currency, firstOrderDate: null, lastOrderDate: null });
  });

  it('gives exactly ten orders and no cursor when the customer has ten', async () => {
    const customer = await newCustomer();
    for (let day = 1; day <= 10; day++) await placeOrder(customer.id, 100, `2025-04-${String(day).padStart(2, '0')}T00:00:00.000Z`);
    const detail = await getCustomerById({ id: customer.id });
    expect(detail.orders).toHaveLength(10);
    expect(detail.ordersNextCursor).toBeNull();
  });

  it('shows an erased customer with their orders and without addresses', async () => {
    const customer = await newCustomer({ tags: ['vip'] });
    await addCustomerAddress({ actor: staff, customerId: customer.id, input: { line1: '9 Gone St', city: 'Hull', countryCode: 'GB' } });
    const order = await placeOrder(customer.id, 2500, '2025-05-01T10:00:00.000Z');
    await completeOrder({ actor: staff, id: order.id });
    const erased = await eraseCustomer({ actor: admin, customerId: customer.id, input: { confirm: 'ERASE' } });
    const detail = await getCustomerById({ id: customer.id });
    expect(detail).toMatchObject({ ...erased, addresses: [], orders: [expect.objectContaining({ id: order.id, total: 5000 })] });
    expect(detail.erasedAt).not.toBeNull();
    expect(detail.metrics.totalSpend).toBe(5000);
  });

  it('answers a merged customer with NotFoundError naming the target, and a missing or malformed id with NotFoundError', async () => {
    const target = await newCustomer();
    const source = await newCustomer();
    await mergeCustomers({ actor: admin, input: { targetId: target.id, sourceId: source.id } });
    const error = await getCustomerById({ id: source.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).members?.mergedInto).toBe(target.id);
    const missing = await getCustomerById({ id: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).members?.mergedInto).toBeUndefined();
    await expect(getCustomerById({ id: 'not-a-uuid' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
