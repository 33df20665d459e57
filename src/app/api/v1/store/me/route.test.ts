import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { staffActorFromHeaders } from '@/auth/actor';
import { getDb } from '@/db/client';
import { customerAddresses, customerEvents, customerGroups, customers } from '@/db/schema';
import type { StoreProfile } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signInStaffMember, signUpStoreCustomer, type StoreCustomerSession } from '@/test/store-session';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as addressRoute from './addresses/[id]/route';
import * as addressesRoute from './addresses/route';
import * as orderRoute from './orders/[id]/route';
import * as ordersRoute from './orders/route';
import * as meRoute from './route';

withTestDatabase();

let ada: StoreCustomerSession;

beforeAll(async () => {
  ada = await signUpStoreCustomer({ email: 'ada@shop.test', firstName: 'Ada', lastName: 'Lovelace' });
});

const asCustomer = (session: StoreCustomerSession) => ({ headers: { cookie: session.cookie } });

async function customerRow(id: string) {
  const [row] = await getDb().select().from(customers).where(eq(customers.id, id));
  return row;
}

describe(`GET/PATCH /api/v1/store/me (${TEST_DB_KIND})`, () => {
  it('shows the signed-in customer their own profile, without what only staff see', async () => {
    const response = await call(meRoute.GET, 'GET', '/store/me', asCustomer(ada));
    expect(response.status).toBe(200);
    const profile = (await response.json()) as StoreProfile & Record<string, unknown>;
    expect(profile).toMatchObject({ id: ada.customerId, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@shop.test', emailMarketingConsent: false, emailConsentAt: null, orderCount: 0, totalSpend: 0 });
    for (const hidden of ['notes', 'tags', 'createdById', 'userId', 'externalId']) expect(profile).not.toHaveProperty(hidden);
  });

  it('changes the name and gives consent, records it as the customer’s own change, and answers the new profile', async () => {
    const before = await customerRow(ada.customerId);
    const response = await call(meRoute.PATCH, 'PATCH', '/store/me', {
      ...asCustomer(ada),
      body: { firstName: 'Augusta', emailMarketingConsent: true, version: before.version },
    });
    expect(response.status).toBe(200);
    const profile = (await response.json()) as StoreProfile;
    expect(profile).toMatchObject({ id: ada.customerId, firstName: 'Augusta', lastName: 'Lovelace', emailMarketingConsent: true, version: before.version + 1 });
    expect(profile.emailConsentAt).not.toBeNull();
    expect(profile).not.toHaveProperty('notes');

    const events = await getDb()
      .select()
      .from(customerEvents)
      .where(and(eq(customerEvents.customerId, ada.customerId), eq(customerEvents.type, 'customer.updated')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'customer', actorId: ada.customerId });
    expect(await customerRow(ada.customerId)).toMatchObject({ firstName: 'Augusta', emailMarketingConsent: true });
  });

  it('refuses a stale version with 409 and keeps the newer edit', async () => {
    const { version } = await customerRow(ada.customerId);
    expect((await call(meRoute.PATCH, 'PATCH', '/store/me', { ...asCustomer(ada), body: { lastName: 'Byron', version } })).status).toBe(200);
    const stale = await call(meRoute.PATCH, 'PATCH', '/store/me', { ...asCustomer(ada), body: { lastName: 'King', version } });
    expect(stale.status).toBe(409);
    expect((await customerRow(ada.customerId)).lastName).toBe('Byron');
  });

  it("refuses a change sent with the shopper's cookie from another site (403), and keeps the record", async () => {
    const { version, lastName } = await customerRow(ada.customerId);
    const forged = await call(meRoute.PATCH, 'PATCH', '/store/me', { headers: { cookie: ada.cookie, origin: 'https://evil.example' }, body: { lastName: 'Forged', version } });
    expect(forged.status).toBe(403);
    expect((await customerRow(ada.customerId)).lastName).toBe(lastName);
  });

  it.each([
    ['customerGroupId', async () => ({ customerGroupId: (await getDb().insert(customerGroups).values({ name: `VIP ${crypto.randomUUID()}` }).returning())[0].id })],
    ['notes', async () => ({ notes: 'I am a VIP, honest' })],
    ['email', async () => ({ email: 'someone-else@shop.test' })],
    ['tags', async () => ({ tags: ['vip'] })],
  ])('refuses %s by name and changes nothing', async (field, bodyOf) => {
    const before = await customerRow(ada.customerId);
    const response = await call(meRoute.PATCH, 'PATCH', '/store/me', { ...asCustomer(ada), body: { firstName: 'Mallory', ...(await bodyOf()) } });
    const problem = await problemOf(response);
    expect(response.status).toBe(422);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.paths).toEqual([field]);
    expect(await customerRow(ada.customerId)).toEqual(before);
  });

  it('refuses invalid values by field', async () => {
    const response = await call(meRoute.PATCH, 'PATCH', '/store/me', { ...asCustomer(ada), body: { firstName: '' } });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual(['firstName']);
  });
});

describe(`who may call /api/v1/store (${TEST_DB_KIND})`, () => {
  const someId = '00000000-0000-4000-8000-000000000000';
  const address = { line1: '1 Main St', city: 'Springfield', countryCode: 'US' };
  const ROUTES = [
    ['GET /store/me', () => call(meRoute.GET, 'GET', '/store/me', options())],
    ['PATCH /store/me', () => call(meRoute.PATCH, 'PATCH', '/store/me', { ...options(), body: { firstName: 'Eve' } })],
    ['GET /store/me/addresses', () => call(addressesRoute.GET, 'GET', '/store/me/addresses', options())],
    ['POST /store/me/addresses', () => call(addressesRoute.POST, 'POST', '/store/me/addresses', { ...options(), body: address })],
    ['GET /store/me/addresses/{id}', () => call(addressRoute.GET, 'GET', `/store/me/addresses/${someId}`, { ...options(), params: { id: someId } })],
    ['PATCH /store/me/addresses/{id}', () => call(addressRoute.PATCH, 'PATCH', `/store/me/addresses/${someId}`, { ...options(), params: { id: someId }, body: { city: 'X' } })],
    ['DELETE /store/me/addresses/{id}', () => call(addressRoute.DELETE, 'DELETE', `/store/me/addresses/${someId}`, { ...options(), params: { id: someId } })],
    ['GET /store/me/orders', () => call(ordersRoute.GET, 'GET', '/store/me/orders', options())],
    ['GET /store/me/orders/{id}', () => call(orderRoute.GET, 'GET', `/store/me/orders/${someId}`, { ...options(), params: { id: someId } })],
  ] as const;

  let credentials: { headers?: Record<string, string>; key?: string } = {};
  const options = () => ({ ...credentials });

  async function expectAllRefused() {
    for (const [name, send] of ROUTES) {
      const response = await send();
      expect(response.status, name).toBe(401);
      expect(response.headers.get('content-type'), name).toBe('application/problem+json');
    }
    // None of the writes went through for anyone.
    expect(await getDb().select().from(customerAddresses)).toHaveLength(0);
    expect((await customerRow(ada.customerId)).firstName).not.toBe('Eve');
  }

  it('answers 401 on every route and method without a session', async () => {
    credentials = {};
    await expectAllRefused();
  });

  it('answers 401 to a signed-in staff member: a staff session is not a customer', async () => {
    // The staff member even has the customer's email; the sessions still stay apart.
    const staff = await signInStaffMember({ email: 'ada@shop.test', role: 'owner' });
    expect(await staffActorFromHeaders(new Headers({ cookie: staff.cookie }))).toMatchObject({ type: 'staff', role: 'owner' });
    credentials = { headers: { cookie: staff.cookie } };
    await expectAllRefused();
  });

  it('answers 401 to an API key, even an admin one', async () => {
    credentials = { key: await apiKey('admin') };
    await expectAllRefused();
  });

  it('answers 401 to a store cookie that is not a live session', async () => {
    credentials = { headers: { cookie: 'store.session_token=forged.signature' } };
    await expectAllRefused();
  });
});
