import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, orders } from '@/db/schema';
import { apiKey, call, problemOf } from '@/http/test-http';
import type { Customer, Order } from '@/lib/types';
import { authenticateApiKey } from '@/services/api-keys';
import { claimIdempotencyKey, idempotencyScope, requestFingerprint } from '@/services/idempotency';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signUpStoreCustomer } from '@/test/store-session';

import * as customersRoute from './customers/route';
import * as completeRoute from './orders/[id]/complete/route';
import * as refundRoute from './orders/[id]/refund/route';
import * as ordersRoute from './orders/route';
import * as storeAddressesRoute from './store/me/addresses/route';

// Safe retries with the Idempotency-Key header, on every POST (apiRoute and storeApiRoute).
withTestDatabase();

let adminKey: string;
let otherKey: string;
let customer: Customer;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  otherKey = await apiKey('admin');
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Idem', lastName: 'Potent', email: 'idem@example.com' } });
  customer = (await response.json()) as Customer;
});

const orderBody = (quantity = 1) => ({ customerId: customer.id, items: [{ sku: 'MUG-1', name: 'Enamel mug', quantity, unitPrice: 1250 }] });

const placeOrder = (idempotencyKey: string, body: unknown = orderBody(), key = adminKey) =>
  call(ordersRoute.POST, 'POST', '/orders', { key, body, headers: { 'idempotency-key': idempotencyKey } });

async function orderCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(orders).where(eq(orders.customerId, customer.id));
  return row.n;
}

describe(`Idempotency-Key on POST (${TEST_DB_KIND})`, () => {
  it('replays the first answer (status, body, Location) with Idempotent-Replayed: true, and places one order', async () => {
    const before = await orderCount();
    const first = await placeOrder('order-a1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same request with its fields in another order is the same request.
    const { items, customerId } = orderBody();
    const retried = await placeOrder('order-a1', { items, customerId });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.headers.get('location')).toBe(first.headers.get('location'));
    expect(retried.headers.get('content-type')).toMatch(/json/);
    expect(await retried.json()).toEqual(await first.json());
    expect(await orderCount()).toBe(before + 1);
  });

  it('answers 422 naming the header when the key comes back with another body, and places nothing more', async () => {
    expect((await placeOrder('order-b1', orderBody(1))).status).toBe(201);
    const before = await orderCount();
    const reused = await placeOrder('order-b1', orderBody(2));
    expect(reused.status).toBe(422);
    expect(await problemOf(reused)).toMatchObject({ paths: ['Idempotency-Key'], contentType: 'application/problem+json' });
    expect(await orderCount()).toBe(before);
  });

  it('places exactly one order for 10 concurrent requests with one key; the others replay it or answer 409', async () => {
    const before = await orderCount();
    const responses = await Promise.all(Array.from({ length: 10 }, () => placeOrder('order-burst')));
    expect(await orderCount()).toBe(before + 1);
    const fresh = responses.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'));
    expect(fresh).toHaveLength(1);
    const id = ((await fresh[0].json()) as Order).id;
    for (const response of responses.filter((r) => r !== fresh[0])) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 201) expect(((await response.json()) as Order).id).toBe(id);
    }
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const actor = (await authenticateApiKey(adminKey))!;
    const fingerprint = requestFingerprint('POST /api/v1/orders', JSON.stringify(orderBody()));
    // Another instance has claimed the key and is placing the order.
    expect(await claimIdempotencyKey({ scope: idempotencyScope(actor), key: 'order-running', fingerprint })).toBeNull();
    const before = await orderCount();
    const response = await placeOrder('order-running');
    expect(response.status).toBe(409);
    expect((await problemOf(response)).paths).toEqual(['Idempotency-Key']);
    expect(await orderCount()).toBe(before);
  });

  it('keeps each caller its own keys: the same key from another API key places another order', async () => {
    const before = await orderCount();
    const mine = await placeOrder('order-shared-key');
    const theirs = await placeOrder('order-shared-key', orderBody(), otherKey);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(((await theirs.json()) as Order).id).not.toBe(((await mine.json()) as Order).id);
    expect(await orderCount()).toBe(before + 2);
  });

  it('replays a refusal (4xx) too, and refuses a malformed key with 400 naming the header', async () => {
    const refused = await placeOrder('order-invalid', { customerId: customer.id, items: [] });
    expect(refused.status).toBe(422);
    const again = await placeOrder('order-invalid', { customerId: customer.id, items: [] });
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    for (const bad of ['x'.repeat(256), 'caf\u00e9', '   ']) {
      const response = await call(ordersRoute.POST, 'POST', '/orders', { key: adminKey, body: orderBody(), headers: { 'idempotency-key': bad } });
      expect(response.status, bad).toBe(400);
      expect((await problemOf(response)).detail).toMatch(/Idempotency-Key/);
    }
    // The draft's structured-field spelling, in quotes, is the same key as the bare one.
    const before = await orderCount();
    await placeOrder('order-quoted');
    expect((await placeOrder('"order-quoted"')).headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount()).toBe(before + 1);
  });

  it('replays Completion-Applied: true to a retried completion, which still completes once', async () => {
    const order = (await (await placeOrder('order-to-complete')).json()) as Order;
    const complete = () => call(completeRoute.POST, 'POST', `/orders/${order.id}/complete`, { key: adminKey, params: { id: order.id }, headers: { 'idempotency-key': 'complete-1' } });
    const first = await complete();
    const retried = await complete();
    expect([first.headers.get('completion-applied'), retried.headers.get('completion-applied')]).toEqual(['true', 'true']);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    // Without the key, the second completion learns that it applied nothing.
    const plain = await call(completeRoute.POST, 'POST', `/orders/${order.id}/complete`, { key: adminKey, params: { id: order.id } });
    expect(plain.headers.get('completion-applied')).toBe('false');
  });
});

