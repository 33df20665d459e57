import { beforeAll, describe, expect, inject, it } from 'vitest';

import { OWNER } from './fixtures';
import { placeOrder, signUpStoreCustomerOverHttp, staffSessionCookie, storeApi, uniqueEmail, type PlacedOrder, type StoreCustomer } from './store-fixtures';

// Two customers with real sessions from the running server: whatever A asks for by B's ids, A gets a 404 and
// nothing of B's; without a store session the account and the store API let nobody in, and neither kind of
// session opens the other side (a staff session is not a customer, a customer session is not staff).
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const outboxDir = inject('outboxDir');

let ada: StoreCustomer;
let bob: StoreCustomer;
let staffCookie: string;
let adaOrder: PlacedOrder;
let bobOrder: PlacedOrder;
let bobAddressId: string;

// Words only Bob's records contain: none of them may reach Ada.
const BOB = { firstName: 'Bartholomew', lastName: 'Quigglesworth', line1: '77 Zebulon Crescent', city: 'Xanadu Parva', item: 'Obsidian Yak Bell' };

const ACCOUNT_PAGES = ['/store/account', '/store/account/profile', '/store/account/addresses', '/store/account/orders'];

function get(route: string, cookie?: string): Promise<Response> {
  return fetch(`${baseURL}${route}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** The path a redirect response sends to (without its query), or null for any other answer. */
function redirectPath(response: Response): string | null {
  if (response.status < 300 || response.status > 399) return null;
  const location = response.headers.get('location');
  return location ? new URL(location, baseURL).pathname : null;
}

function bobsMarkers(): string[] {
  return [BOB.firstName, BOB.lastName, BOB.line1, BOB.city, BOB.item, bob.email, bob.customerId, bobOrder.id, bobAddressId];
}

/** `requested`: an id the request itself named, which the page may echo back (it is in its own URL). */
function expectNothingOfBob(html: string, requested?: string) {
  for (const marker of bobsMarkers().filter((m) => m !== requested)) expect(html, `Bob's "${marker}" in Ada's page`).not.toContain(marker);
}

/** A session cookie's value under the other area's cookie name (keeping the `__Secure-` prefix, if any). */
function renamed(cookie: string, from: 'store' | 'staff', to: 'store' | 'staff'): string {
  const match = new RegExp(`(?:^|; )(__Secure-)?${from}\\.session_token=([^;]+)`).exec(cookie);
  expect(match).toBeTruthy();
  return `${match![1] ?? ''}${to}.session_token=${match![2]}`;
}

beforeAll(async () => {
  ada = await signUpStoreCustomerOverHttp(baseURL, outboxDir, { email: uniqueEmail('ada.isolation'), firstName: 'Ada', lastName: 'Lovelace' });
  bob = await signUpStoreCustomerOverHttp(baseURL, outboxDir, { email: uniqueEmail('bob.isolation'), firstName: BOB.firstName, lastName: BOB.lastName });
  expect(ada.customerId).not.toBe(bob.customerId);

  const added = await storeApi(baseURL, bob.cookie)('/me/addresses', { method: 'POST', body: JSON.stringify({ line1: BOB.line1, city: BOB.city, countryCode: 'GB' }) });
  expect(added.status).toBe(201);
  bobAddressId = ((await added.json()) as { id: string }).id;
  expect((await storeApi(baseURL, ada.cookie)('/me/addresses', { method: 'POST', body: JSON.stringify({ line1: '12 St James Square', city: 'London', countryCode: 'GB' }) })).status).toBe(201);

  bobOrder = await placeOrder(baseURL, apiKey, { customerId: bob.customerId, items: [{ sku: 'YAK-1', name: BOB.item, quantity: 1, unitPrice: 4321 }] });
  adaOrder = await placeOrder(baseURL, apiKey, { customerId: ada.customerId, items: [{ sku: 'ENG-1', name: 'Difference engine gear', quantity: 2, unitPrice: 1250 }] });
  staffCookie = await staffSessionCookie(baseURL, OWNER);
});

describe('storefront isolation: account pages', () => {
  it("shows Ada her own account pages and order, with nothing of Bob's in them", async () => {
    for (const route of [...ACCOUNT_PAGES, `/store/account/orders/${adaOrder.id}`]) {
      const response = await get(route, ada.cookie);
      expect(response.status, route).toBe(200);
      expectNothingOfBob(await response.text());
    }
    expect(await (await get(`/store/account/orders/${adaOrder.id}`, ada.cookie)).text()).toContain('Difference engine gear');
    expect(await (await get('/store/account/addresses', ada.cookie)).text()).toContain('12 St James Square');
  });

  it("answers 404 to Ada opening Bob's order, an unknown order and a malformed id, with nothing of Bob's", async () => {
    for (const id of [bobOrder.id, crypto.randomUUID(), 'not-an-id']) {
      const response = await get(`/store/account/orders/${id}`, ada.cookie);
      const html = await response.text();
      expectNothingOfBob(html, id);
      expect(html).toContain('find that order');
      // The status as well as the page: a 200 with "not found" in it would be cached and indexed as a page.
      expect(response.status, id).toBe(404);
    }
    // Bob himself sees it: the 404 is about whose order it is.
    const own = await get(`/store/account/orders/${bobOrder.id}`, bob.cookie);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(BOB.item);
  });

  it('sends every account page to the store sign-in without a session, keeping where they were going', async () => {
    for (const route of [...ACCOUNT_PAGES, `/store/account/orders/${bobOrder.id}`]) {
      const response = await get(route);
      expect(redirectPath(response), route).toBe('/store/sign-in');
      const next = new URL(response.headers.get('location')!, baseURL).searchParams.get('next');
      expect(next === null ? '/store/account' : next).toBe(route);
    }
  });

  it('sends a forged, a staff, and a staff token posing as a store session to the store sign-in', async () => {
    const cookies = { forged: 'store.session_token=forged.signature', forgedSecure: '__Secure-store.session_token=forged.signature', staff: staffCookie, staffAsStore: renamed(staffCookie, 'staff', 'store') };
    for (const [kind, cookie] of Object.entries(cookies)) {
      for (const route of [...ACCOUNT_PAGES, `/store/account/orders/${adaOrder.id}`]) {
        expect(redirectPath(await get(route, cookie)), `${kind} ${route}`).toBe('/store/sign-in');
      }
    }
  });

  it("keeps Ada's store session out of the dashboard and the staff API", async () => {
    for (const cookie of [ada.cookie, renamed(ada.cookie, 'store', 'staff')]) {
      for (const route of ['/dashboard', '/dashboard/customers', `/dashboard/customers/${bob.customerId}`, `/dashboard/orders/${bobOrder.id}`]) {
        expect(redirectPath(await get(route, cookie)), route).toBe('/sign-in');
      }
      for (const route of ['/api/v1/customers', `/api/v1/customers/${bob.customerId}`, `/api/v1/orders/${bobOrder.id}`]) {
        const response = await get(route, cookie);
        expect(response.status, route).toBe(401);
        expectNothingOfBob(await response.text());
      }
    }
  });
});

describe('storefront isolation: store API over HTTP', () => {
  it("answers 404 to Ada naming Bob's order or address on every method, and Bob's address is unchanged", async () => {
    const asAda = storeApi(baseURL, ada.cookie);
    const attempts = {
      order: await asAda(`/me/orders/${bobOrder.id}`),
      address: await asAda(`/me/addresses/${bobAddressId}`),
      patch: await asAda(`/me/addresses/${bobAddressId}`, { method: 'PATCH', body: JSON.stringify({ city: 'Stolen', isDefaultShipping: true }) }),
      delete: await asAda(`/me/addresses/${bobAddressId}`, { method: 'DELETE' }),
    };
    for (const [name, response] of Object.entries(attempts)) {
      expect(response.status, name).toBe(404);
      expectNothingOfBob(await response.text());
    }
    const mine = (await (await asAda('/me/orders')).json()) as { data: { id: string }[] };
    expect(mine.data.map((order) => order.id)).toEqual([adaOrder.id]);

    const bobsView = await storeApi(baseURL, bob.cookie)(`/me/addresses/${bobAddressId}`);
    expect(bobsView.status).toBe(200);
    expect(await bobsView.json()).toMatchObject({ line1: BOB.line1, city: BOB.city, isDefaultShipping: true });
  });

  it('answers 401 without a store session, with a staff session and with a forged one', async () => {
    for (const cookie of [null, staffCookie, renamed(staffCookie, 'staff', 'store'), '__Secure-store.session_token=forged.signature']) {
      const api = storeApi(baseURL, cookie);
      const attempts = {
        me: await api('/me'),
        orders: await api('/me/orders'),
        order: await api(`/me/orders/${bobOrder.id}`),
        addresses: await api('/me/addresses'),
        add: await api('/me/addresses', { method: 'POST', body: JSON.stringify({ line1: '1 Nobody Lane', city: 'Leeds', countryCode: 'GB' }) }),
        patchProfile: await api('/me', { method: 'PATCH', body: JSON.stringify({ firstName: 'Mallory' }) }),
      };
      for (const [name, response] of Object.entries(attempts)) {
        expect(response.status, `${name} with ${cookie?.slice(0, 20) ?? 'no cookie'}`).toBe(401);
        expectNothingOfBob(await response.text());
      }
    }
    const bobNow = (await (await storeApi(baseURL, bob.cookie)('/me')).json()) as { firstName: string };
    expect(bobNow.firstName).toBe(BOB.firstName);
  });
});
