import { beforeAll, describe, expect, it } from 'vitest';

import type { Customer, CustomerDetail, Order } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customerOrdersRoute from '../../customers/[id]/orders/route';
import * as customerRoute from '../../customers/[id]/route';
import * as customersRoute from '../../customers/route';
import * as ordersRoute from '../route';
import * as cancelRoute from './cancel/route';
import * as completeRoute from './complete/route';
import * as refundRoute from './refund/route';
import * as orderRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

type Action = 'complete' | 'cancel' | 'refund';
const HANDLERS = { complete: completeRoute.POST, cancel: cancelRoute.POST, refund: refundRoute.POST };

interface ActionOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

function act(action: Action, id: string, options: ActionOptions = {}): Promise<Response> {
  return call(HANDLERS[action], 'POST', `/orders/${id}/${action}`, { key: adminKey, params: { id }, ...options });
}

async function actOk(action: Action, id: string, options: ActionOptions = {}): Promise<Order> {
  const response = await act(action, id, options);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as Order;
}

async function getOrder(id: string): Promise<Order> {
  const response = await call(orderRoute.GET, 'GET', `/orders/${id}`, { key: staffKey, params: { id } });
  expect(response.status).toBe(200);
  return (await response.json()) as Order;
}

async function metricsOf(id: string): Promise<CustomerDetail['metrics']> {
  const response = await call(customerRoute.GET, 'GET', `/customers/${id}`, { key: staffKey, params: { id } });
  return ((await response.json()) as CustomerDetail).metrics;
}

let customer: Customer;
beforeAll(async () => {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Life', lastName: 'Cycle', email: 'lifecycle@example.com' } });
  customer = (await response.json()) as Customer;
});

/** A new pending order of 2 × 1250 + 499 shipping = 2999, or completed if asked. */
async function newOrder(status: 'pending' | 'completed' = 'pending'): Promise<Order> {
  const response = await call(ordersRoute.POST, 'POST', '/orders', {
    key: staffKey,
    body: { customerId: customer.id, items: [{ sku: 'MUG-1', name: 'Mug', quantity: 2, unitPrice: 1250 }], shippingTotal: 499 },
  });
  expect(response.status).toBe(201);
  const order = (await response.json()) as Order;
  return status === 'completed' ? actOk('complete', order.id) : order;
}

describe(`illegal transitions (${TEST_DB_KIND})`, () => {
  it('answers 409 with the reason to a refund of a pending order, and changes nothing', async () => {
    const order = await newOrder();
    const before = await metricsOf(customer.id);
    const response = await act('refund', order.id, { body: { amount: 100 } });
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.detail).toBe(`Order ${order.orderNumber} is pending, so it cannot be refunded`);
    expect(await getOrder(order.id)).toEqual(order);
    expect(await metricsOf(customer.id)).toEqual(before);
  });

  it('answers 409 to completing a cancelled order and to cancelling it again', async () => {
    const order = await newOrder();
    const cancelled = await actOk('cancel', order.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    const complete = await act('complete', order.id);
    expect(complete.status).toBe(409);
    expect((await problemOf(complete)).detail).toBe(`Order ${order.orderNumber} is cancelled, so it cannot be completed`);
    expect((await act('cancel', order.id)).status).toBe(409);
    expect(await getOrder(order.id)).toEqual(cancelled);
  });

  it('cancelling a completed order takes it back out of the customer stats', async () => {
    const before = await metricsOf(customer.id);
    const order = await newOrder('completed');
    expect(await metricsOf(customer.id)).toMatchObject({ orderCount: before.orderCount + 1, totalSpend: before.totalSpend + 2999 });
    await actOk('cancel', order.id);
    expect(await metricsOf(customer.id)).toMatchObject({ orderCount: before.orderCount, totalSpend: before.totalSpend });
  });
});

