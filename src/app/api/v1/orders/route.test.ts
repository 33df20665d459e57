import { beforeAll, describe, expect, it } from 'vitest';

import { customerDetailSchema, orderListItemSchema, orderSchema, pageOf } from '@/http/openapi/schemas';
import type { Customer, CustomerDetail, Order, Page } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as addressesRoute from '../customers/[id]/addresses/route';
import * as customerRoute from '../customers/[id]/route';
import * as customersRoute from '../customers/route';
import * as completeRoute from './[id]/complete/route';
import * as refundRoute from './[id]/refund/route';
import * as orderRoute from './[id]/route';
import * as ordersRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

type OrderListPage = Page<Order & { customerName: string }>;

async function newCustomer(firstName: string): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName, lastName: 'Buyer', email: `${crypto.randomUUID()}@example.com` } });
  expect(response.status).toBe(201);
  return (await response.json()) as Customer;
}

async function place(body: Record<string, unknown>): Promise<Order> {
  const response = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await response.json()) as Order;
}

async function list(query: string): Promise<OrderListPage> {
  const response = await call(ordersRoute.GET, 'GET', `/orders?${query}`, { key: staffKey });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as OrderListPage;
}

async function detail(id: string): Promise<CustomerDetail> {
  const response = await call(customerRoute.GET, 'GET', `/customers/${id}`, { key: staffKey, params: { id } });
  expect(response.status).toBe(200);
  return (await response.json()) as CustomerDetail;
}

const orderAction = (handler: Parameters<typeof call<{ id: string }>>[0], action: string, id: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  call(handler, 'POST', `/orders/${id}/${action}`, { key: adminKey, params: { id }, ...options });

// Items compared as a set: order_items has no position column, so a read does not promise the order they were entered in.
const itemsSorted = (order: Order) => ({ ...order, items: [...order.items].sort((a, b) => a.id.localeCompare(b.id)) });

const mug = { sku: 'MUG-1', name: 'Enamel mug', quantity: 2, unitPrice: 1250 };

describe(`orders through the REST API (${TEST_DB_KIND})`, () => {
  it('places, lists, completes twice (counted once), then refunds part and the rest, with the customer following each step', async () => {
    const ada = await newCustomer('Ada');
    const other = await newCustomer('Other');

    // Create: pending, totals in minor units, a Location to fetch it by.
    const response = await call(ordersRoute.POST, 'POST', '/orders', {
      key: staffKey,
      body: { customerId: ada.id, items: [mug, { sku: 'TEA-9', name: ' Loose tea ', quantity: 1, unitPrice: 799 }], shippingTotal: 499, taxTotal: 100, discountTotal: 300, placedAt: '2024-03-05T10:00:00Z' },
    });
    expect(response.status).toBe(201);
    const order = (await response.json()) as Order;
    expect(orderSchema.strict().safeParse(order).error).toBeUndefined();
    expect(response.headers.get('location')).toBe(`/api/v1/orders/${order.id}`);
    expect(order).toMatchObject({ status: 'pending', subtotal: 3299, total: 3299 - 300 + 100 + 499, itemCount: 3, refundedTotal: 0, placedAt: '2024-03-05T10:00:00.000Z', completedAt: null });
    expect(order.customer).toEqual({ id: ada.id, name: 'Ada Buyer', email: ada.email });
    expect(order.items.map((item) => [item.name, item.lineTotal])).toEqual([['Enamel mug', 2500], ['Loose tea', 799]]);
    const total = order.total;
    const elsewhere = await place({ customerId: other.id, items: [mug], placedAt: '2024-01-20T09:00:00Z' });

    // List: filters by customer, status and placement dates; each row says whose order it is.
    const mine = await list(`customerId=${ada.id}`);
    expect(pageOf(orderListItemSchema.strict()).safeParse(mine).error).toBeUndefined();
    expect(mine).toEqual({ data: [expect.objectContaining({ id: order.id, customerId: ada.id, customerName: 'Ada Buyer', total })], nextCursor: null });
    expect((await list('status=pending&limit=200')).data.map((o) => o.id)).toEqual([order.id, elsewhere.id]);
    expect((await list('placedAfter=2024-03-01&limit=200')).data.map((o) => o.id)).toEqual([order.id]);
    expect((await list('placedBefore=2024-02-01&limit=200')).data.map((o) => o.id)).toEqual([elsewhere.id]);
    expect((await list('status=completed')).data).toEqual([]);

    const fetched = await call(orderRoute.GET, 'GET', `/orders/${order.id}`, { key: staffKey, params: { id: order.id } });
    expect(fetched.status).toBe(200);
    expect(itemsSorted((await fetched.json()) as Order)).toEqual(itemsSorted(order));

    // Complete twice: both 200, the header tells which call applied it, and the customer counts it once.
    const first = await orderAction(completeRoute.POST, 'complete', order.id, { key: staffKey });
    expect(first.status).toBe(200);
    expect(first.headers.get('completion-applied')).toBe('true');
    const completed = (await first.json()) as Order;
    expect(completed).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    const again = await orderAction(completeRoute.POST, 'complete', order.id, { key: staffKey });
    expect(again.status).toBe(200);
    expect(again.headers.get('completion-applied')).toBe('false');
    expect(itemsSorted((await again.json()) as Order)).toEqual(itemsSorted(completed));
    const afterCompletion = await detail(ada.id);
    expect(customerDetailSchema.strict().safeParse(afterCompletion).error).toBeUndefined();
    expect(afterCompletion.metrics).toMatchObject({ orderCount: 1, totalSpend: total, averageOrderValue: total, firstOrderDate: '2024-03-05T10:00:00.000Z', lastOrderDate: '2024-03-05T10:00:00.000Z' });
    expect(afterCompletion.orders).toEqual([expect.objectContaining({ id: order.id, status: 'completed' })]);
    expect((await list('status=completed')).data.map((o) => o.id)).toEqual([order.id]);

    // Partial refund: off the spend, the order still counts.
    const partial = await orderAction(refundRoute.POST, 'refund', order.id, { body: { amount: 1000, reason: 'Chipped mug' } });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ status: 'partially_refunded', refundedTotal: 1000 });
    expect((await detail(ada.id)).metrics).toMatchObject({ orderCount: 1, totalSpend: total - 1000 });

    // No amount refunds the rest; the order still counts, with its date, for nothing.
    const rest = await orderAction(refundRoute.POST, 'refund', order.id, { body: { reason: 'Returned' } });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ status: 'refunded', refundedTotal: total });
    expect((await detail(ada.id)).metrics).toMatchObject({ orderCount: 1, totalSpend: 0, averageOrderValue: 0, lastOrderDate: '2024-03-05T10:00:00.000Z' });

    const nothingLeft = await orderAction(refundRoute.POST, 'refund', order.id, { body: {} });
    expect(nothingLeft.status).toBe(409);
    expect((await problemOf(nothingLeft)).detail).toMatch(/is refunded, so it cannot be refunded/);
    expect((await detail(other.id)).metrics).toMatchObject({ orderCount: 0, totalSpend: 0 });
  });
});