describe(`refunds with a used key (${TEST_DB_KIND})`, () => {
  async function completedOrder(): Promise<Order> {
    const order = (await (await placeOrder(crypto.randomUUID())).json()) as Order;
    await call(completeRoute.POST, 'POST', `/orders/${order.id}/complete`, { key: adminKey, params: { id: order.id } });
    return order;
  }

  const refund = (order: Order, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(refundRoute.POST, 'POST', `/orders/${order.id}/refund`, { key: adminKey, params: { id: order.id }, body, headers });

  it('answers 422 to a refund retried with the key and another amount, by header or by body field, and refunds once', async () => {
    const order = await completedOrder();
    expect((await refund(order, { amount: 300 }, { 'idempotency-key': 'refund-h' })).status).toBe(200);
    const byHeader = await refund(order, { amount: 400 }, { 'idempotency-key': 'refund-h' });
    expect(byHeader.status).toBe(422);
    expect((await problemOf(byHeader)).paths).toEqual(['Idempotency-Key']);

    expect((await refund(order, { amount: 200, idempotencyKey: 'refund-b' })).status).toBe(200);
    const byField = await refund(order, { amount: 250, idempotencyKey: 'refund-b' });
    expect(byField.status).toBe(422);
    expect((await problemOf(byField)).paths).toEqual(['idempotencyKey']);
    // The same amount again is a retry.
    expect(await (await refund(order, { amount: 200, idempotencyKey: 'refund-b' })).json()).toMatchObject({ refundedTotal: 500 });
  });
});

describe(`Idempotency-Key on the store API (${TEST_DB_KIND})`, () => {
  it('adds one address for a repeated POST /store/me/addresses with one key, and keeps shoppers apart', async () => {
    const ada = await signUpStoreCustomer({ email: 'ada@idem.test', firstName: 'Ada', lastName: 'Lovelace' });
    const bob = await signUpStoreCustomer({ email: 'bob@idem.test', firstName: 'Bob', lastName: 'Builder' });
    const body = { line1: '12 St James Square', city: 'London', countryCode: 'GB' };
    const add = (cookie: string) => call(storeAddressesRoute.POST, 'POST', '/store/me/addresses', { headers: { cookie, 'idempotency-key': 'address-1' }, body });
    const first = await add(ada.cookie);
    const retried = await add(ada.cookie);
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await add(bob.cookie)).headers.get('idempotent-replayed')).toBeNull();
    const rows = async (customerId: string) => getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId));
    expect(await rows(ada.customerId)).toHaveLength(1);
    expect(await rows(bob.customerId)).toHaveLength(1);
  });
});
