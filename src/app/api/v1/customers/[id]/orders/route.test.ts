import { beforeAll, describe, expect, it } from 'vitest';

import { orderSummarySchema, pageOf } from '@/http/openapi/schemas';
import type { Customer, CustomerDetail, Order, OrderSummary, Page } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as ordersRoute from '../../../orders/route';
import * as customersRoute from '../../route';
import * as customerRoute from '../route';
import * as historyRoute from './route';

withTestDatabase();

let key: string;
beforeAll(async () => {
  key = await apiKey('staff');
});

async function newCustomer(firstName: string): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key, body: { firstName, email: `${crypto.randomUUID()}@example.com` } });
  expect(response.status).toBe(201);
  return (await response.json()) as Customer;
}

async function place(customerId: string, placedAt: string): Promise<Order> {
  const response = await call(ordersRoute.POST, 'POST', '/orders', { key, body: { customerId, items: [{ sku: 'S', name: 'Sock', quantity: 1, unitPrice: 500 }], placedAt } });
  expect(response.status).toBe(201);
  return (await response.json()) as Order;
}

function history(id: string, query = ''): Promise<Response> {
  return call(historyRoute.GET, 'GET', `/customers/${id}/orders${query ? `?${query}` : ''}`, { key, params: { id } });
}

async function historyPage(id: string, query = ''): Promise<Page<OrderSummary>> {
  const response = await history(id, query);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as Page<OrderSummary>;
}

describe(`GET /api/v1/customers/{id}/orders (${TEST_DB_KIND})`, () => {
  const ORDERS = 13;
  let regular: Customer;
  let newestFirst: string[];

  beforeAll(async () => {
    regular = await newCustomer('Regular');
    const other = await newCustomer('Neighbour');
    const placed: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      // Pairs of orders share a placement time, so pages must break ties by id to neither skip nor repeat.
      const day = String(1 + Math.floor(i / 2)).padStart(2, '0');
      placed.push(await place(regular.id, `2024-02-${day}T12:00:00Z`));
      if (i % 4 === 0) await place(other.id, `2024-02-${day}T12:00:00Z`);
    }
    newestFirst = placed
      .sort((a, b) => (a.placedAt === b.placedAt ? (a.id < b.id ? 1 : -1) : a.placedAt < b.placedAt ? 1 : -1))
      .map((o) => o.id);
  });

  it('pages through all of the customer’s orders, newest first, each once, and only theirs', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<OrderSummary> = await historyPage(regular.id, `limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(pageOf(orderSummarySchema.strict()).safeParse(page).error).toBeUndefined();
      sizes.push(page.data.length);
      seen.push(...page.data.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([5, 5, 3]);
    expect(cursor).toBeNull();
    expect(seen).toEqual(newestFirst);
  });

  it('continues from the ordersNextCursor of GET /customers/{id}, which carries the newest ten', async () => {
    const response = await call(customerRoute.GET, 'GET', `/customers/${regular.id}`, { key, params: { id: regular.id } });
    const detail = (await response.json()) as CustomerDetail;
    expect(detail.orders.map((o) => o.id)).toEqual(newestFirst.slice(0, 10));
    expect(detail.ordersNextCursor).toEqual(expect.any(String));
    const rest = await historyPage(regular.id, `cursor=${encodeURIComponent(detail.ordersNextCursor!)}`);
    expect(rest).toEqual({ data: expect.any(Array), nextCursor: null });
    expect(rest.data.map((o) => o.id)).toEqual(newestFirst.slice(10));
  });

  it('defaults to pages of 50 and answers an empty page for a customer without orders', async () => {
    expect((await historyPage(regular.id)).data).toHaveLength(ORDERS);
    const newcomer = await newCustomer('Newcomer');
    expect(await historyPage(newcomer.id)).toEqual({ data: [], nextCursor: null });
  });

  it.each([['an unknown customer', crypto.randomUUID()], ['a malformed id', 'nope']])('answers 404 to %s', async (_, id) => {
    const response = await history(id);
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe('No customer with this id');
  });

  it('answers 404 for an unknown customer even with a valid cursor', async () => {
    const { nextCursor } = await historyPage(regular.id, 'limit=1');
    expect((await history(crypto.randomUUID(), `cursor=${encodeURIComponent(nextCursor!)}`)).status).toBe(404);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
    ['cursor', 'cursor=garbage'],
    ['cursor', `cursor=${Buffer.from('2024-01-01T00:00:00Z|not-a-uuid').toString('base64url')}`],
  ])('answers 422 naming %s for %s', async (path, query) => {
    const response = await history(regular.id, query);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual([path]);
  });
});
