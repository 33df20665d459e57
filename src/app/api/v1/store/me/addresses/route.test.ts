import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses } from '@/db/schema';
import type { CustomerAddress } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signUpStoreCustomer, type StoreCustomerSession } from '@/test/store-session';

import { call, problemOf } from '@/http/test-http';
import * as addressRoute from './[id]/route';
import * as addressesRoute from './route';

withTestDatabase();

let ada: StoreCustomerSession;
let bob: StoreCustomerSession;

beforeAll(async () => {
  ada = await signUpStoreCustomer({ email: 'ada@shop.test', firstName: 'Ada', lastName: 'Lovelace' });
  bob = await signUpStoreCustomer({ email: 'bob@shop.test', firstName: 'Bob', lastName: 'Builder' });
});

const HOME = { firstName: 'Ada', lastName: 'Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', countryCode: 'GB' };
const WORK = { line1: '1 Analytical Way', city: 'Manchester', countryCode: 'GB' };

async function add(session: StoreCustomerSession, body: Record<string, unknown>): Promise<CustomerAddress> {
  const response = await call(addressesRoute.POST, 'POST', '/store/me/addresses', { headers: { cookie: session.cookie }, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  const address = (await response.json()) as CustomerAddress;
  expect(response.headers.get('location')).toBe(`/api/v1/store/me/addresses/${address.id}`);
  return address;
}

async function list(session: StoreCustomerSession): Promise<CustomerAddress[]> {
  const response = await call(addressesRoute.GET, 'GET', '/store/me/addresses', { headers: { cookie: session.cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: CustomerAddress[] }).data;
}

async function rowsOf(customerId: string) {
  return getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).orderBy(asc(customerAddresses.id));
}

describe(`/api/v1/store/me/addresses (${TEST_DB_KIND})`, () => {
  it('adds two addresses; the first becomes both defaults, and switching the shipping default leaves exactly one', async () => {
    const home = await add(ada, HOME);
    const work = await add(ada, WORK);
    expect(home).toMatchObject({ ...HOME, customerId: ada.customerId, isDefaultShipping: true, isDefaultBilling: true });
    expect(work).toMatchObject({ isDefaultShipping: false, isDefaultBilling: false });

    const patch = await call(addressRoute.PATCH, 'PATCH', `/store/me/addresses/${work.id}`, { headers: { cookie: ada.cookie }, params: { id: work.id }, body: { isDefaultShipping: true } });
    expect(patch.status).toBe(200);
    expect(await patch.json()).toMatchObject({ id: work.id, isDefaultShipping: true });

    const addresses = await list(ada);
    expect(addresses.filter((a) => a.isDefaultShipping).map((a) => a.id)).toEqual([work.id]);
    expect(addresses.filter((a) => a.isDefaultBilling).map((a) => a.id)).toEqual([home.id]);
    // Defaults first.
    expect(addresses.map((a) => a.id)).toEqual([work.id, home.id]);

    const one = await call(addressRoute.GET, 'GET', `/store/me/addresses/${home.id}`, { headers: { cookie: ada.cookie }, params: { id: home.id } });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: home.id, city: 'London' });
  });

  it('removes an address with 204, and the remaining one takes over the default', async () => {
    const [work, home] = await list(ada);
    const response = await call(addressRoute.DELETE, 'DELETE', `/store/me/addresses/${work.id}`, { headers: { cookie: ada.cookie }, params: { id: work.id } });
    expect(response.status).toBe(204);
    const left = await list(ada);
    expect(left.map((a) => a.id)).toEqual([home.id]);
    expect(left[0]).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
  });

  it('names the invalid and the unknown fields', async () => {
    const invalid = await call(addressesRoute.POST, 'POST', '/store/me/addresses', { headers: { cookie: ada.cookie }, body: { line1: '', city: 'Paris', countryCode: 'FR' } });
    expect(invalid.status).toBe(422);
    expect((await problemOf(invalid)).paths).toEqual(['line1']);
    const stranger = await call(addressesRoute.POST, 'POST', '/store/me/addresses', { headers: { cookie: ada.cookie }, body: { ...WORK, customerId: bob.customerId } });
    expect(stranger.status).toBe(422);
    expect((await problemOf(stranger)).paths).toEqual(['customerId']);
    expect(await rowsOf(bob.customerId)).toHaveLength(0);
  });

  it("answers 404 to another customer's address ids on every method and leaves them unchanged", async () => {
    const bobHome = await add(bob, { line1: '5 Bob Street', city: 'Bristol', countryCode: 'GB' });
    const bobWork = await add(bob, { line1: '6 Site Road', city: 'Bath', countryCode: 'GB' });
    const before = await rowsOf(bob.customerId);
    const adaBefore = await rowsOf(ada.customerId);
    const asAda = { headers: { cookie: ada.cookie } };

    for (const { id } of [bobHome, bobWork]) {
      const attempts = [
        await call(addressRoute.GET, 'GET', `/store/me/addresses/${id}`, { ...asAda, params: { id } }),
        await call(addressRoute.PATCH, 'PATCH', `/store/me/addresses/${id}`, { ...asAda, params: { id }, body: { city: 'Stolen', isDefaultShipping: true, isDefaultBilling: true } }),
        await call(addressRoute.DELETE, 'DELETE', `/store/me/addresses/${id}`, { ...asAda, params: { id } }),
      ];
      for (const response of attempts) {
        expect(response.status).toBe(404);
        // The same answer as for an id that does not exist at all.
        expect((await problemOf(response)).detail).toBe('No address with this id for this customer');
      }
    }
    expect((await list(ada)).map((a) => a.id)).not.toEqual(expect.arrayContaining([bobHome.id]));
    expect(await rowsOf(bob.customerId)).toEqual(before);
    expect(await rowsOf(ada.customerId)).toEqual(adaBefore);
  });

  it('answers 404 to an id that is not a UUID', async () => {
    const response = await call(addressRoute.GET, 'GET', '/store/me/addresses/nope', { headers: { cookie: ada.cookie }, params: { id: 'nope' } });
    expect(response.status).toBe(404);
  });
});
