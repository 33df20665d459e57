import { asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { orderItems, orders } from '@/db/schema';
import type { Order, OrderSummary, Page, StoreOrder } from '@/lib/types';
import { completeOrder, createOrder } from '@/services/orders';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signUpStoreCustomer, type StoreCustomerSession } from '@/test/store-session';

import { call, problemOf, SYSTEM } from '@/http/test-http';
import * as orderRoute from './[id]/route';
import * as ordersRoute from './route';

withTestDatabase();

let ada: StoreCustomerSession;
let bob: StoreCustomerSession;
const adaOrders: Order[] = [];
const bobOrders: Order[] = [];

const DAY = 24 * 60 * 60 * 1000;

async function place(customerId: string, daysAgo: number, sku: string, complete = true): Promise<Order> {
  const order = await createOrder({
    actor: SYSTEM,
    input: { customerId, items: [{ sku, name: `Item ${sku}`, quantity: 2, unitPrice: 1250 }], shippingTotal: 500, placedAt: new Date(Date.now() - daysAgo * DAY).toISOString() },
  });
  return complete ? (await completeOrder({ actor: SYSTEM, id: order.id })).order : order;
}

beforeAll(async () => {
  ada = await signUpStoreCustomer({ email: 'ada@shop.test', firstName: 'Ada', lastName: 'Lovelace' });
  bob = await signUpStoreCustomer({ email: 'bob@shop.test', firstName: 'Bob', lastName: 'Builder' });
  // Placed out of order, so that "newest first" is the API's doing.
  for (const [daysAgo, sku] of [[3, 'A3'], [1, 'A1'], [5, 'A5'], [2, 'A2'], [4, 'A4']] as const) adaOrders.push(await place(ada.customerId, daysAgo, sku));
  bobOrders.push(await place(bob.customerId, 1, 'B1'), await place(bob.customerId, 2, 'B2', false));
});

async function page(session: StoreCustomerSession, query: string) {
  return call(ordersRoute.GET, 'GET', `/store/me/orders${query}`, { headers: { cookie: session.cookie } });
}

async function bobRows() {
  const ids = bobOrders.map((o) => o.id);
  return {
    orders: await getDb().select().from(orders).where(inArray(orders.id, ids)).orderBy(asc(orders.id)),
    items: await getDb().select().from(orderItems).where(inArray(orderItems.orderId, ids)).orderBy(asc(orderItems.id)),
  };
}

describe(`/api/v1/store/me/orders (${TEST_DB_KIND})`, () => {
  it('lists only the customer’s own orders, newest first, page by page', async () => {
    const seen: OrderSummary[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const response = await page(ada, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Page<OrderSummary>;
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data);
      cursor = body.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    const newestFirst = [...adaOrders].sort((a, b) => b.placedAt.localeCompare(a.placedAt)).map((o) => o.id);
    expect(seen.map((o) => o.id)).toEqual(newestFirst);
    expect(seen[0]).toMatchObject({ status: 'completed', total: 3000, currency: adaOrders[0].currency, itemCount: 2 });
  });

  it('defaults to a page of 20 and names an out-of-range limit', async () => {
    const all = (await (await page(ada, '')).json()) as Page<OrderSummary>;
    expect(all.data).toHaveLength(5);
    expect(all.nextCursor).toBeNull();
    for (const limit of ['0', '101', 'many']) {
      const response = await page(ada, `?limit=${limit}`);
      expect(response.status, limit).toBe(422);
      expect((await problemOf(response)).paths, limit).toEqual(['limit']);
    }
    expect((await page(ada, '?limit=100')).status).toBe(200);
  });

  it('shows one order with its items and without who at the shop entered it', async () => {
    const order = adaOrders[1];
    const response = await call(orderRoute.GET, 'GET', `/store/me/orders/${order.id}`, { headers: { cookie: ada.cookie }, params: { id: order.id } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as StoreOrder & Record<string, unknown>;
    expect(body).toMatchObject({ id: order.id, orderNumber: order.orderNumber, customerId: ada.customerId, subtotal: 2500, shippingTotal: 500, total: 3000, status: 'completed' });
    expect(body.items).toEqual([expect.objectContaining({ sku: 'A1', name: 'Item A1', quantity: 2, unitPrice: 1250, lineTotal: 2500 })]);
    expect(body).not.toHaveProperty('createdById');
    expect(body).not.toHaveProperty('customer');
  });

  it("answers 404 to another customer's order ids, like an unknown id, and never lists them", async () => {
    const before = await bobRows();
    for (const { id } of bobOrders) {
      const response = await call(orderRoute.GET, 'GET', `/store/me/orders/${id}`, { headers: { cookie: ada.cookie }, params: { id } });
      expect(response.status).toBe(404);
      expect((await problemOf(response)).detail).toBe('No order with this id');
    }
    const unknown = crypto.randomUUID();
    const missing = await call(orderRoute.GET, 'GET', `/store/me/orders/${unknown}`, { headers: { cookie: ada.cookie }, params: { id: unknown } });
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe('No order with this id');

    const adaList = (await (await page(ada, '?limit=100')).json()) as Page<OrderSummary>;
    expect(adaList.data.map((o) => o.id)).not.toEqual(expect.arrayContaining([bobOrders[0].id]));
    expect(adaList.data.map((o) => o.id)).not.toEqual(expect.arrayContaining([bobOrders[1].id]));
    // A cursor made from Bob's newest order pages through Ada's orders only.
    const bobPage = (await (await page(bob, '?limit=1')).json()) as Page<OrderSummary>;
    expect(bobPage.data.map((o) => o.id)).toEqual([bobOrders[0].id]);
    const withBobsCursor = (await (await page(ada, `?cursor=${encodeURIComponent(bobPage.nextCursor!)}`)).json()) as Page<OrderSummary>;
    expect(withBobsCursor.data.every((o) => !bobOrders.some((b) => b.id === o.id))).toBe(true);

    expect(await bobRows()).toEqual(before);
    const [bobsPending] = await getDb().select().from(orders).where(eq(orders.id, bobOrders[1].id));
    expect(bobsPending.status).toBe('pending');
  });
});
