import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { customerAddressSchema, customerDetailSchema, customerEventSchema, customerSchema, pageOf } from '@/http/openapi/schemas';
import type { Customer, CustomerAddress, CustomerDetail, CustomerEvent, Page } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customersRoute from '../route';
import * as addressRoute from './addresses/[addressId]/route';
import * as addressesRoute from './addresses/route';
import * as eventsRoute from './events/route';
import * as customerRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

async function create(body: Record<string, unknown>): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body });
  expect(response.status).toBe(201);
  return (await response.json()) as Customer;
}

async function detail(id: string): Promise<CustomerDetail> {
  const response = await call(customerRoute.GET, 'GET', `/customers/${id}`, { key: staffKey, params: { id } });
  expect(response.status).toBe(200);
  return (await response.json()) as CustomerDetail;
}

const patch = (id: string, body: unknown, key = staffKey) => call(customerRoute.PATCH, 'PATCH', `/customers/${id}`, { key, body, params: { id } });

describe(`GET /api/v1/customers/{id} (${TEST_DB_KIND})`, () => {
  it('returns the customer with addresses, orders and metrics, as documented', async () => {
    const customer = await create({ firstName: 'Detail', email: 'detail@example.com' });
    const body = await detail(customer.id);
    expect(customerDetailSchema.strict().safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ id: customer.id, addresses: [], orders: [], ordersNextCursor: null, createdBy: null });
    expect(body.metrics).toEqual({ orderCount: 0, totalSpend: 0, averageOrderValue: 0, currency: customer.currency, firstOrderDate: null, lastOrderDate: null });
  });

  it.each([['an unknown id', crypto.randomUUID()], ['a malformed id', 'not-a-uuid']])('answers 404 to %s', async (_, id) => {
    const response = await call(customerRoute.GET, 'GET', `/customers/${id}`, { key: staffKey, params: { id } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe(`PATCH /api/v1/customers/{id} (${TEST_DB_KIND})`, () => {
  it('updates the fields sent and bumps the version', async () => {
    const customer = await create({ firstName: 'Patch', email: 'patch@example.com' });
    const response = await patch(customer.id, { company: 'Analytical Engines', version: customer.version });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as Customer;
    expect(customerSchema.strict().safeParse(updated).error).toBeUndefined();
    expect(updated).toMatchObject({ company: 'Analytical Engines', firstName: 'Patch', email: 'patch@example.com', version: customer.version + 1 });
  });

  it('leaves the fields it was not sent as they were', async () => {
    const customer = await create({ firstName: 'Keep', lastName: 'Everything', email: 'keep@example.com', notes: 'Prefers email', tags: ['vip'], emailMarketingConsent: true });
    expect((await patch(customer.id, { company: 'New Co' })).status).toBe(200);
    expect(await detail(customer.id)).toMatchObject({ lastName: 'Everything', notes: 'Prefers email', tags: ['vip'], emailMarketingConsent: true, company: 'New Co' });
  });

  it('answers 409 naming version to a stale version, and keeps the newer edit', async () => {
    const customer = await create({ firstName: 'Stale', email: 'stale@example.com' });
    expect((await patch(customer.id, { notes: 'first edit', version: customer.version })).status).toBe(200);
    const response = await patch(customer.id, { notes: 'second edit', version: customer.version }, adminKey);
    expect(response.status).toBe(409);
    expect((await problemOf(response)).paths).toEqual(['version']);
    expect((await detail(customer.id)).notes).toBe('first edit');
  });

  it('answers 409 naming email to another customer’s email in other case', async () => {
    await create({ firstName: 'Taken', email: 'taken@example.com' });
    const other = await create({ firstName: 'Free', email: 'free@example.com' });
    const response = await patch(other.id, { email: 'TAKEN@example.com' });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).paths).toEqual(['email']);
    expect((await detail(other.id)).email).toBe('free@example.com');
  });

  it.each([
    ['email', { email: 'nope' }],
    ['phone', { phone: 'call me' }],
    ['firstName', { firstName: '' }],
    ['version', { version: 'one' }],
    ['id', { id: crypto.randomUUID() }],
    ['orderCount', { orderCount: 99 }],
  ])('answers 422 naming %s, and changes nothing', async (path, body) => {
    const customer = await create({ firstName: 'Valid', email: `valid-${path}@example.com` });
    const response = await patch(customer.id, body);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toContain(path);
    expect(await detail(customer.id)).toMatchObject({ firstName: 'Valid', version: customer.version, orderCount: 0 });
  });

  it('answers 400 to malformed JSON and 404 to an unknown customer', async () => {
    const customer = await create({ firstName: 'Json', email: 'json@example.com' });
    const malformed = await call(customerRoute.PATCH, 'PATCH', `/customers/${customer.id}`, {
      key: staffKey,
      rawBody: '{"notes": ',
      headers: { 'content-type': 'application/json' },
      params: { id: customer.id },
    });
    expect(malformed.status).toBe(400);
    const id = crypto.randomUUID();
    expect((await patch(id, { notes: 'x' })).status).toBe(404);
  });
});

describe(`DELETE /api/v1/customers/{id} (${TEST_DB_KIND})`, () => {
  const remove = (id: string, key: string) => call(customerRoute.DELETE, 'DELETE', `/customers/${id}`, { key, params: { id } });

  it('answers 403 to a staff-role key and keeps the customer', async () => {
    const customer = await create({ firstName: 'Kept', email: 'kept@example.com' });
    const response = await remove(customer.id, staffKey);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toMatch(/staff/);
    expect((await detail(customer.id)).id).toBe(customer.id);
  });

  it('deletes with an admin key (204, empty), after which the customer is 404', async () => {
    const customer = await create({ firstName: 'Gone', email: 'gone@example.com' });
    const response = await remove(customer.id, adminKey);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await call(customerRoute.GET, 'GET', `/customers/${customer.id}`, { key: staffKey, params: { id: customer.id } })).status).toBe(404);
    expect((await remove(customer.id, adminKey)).status).toBe(404);
  });

  it('answers 409 for a customer with orders', async () => {
    const customer = await create({ firstName: 'Buyer', email: 'buyer@example.com' });
    // TODO(#3): place a real order once the orders service exists; the service checks the stored order count.
    await getDb().update(customers).set({ orderCount: 1 }).where(eq(customers.id, customer.id));
    const response = await remove(customer.id, adminKey);
    expect(response.status).toBe(409);
    expect((await problemOf(response)).detail).toMatch(/order/);
    expect((await detail(customer.id)).id).toBe(customer.id);
  });
});

describe(`GET /api/v1/customers/{id}/events (${TEST_DB_KIND})`, () => {
  const events = (id: string, query = '') => call(eventsRoute.GET, 'GET', `/customers/${id}/events${query}`, { key: staffKey, params: { id } });

  it('lists the timeline newest first with the acting key, keyset-paged to a null cursor', async () => {
    const customer = await create({ firstName: 'Timeline', email: 'timeline@example.com' });
    await patch(customer.id, { notes: 'one' });
    await patch(customer.id, { notes: 'two' });
    const all = (await (await events(customer.id)).json()) as Page<CustomerEvent>;
    expect(pageOf(customerEventSchema.strict()).safeParse(all).error).toBeUndefined();
    expect(all.data.map((e) => e.type)).toEqual(['customer.updated', 'customer.updated', 'customer.created']);
    expect(all.data.every((e) => e.actorType === 'api_key')).toBe(true);
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<CustomerEvent> = await (await events(customer.id, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.data).toHaveLength(1);
      seen.push(page.data[0].id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((e) => e.id));
  });

  it.each([
    ['limit', '?limit=0'],
    ['limit', '?limit=1000'],
    ['cursor', '?cursor=garbage'],
  ])('answers 422 naming %s for %s', async (path, query) => {
    const customer = await create({ firstName: 'Events', email: `events-${query.length}-${path}@example.com` });
    const response = await events(customer.id, query);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual([path]);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await events(crypto.randomUUID())).status).toBe(404);
  });

  it('answers 422 naming cursor to a cursor with an out-of-range time', async () => {
    const customer = await create({ firstName: 'Far', email: 'far-future@example.com' });
    const cursor = Buffer.from(`+275760-09-13T00:00:00.000Z|${crypto.randomUUID()}`).toString('base64url');
    expect((await events(customer.id, `?cursor=${cursor}`)).status).toBe(422);
  });
});