describe(`POST /api/v1/orders (${TEST_DB_KIND})`, () => {
  let customer: Customer;
  beforeAll(async () => {
    customer = await newCustomer('Validated');
  });

  async function orderCount(): Promise<number> {
    return (await list(`customerId=${customer.id}&limit=200`)).data.length;
  }

  it.each([
    ['customerId', () => ({ customerId: crypto.randomUUID(), items: [mug] })],
    ['customerId', () => ({ customerId: 'ada', items: [mug] })],
    ['items', () => ({ customerId: customer.id, items: [] })],
    ['items', () => ({ customerId: customer.id })],
    ['items.0.quantity', () => ({ customerId: customer.id, items: [{ ...mug, quantity: 1.5 }] })],
    ['items.0.quantity', () => ({ customerId: customer.id, items: [{ ...mug, quantity: 0 }] })],
    ['items.0.unitPrice', () => ({ customerId: customer.id, items: [{ ...mug, unitPrice: 12.5 }] })],
    ['items.0.unitPrice', () => ({ customerId: customer.id, items: [{ ...mug, unitPrice: '1250' }] })],
    ['items.0.sku', () => ({ customerId: customer.id, items: [{ ...mug, sku: '  ' }] })],
    ['discountTotal', () => ({ customerId: customer.id, items: [mug], discountTotal: 2501 })],
    ['shippingTotal', () => ({ customerId: customer.id, items: [mug], shippingTotal: -1 })],
    ['placedAt', () => ({ customerId: customer.id, items: [mug], placedAt: '2999-01-01' })],
    ['placedAt', () => ({ customerId: customer.id, items: [mug], placedAt: 'yesterday' })],
    ['currency', () => ({ customerId: customer.id, items: [mug], currency: 'USD' })],
    ['total', () => ({ customerId: customer.id, items: [mug], total: 1 })],
    ['status', () => ({ customerId: customer.id, items: [mug], status: 'completed' })],
  ])('answers 422 naming %s, and stores nothing', async (path, body) => {
    const before = await orderCount();
    const response = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, body: body() });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.paths).toContain(path);
    expect(await orderCount()).toBe(before);
  });

  it('answers 400 to malformed JSON and to a form body', async () => {
    const malformed = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, rawBody: '{"customerId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    const form = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, rawBody: `customerId=${customer.id}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(400);
  });
});