describe(`refund amounts (${TEST_DB_KIND})`, () => {
  it.each([
    ['more than remains', { amount: 3000 }],
    ['zero', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['a decimal', { amount: 10.5 }],
    ['text', { amount: 'all' }],
  ])('answers 422 naming amount to %s, and refunds nothing', async (_, body) => {
    const order = await newOrder('completed');
    const before = await metricsOf(customer.id);
    const response = await act('refund', order.id, { body });
    expect(response.status).toBe(422);
    expect(new Set((await problemOf(response)).paths)).toEqual(new Set(['amount']));
    expect(await getOrder(order.id)).toMatchObject({ status: 'completed', refundedTotal: 0 });
    expect(await metricsOf(customer.id)).toEqual(before);
  });

  it('names what remains when a second refund asks for more than that', async () => {
    const order = await newOrder('completed');
    await actOk('refund', order.id, { body: { amount: 2000 } });
    const response = await act('refund', order.id, { body: { amount: 1000 } });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toEqual([{ path: 'amount', message: expect.stringMatching(/^At most 999 minor units remain/) }]);
    expect(await getOrder(order.id)).toMatchObject({ status: 'partially_refunded', refundedTotal: 2000 });
  });

  it('answers 422 naming an unknown field, and the reason when it is too long', async () => {
    const order = await newOrder('completed');
    expect((await problemOf(await act('refund', order.id, { body: { amount: 100, note: 'typo' } }))).paths).toEqual(['note']);
    expect((await problemOf(await act('refund', order.id, { body: { reason: 'x'.repeat(501) } }))).paths).toEqual(['reason']);
    expect((await getOrder(order.id)).refundedTotal).toBe(0);
  });
});

describe(`idempotent refunds (${TEST_DB_KIND})`, () => {
  it('refunds once when a request with the same Idempotency-Key header is retried', async () => {
    const order = await newOrder('completed');
    const before = await metricsOf(customer.id);
    const headers = { 'idempotency-key': 'refund-7f3a' };
    const first = await actOk('refund', order.id, { body: { amount: 500 }, headers });
    const retried = await actOk('refund', order.id, { body: { amount: 500 }, headers });
    expect(first).toMatchObject({ status: 'partially_refunded', refundedTotal: 500 });
    expect(retried).toEqual(first);
    expect(await metricsOf(customer.id)).toMatchObject({ totalSpend: before.totalSpend - 500, orderCount: before.orderCount });
    // A new key is a new refund.
    expect(await actOk('refund', order.id, { body: { amount: 500 }, headers: { 'idempotency-key': 'refund-8b1c' } })).toMatchObject({ refundedTotal: 1000 });
  });

  it('refunds once when retries with one key arrive at the same time', async () => {
    const order = await newOrder('completed');
    const responses = await Promise.all(Array.from({ length: 6 }, () => act('refund', order.id, { body: { amount: 700 }, headers: { 'idempotency-key': 'burst' } })));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await getOrder(order.id)).toMatchObject({ refundedTotal: 700 });
  });

  it('treats the body field and the header as the same key, and refuses two different keys', async () => {
    const order = await newOrder('completed');
    await actOk('refund', order.id, { body: { amount: 300, idempotencyKey: 'same' } });
    expect(await actOk('refund', order.id, { body: { amount: 300 }, headers: { 'idempotency-key': 'same' } })).toMatchObject({ refundedTotal: 300 });
    const both = await act('refund', order.id, { body: { amount: 300, idempotencyKey: 'one' }, headers: { 'idempotency-key': 'other' } });
    expect(both.status).toBe(422);
    expect((await problemOf(both)).paths).toEqual(['idempotencyKey']);
    expect((await getOrder(order.id)).refundedTotal).toBe(300);
  });
});

describe(`roles and credentials (${TEST_DB_KIND})`, () => {
  it('answers 403 to a staff key that refunds or cancels, and changes nothing; staff may complete', async () => {
    const order = await newOrder('completed');
    const before = await metricsOf(customer.id);
    for (const action of ['refund', 'cancel'] as const) {
      const response = await act(action, order.id, { key: staffKey });
      expect(response.status, action).toBe(403);
      expect((await problemOf(response)).detail).toMatch(/owner or admin/);
    }
    expect(await getOrder(order.id)).toMatchObject({ status: 'completed', refundedTotal: 0 });
    expect(await metricsOf(customer.id)).toEqual(before);
    const pending = await newOrder();
    expect((await act('complete', pending.id, { key: staffKey })).status).toBe(200);
  });

  it('answers 401 without credentials on every order route, and changes nothing', async () => {
    const order = await newOrder();
    const params = { id: order.id };
    const responses = await Promise.all([
      call(ordersRoute.GET, 'GET', '/orders', {}),
      call(ordersRoute.POST, 'POST', '/orders', { body: { customerId: customer.id, items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 1 }] } }),
      call(orderRoute.GET, 'GET', `/orders/${order.id}`, { params }),
      call(customerOrdersRoute.GET, 'GET', `/customers/${customer.id}/orders`, { params: { id: customer.id } }),
      ...(['complete', 'cancel', 'refund'] as const).map((action) => act(action, order.id, { key: null })),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await getOrder(order.id)).toEqual(order);
  });

  it.each([['an unknown id', crypto.randomUUID()], ['a malformed id', 'not-a-uuid']])('answers 404 to %s on every order route', async (_, id) => {
    const responses = [await call(orderRoute.GET, 'GET', `/orders/${id}`, { key: staffKey, params: { id } })];
    for (const action of ['complete', 'cancel', 'refund'] as const) responses.push(await act(action, id));
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect((await problemOf(response)).detail).toBe('No order with this id');
    }
  });
});

describe(`bodies of complete and cancel (${TEST_DB_KIND})`, () => {
  it('accepts no body or {}, refuses a form body (400) and stray fields (422)', async () => {
    const order = await newOrder();
    expect((await act('complete', order.id, { rawBody: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    const stray = await act('complete', order.id, { body: { status: 'completed' } });
    expect(stray.status).toBe(422);
    expect((await problemOf(stray)).paths).toEqual(['status']);
    expect((await getOrder(order.id)).status).toBe('pending');
    expect(await actOk('complete', order.id, { body: {} })).toMatchObject({ status: 'completed' });
    expect(await actOk('cancel', order.id)).toMatchObject({ status: 'cancelled' });
  });
});