describe(`customer addresses (${TEST_DB_KIND})`, () => {
  let customer: Customer;
  const add = (body: unknown, customerId = customer.id) =>
    call(addressesRoute.POST, 'POST', `/customers/${customerId}/addresses`, { key: staffKey, body, params: { id: customerId } });
  const change = (addressId: string, body: unknown, customerId = customer.id) =>
    call(addressRoute.PATCH, 'PATCH', `/customers/${customerId}/addresses/${addressId}`, { key: staffKey, body, params: { id: customerId, addressId } });
  const remove = (addressId: string, customerId = customer.id) =>
    call(addressRoute.DELETE, 'DELETE', `/customers/${customerId}/addresses/${addressId}`, { key: staffKey, params: { id: customerId, addressId } });
  const defaults = async () => {
    const { addresses } = await detail(customer.id);
    return {
      shipping: addresses.filter((a) => a.isDefaultShipping).map((a) => a.id),
      billing: addresses.filter((a) => a.isDefaultBilling).map((a) => a.id),
    };
  };
  const HOME = { firstName: 'Ada', line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', countryCode: 'gb' };
  const WORK = { line1: '1 Infinite Loop', city: 'Cupertino', region: 'CA', countryCode: 'US' };

  beforeAll(async () => {
    customer = await create({ firstName: 'Addressed', email: 'addressed@example.com' });
  });

  it('adds the first address (201) as both defaults, and switches defaults when asked', async () => {
    const response = await add(HOME);
    expect(response.status).toBe(201);
    const home = (await response.json()) as CustomerAddress;
    expect(customerAddressSchema.strict().safeParse(home).error).toBeUndefined();
    expect(home).toMatchObject({ customerId: customer.id, countryCode: 'GB', isDefaultShipping: true, isDefaultBilling: true });
    expect(response.headers.get('location')).toBe(`/api/v1/customers/${customer.id}/addresses/${home.id}`);

    const work = (await (await add({ ...WORK, isDefaultShipping: true })).json()) as CustomerAddress;
    expect(await defaults()).toEqual({ shipping: [work.id], billing: [home.id] });

    const patched = await change(work.id, { isDefaultShipping: true, isDefaultBilling: true });
    expect(patched.status).toBe(200);
    expect(await defaults()).toEqual({ shipping: [work.id], billing: [work.id] });

    expect((await change(home.id, { isDefaultShipping: true, isDefaultBilling: false })).status).toBe(200);
    expect(await defaults()).toEqual({ shipping: [home.id], billing: [work.id] });

    // Removing a default hands it to the newest remaining address.
    expect((await remove(work.id)).status).toBe(204);
    expect(await defaults()).toEqual({ shipping: [home.id], billing: [home.id] });
    expect((await remove(work.id)).status).toBe(404);
  });

  it('changes only the fields sent', async () => {
    const address = (await (await add({ ...HOME, line1: '1 Keep Street', isDefaultBilling: true })).json()) as CustomerAddress;
    const response = await change(address.id, { city: 'Manchester' });
    expect(await response.json()).toMatchObject({ city: 'Manchester', firstName: 'Ada', isDefaultBilling: true });
  });

  it.each([
    ['countryCode', { ...WORK, countryCode: 'XX' }],
    ['line1', { ...WORK, line1: '' }],
    ['phone', { ...WORK, phone: 'not a phone' }],
    ['isDefault', { ...WORK, isDefault: true }],
  ])('answers 422 naming %s, and stores nothing', async (path, body) => {
    const before = (await detail(customer.id)).addresses.length;
    const response = await add(body);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toContain(path);
    expect((await detail(customer.id)).addresses).toHaveLength(before);
  });

  it('answers 422 naming countryCode when a change sets an unknown country', async () => {
    const [address] = (await detail(customer.id)).addresses;
    const response = await change(address.id, { countryCode: 'Narnia' });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual(['countryCode']);
  });

  it('answers 404 for an address of another customer, an unknown customer and malformed ids', async () => {
    const [address] = (await detail(customer.id)).addresses;
    const stranger = await create({ firstName: 'Stranger', email: 'stranger@example.com' });
    expect((await change(address.id, { city: 'Elsewhere' }, stranger.id)).status).toBe(404);
    expect((await remove(address.id, stranger.id)).status).toBe(404);
    expect((await add(WORK, crypto.randomUUID())).status).toBe(404);
    expect((await add(WORK, 'nope')).status).toBe(404);
    expect((await change('nope', { city: 'X' })).status).toBe(404);
    expect((await remove('nope')).status).toBe(404);
    expect((await detail(customer.id)).addresses.find((a) => a.id === address.id)?.city).toBe(address.city);
  });
});
