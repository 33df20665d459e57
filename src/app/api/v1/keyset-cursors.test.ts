// Every keyset-paged list refuses a cursor whose keys PostgreSQL could not cast with 422 naming `cursor` (it used to be
// a 500 from the failed cast), and still answers a cursor whose keys are just inside the range.
import { beforeAll, describe, expect, it } from 'vitest';

import type { Customer } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as campaignsRoute from './campaigns/route';
import * as suggestionsRoute from './classification-suggestions/route';
import * as eventsRoute from './customers/[id]/events/route';
import * as customerOrdersRoute from './customers/[id]/orders/route';
import * as customersRoute from './customers/route';
import * as discountsRoute from './discounts/route';
import * as ordersRoute from './orders/route';

withTestDatabase();

const ID = '0b7e3c1e-5a4f-4d6e-9f8a-2c3b4d5e6f70';
const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** A cursor in the one wire format (services/keyset-cursor.ts), with whatever keys a client cares to send. */
const cursor = (list: string, keys: unknown[]) => base64url(JSON.stringify({ l: list, k: keys }));

let adminKey: string;
let customer: Customer;

type Route = { GET: Parameters<typeof call>[0] };
const LISTS: Record<string, { route: Route; path: () => string; params?: () => { id: string } }> = {
  customers: { route: customersRoute as Route, path: () => '/customers' },
  orders: { route: ordersRoute as Route, path: () => '/orders' },
  'customer orders': { route: customerOrdersRoute as Route, path: () => `/customers/${customer.id}/orders`, params: () => ({ id: customer.id }) },
  'customer events': { route: eventsRoute as Route, path: () => `/customers/${customer.id}/events`, params: () => ({ id: customer.id }) },
  campaigns: { route: campaignsRoute as Route, path: () => '/campaigns' },
  'classification suggestions': { route: suggestionsRoute as Route, path: () => '/classification-suggestions' },
  discounts: { route: discountsRoute as Route, path: () => '/discounts' },
};

/** GET the list with the query, then the cursor. */
async function get(list: keyof typeof LISTS, query: string, value: string): Promise<Response> {
  const { route, path, params } = LISTS[list];
  return call(route.GET, 'GET', `${path()}?${query}${query ? '&' : ''}cursor=${encodeURIComponent(value)}`, { key: adminKey, params: params?.() });
}

beforeAll(async () => {
  adminKey = await apiKey('admin');
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Cursor', email: 'cursor@example.com' } });
  customer = (await response.json()) as Customer;
});

describe(`crafted keyset cursors (${TEST_DB_KIND})`, () => {
  it.each([
    // The robustness issue's cursors, in the wire formats of the time.
    ['customers', 'sort=orderCount:desc', base64url(JSON.stringify(['orderCount:desc', '2147483648', ID]))],
    ['customers', 'sort=createdAt:desc', base64url(JSON.stringify(['createdAt:desc', '2024-02-30 10:00:00', ID]))],
    ['customers', 'sort=lastOrderDate:desc', base64url(JSON.stringify(['lastOrderDate:desc', '0000-01-01 00:00:00', ID]))],
    ['classification suggestions', '', base64url(JSON.stringify(['March 7', ID]))],
    ['campaigns', '', base64url(`0000-01-01T00:00:00.000Z|${ID}`)],
    // The same keys in today's wire format.
    ['customers', 'sort=orderCount:desc', cursor('customers orderCount:desc', [2_147_483_648, ID])],
    ['customers', 'sort=totalSpend:asc', cursor('customers totalSpend:asc', [2 ** 53, ID])],
    ['customers', 'sort=createdAt:desc', cursor('customers createdAt:desc', ['2024-02-30T10:00:00.000Z', ID])],
    ['customers', 'sort=createdAt:asc', cursor('customers createdAt:asc', ['2024-02-30 10:00:00', ID])],
    ['customers', 'sort=lastOrderDate:desc', cursor('customers lastOrderDate:desc', ['0000-01-01T00:00:00.000Z', ID])],
    ['customers', 'sort=name:asc', cursor('customers name:asc', ['a\u0000b', ID])],
    ['customers', 'sort=name:asc', cursor('customers email:asc', ['ada', ID])],
    ['classification suggestions', '', cursor('classification-suggestions', ['1', ID])],
    ['classification suggestions', '', cursor('classification-suggestions', ['March 7', ID])],
    ['classification suggestions', '', cursor('classification-suggestions', ['0000-03-07T00:00:00.000Z', ID])],
    ['campaigns', '', cursor('campaigns', ['0000-01-01T00:00:00.000Z', ID])],
    ['orders', '', cursor('orders', ['+275760-09-13T00:00:00.000Z', ID])],
    ['customer orders', '', cursor('orders', ['2024-13-01T00:00:00.000Z', ID])],
    ['customer events', '', cursor('customer-events', ['2023-02-29T00:00:00.000Z', ID])],
    ['customer events', '', cursor('customer-events', ['2024-01-01T00:00:00.000Z', 'not-a-uuid'])],
    ['discounts', '', cursor('discounts', [42])],
  ])('%s (%s) answers 422 problem+json naming cursor', async (list, query, value) => {
    const response = await get(list, query, value);
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.paths).toEqual(['cursor']);
  });

  it.each([
    ['customers', 'sort=orderCount:desc', cursor('customers orderCount:desc', [2_147_483_647, ID])],
    ['customers', 'sort=totalSpend:asc', cursor('customers totalSpend:asc', [Number.MAX_SAFE_INTEGER, ID])],
    ['customers', 'sort=createdAt:desc', cursor('customers createdAt:desc', ['2024-02-29T10:00:00.000Z', ID])],
    ['customers', 'sort=lastOrderDate:desc', cursor('customers lastOrderDate:desc', [null, ID])],
    ['customers', 'sort=lastOrderDate:asc', cursor('customers lastOrderDate:asc', ['0001-01-01T00:00:00.000Z', ID])],
    ['classification suggestions', '', cursor('classification-suggestions', ['9999-12-31T23:59:59.999Z', ID])],
    ['campaigns', '', cursor('campaigns', ['0001-01-01T00:00:00.000Z', ID])],
    ['orders', '', cursor('orders', ['9999-12-31T23:59:59.999Z', ID])],
    ['customer orders', '', cursor('orders', ['2024-01-01T00:00:00.000Z', ID])],
    ['customer events', '', cursor('customer-events', ['2024-01-01T00:00:00.000Z', ID])],
    ['discounts', '', cursor('discounts', ['ZZZ'])],
  ])('%s (%s) answers 200 to keys just inside the range', async (list, query, value) => {
    const response = await get(list, query, value);
    expect(response.status, await response.clone().text()).toBe(200);
  });
});