describe(`GET /api/v1/orders (${TEST_DB_KIND})`, () => {
  it('pages through every order once, newest first, ending with nextCursor null', async () => {
    const customer = await newCustomer('Pager');
    // Two orders share a placement time, so the id has to break the tie.
    for (const placedAt of ['2023-05-01T08:00:00Z', '2023-05-02T08:00:00Z', '2023-05-02T08:00:00Z', '2023-06-01T08:00:00Z', '2023-07-01T08:00:00Z']) {
      await place({ customerId: customer.id, items: [mug], placedAt });
    }
    const everything = await list(`customerId=${customer.id}&limit=200`);
    expect(everything.data).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: OrderListPage = await list(`customerId=${customer.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toEqual(everything.data.map((o) => o.id));
    const times = everything.data.map((o) => o.placedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it.each([
    ['status', 'status=shipped'],
    ['customerId', 'customerId=ada'],
    ['placedAfter', 'placedAfter=yesterday'],
    ['placedBefore', 'placedBefore=99999-01-01'],
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
    ['cursor', 'cursor=not-a-cursor'],
  ])('answers 422 naming %s for %s', async (path, query) => {
    const response = await call(ordersRoute.GET, 'GET', `/orders?${query}`, { key: staffKey });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual([path]);
  });

  it("copies the customer's default address, takes an address or one of the customer's by id, refuses anyone else's with a 422 naming the field, and answers both on GET", async () => {
    const customer = await newCustomer('Addressed');
    const stranger = await newCustomer('Stranger');
    const addAddress = async (customerId: string, body: Record<string, unknown>) => {
      const response = await call(addressesRoute.POST, 'POST', `/customers/${customerId}/addresses`, { key: adminKey, params: { id: customerId }, body });
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
      return (await response.json()) as { id: string };
    };
    const home = { firstName: 'Ada', lastName: 'Buyer', line1: '3 Mill Lane', city: 'York', postalCode: 'YO1 7HH', countryCode: 'GB' };
    const homeId = (await addAddress(customer.id, home)).id;
    const strangerAddress = await addAddress(stranger.id, { ...home, line1: '8 Other Street' });

    const placed = await place({ customerId: customer.id, items: [mug] });
    expect(placed.shippingAddress).toMatchObject(home);
    expect(placed.billingAddress).toEqual(placed.shippingAddress);
    const got = await call(orderRoute.GET, 'GET', `/orders/${placed.id}`, { key: staffKey, params: { id: placed.id } });
    const read = (await got.json()) as Order;
    expect(orderSchema.parse(read)).toMatchObject({ shippingAddress: { line1: '3 Mill Lane', company: null }, billingAddress: { line1: '3 Mill Lane' } });

    const given = await place({ customerId: customer.id, items: [mug], shippingAddress: { line1: '1 Gift Row', city: 'Bath', countryCode: 'gb' }, billingAddressId: homeId });
    expect(given).toMatchObject({ shippingAddress: { line1: '1 Gift Row', countryCode: 'GB', firstName: '' }, billingAddress: { line1: '3 Mill Lane' } });

    for (const [body, path] of [
      [{ shippingAddressId: strangerAddress.id }, 'shippingAddressId'],
      [{ billingAddressId: 'not-a-uuid' }, 'billingAddressId'],
      [{ shippingAddress: { line1: '1 Gift Row', city: 'Bath', countryCode: 'GB', postcode: 'BA1' } }, 'shippingAddress.postcode'],
      [{ shippingAddress: { line1: '', city: 'Bath', countryCode: 'GB' } }, 'shippingAddress.line1'],
    ] as const) {
      const response = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, body: { customerId: customer.id, items: [mug], ...body } });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).paths).toEqual([path]);
    }
  });
});
