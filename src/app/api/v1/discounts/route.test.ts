import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import { discountEligibilitySchema, discountSchema } from '@/http/openapi/discount-schemas';
import { pageOf } from '@/http/openapi/schemas';
import type { Customer, Discount, DiscountEligibility, Order, Page } from '@/lib/types';
import { findCustomerGroupByName } from '@/services/customer-groups';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customersRoute from '../customers/route';
import * as ordersRoute from '../orders/route';
import * as eligibilityRoute from './[id]/eligibility/route';
import * as discountRoute from './[id]/route';
import * as discountsRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
let vip: string;
let retail: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  vip = (await findCustomerGroupByName('VIP'))!.id;
  retail = (await findCustomerGroupByName('Retail'))!.id;
});

async function newCustomer(customerGroupId: string): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Val', email: `${crypto.randomUUID()}@example.com`, customerGroupId } });
  expect(response.status).toBe(201);
  return (await response.json()) as Customer;
}

const eligibility = (id: string, query: string) => call(eligibilityRoute.GET, 'GET', `/discounts/${id}/eligibility?${query}`, { key: staffKey, params: { id } });

describe(`discounts through the REST API (${TEST_DB_KIND})`, () => {
  it('creates, reads, lists, checks eligibility, updates with a version and deletes an unused discount', async () => {
    const created = await call(discountsRoute.POST, 'POST', '/discounts', { key: adminKey, body: { code: 'vip10', kind: 'percentage', value: 10, customerGroupIds: [vip], minSubtotal: 5000 } });
    expect(created.status).toBe(201);
    const discount = (await created.json()) as Discount;
    expect(created.headers.get('location')).toBe(`/api/v1/discounts/${discount.id}`);
    expect(discount).toMatchObject({ code: 'VIP10', value: 10, currency: 'GBP', customerGroups: [{ id: vip, name: 'VIP' }], minSubtotal: 5000 });
    expect(discountSchema.parse(discount)).toEqual(discount);

    const read = await call(discountRoute.GET, 'GET', `/discounts/${discount.id}`, { key: staffKey, params: { id: discount.id } });
    expect(await read.json()).toEqual(discount);
    const page = (await (await call(discountsRoute.GET, 'GET', '/discounts?limit=10', { key: staffKey })).json()) as Page<Discount>;
    expect(page.data.map((d) => d.code)).toContain('VIP10');

    const vipCustomer = await newCustomer(vip);
    const retailCustomer = await newCustomer(retail);
    expect(await (await eligibility(discount.id, `customerId=${vipCustomer.id}&subtotal=6000`)).json()).toEqual({ eligible: true, reason: 'Eligible: 10% off for VIP customers' });
    expect(await (await eligibility(discount.id, `customerId=${vipCustomer.id}&subtotal=4000`)).json()).toEqual({ eligible: false, reason: 'Needs a subtotal of at least £50.00' });
    expect(await (await eligibility(discount.id, `customerId=${retailCustomer.id}`)).json()).toEqual({ eligible: false, reason: 'Only for VIP customers' });

    const patched = await call(discountRoute.PATCH, 'PATCH', `/discounts/${discount.id}`, { key: adminKey, params: { id: discount.id }, body: { active: false, version: 1 } });
    expect(await patched.json()).toMatchObject({ active: false, version: 2 });
    const stale = await call(discountRoute.PATCH, 'PATCH', `/discounts/${discount.id}`, { key: adminKey, params: { id: discount.id }, body: { active: true, version: 1 } });
    expect(stale.status).toBe(409);

    const deleted = await call(discountRoute.DELETE, 'DELETE', `/discounts/${discount.id}`, { key: adminKey, params: { id: discount.id } });
    expect(deleted.status).toBe(204);
    expect((await call(discountRoute.GET, 'GET', `/discounts/${discount.id}`, { key: staffKey, params: { id: discount.id } })).status).toBe(404);
  });

  it('refuses a used discount’s deletion with 409, and an order with an ineligible code with 422 naming discountCode', async () => {
    const discount = (await (await call(discountsRoute.POST, 'POST', '/discounts', { key: adminKey, body: { code: 'ONCE', kind: 'fixed_amount', value: 500, perCustomerLimit: 1 } })).json()) as Discount;
    const customer = await newCustomer(retail);
    const body = { customerId: customer.id, items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 2000 }], discountCode: 'once' };
    const first = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, body });
    expect(await first.json()).toMatchObject({ discountCode: 'ONCE', discountTotal: 500, total: 1500 } satisfies Partial<Order>);
    const second = await call(ordersRoute.POST, 'POST', '/orders', { key: staffKey, body });
    expect(second.status).toBe(422);
    expect(await second.json()).toMatchObject({ errors: [{ path: 'discountCode', message: 'Already used the maximum 1 time' }] });
    const refused = await problemOf(await call(discountRoute.DELETE, 'DELETE', `/discounts/${discount.id}`, { key: adminKey, params: { id: discount.id } }));
    expect(refused.status).toBe(409);
    expect(refused.detail).toMatch(/deactivate it instead/);
  });

  it('lets staff read but not manage; names bad fields and query parameters; 404 for an id that cannot exist', async () => {
    expect((await call(discountsRoute.POST, 'POST', '/discounts', { key: staffKey, body: { code: 'STAFF', kind: 'percentage', value: 5 } })).status).toBe(403);
    const invalid = await problemOf(await call(discountsRoute.POST, 'POST', '/discounts', { key: adminKey, body: { code: 'BAD CODE', kind: 'percentage', value: 150, colour: 'red' } }));
    expect(invalid.status).toBe(422);
    expect(invalid.paths).toEqual(expect.arrayContaining(['code', 'value', 'colour']));
    const discount = (await (await call(discountsRoute.POST, 'POST', '/discounts', { key: adminKey, body: { code: 'ANY', kind: 'percentage', value: 5 } })).json()) as Discount;
    expect((await problemOf(await eligibility(discount.id, 'customerId=nope'))).paths).toEqual(['customerId']);
    expect((await call(discountRoute.GET, 'GET', '/discounts/nope', { key: staffKey, params: { id: 'nope' } })).status).toBe(404);
  });

  it('has response schemas whose types are exactly the domain types', () => {
    expectTypeOf<z.output<typeof discountSchema>>().toEqualTypeOf<Discount>();
    expectTypeOf<z.output<ReturnType<typeof pageOf<typeof discountSchema>>>>().toEqualTypeOf<Page<Discount>>();
    expectTypeOf<z.output<typeof discountEligibilitySchema>>().toEqualTypeOf<DiscountEligibility>();
  });
});
