import { beforeAll, describe, expect, it } from 'vitest';

import { apiKey, call, problemOf } from '@/http/test-http';
import type { PersonalDataExport } from '@/lib/privacy-types';
import type { Actor, Customer, Page } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { createPerson, type Person } from '@/test/privacy-person';
import { STORE_TEST_ORIGIN } from '@/test/store-session';

import * as storeExportRoute from '../store/me/export/route';
import * as eraseRoute from './[id]/erase/route';
import * as exportRoute from './[id]/export/route';
import * as customersRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
let admin: Actor;
let person: Person;
let other: Person;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  admin = await createStaffActor('admin');
  person = await createPerson(admin);
  other = await createPerson(admin);
}, 60_000);

const ERASE = { confirm: 'ERASE' };

describe(`GET /customers/{id}/export and POST /customers/{id}/erase (${TEST_DB_KIND})`, () => {
  it('answer 401 without credentials and 403 to a staff key, before the id or the body', async () => {
    expect((await call(exportRoute.GET, 'GET', `/customers/${person.id}/export`, { params: { id: person.id } })).status).toBe(401);
    expect((await call(eraseRoute.POST, 'POST', `/customers/${person.id}/erase`, { params: { id: person.id }, body: ERASE })).status).toBe(401);
    const exported = await call(exportRoute.GET, 'GET', '/customers/x/export', { key: staffKey, params: { id: 'x' } });
    expect(await problemOf(exported)).toMatchObject({ status: 403, contentType: 'application/problem+json' });
    expect((await call(eraseRoute.POST, 'POST', '/customers/x/erase', { key: staffKey, params: { id: 'x' }, body: {} })).status).toBe(403);
  });

  it('answer 404 for an id that names no customer', async () => {
    for (const id of ['not-a-uuid', crypto.randomUUID()]) {
      expect((await call(exportRoute.GET, 'GET', `/customers/${id}/export`, { key: adminKey, params: { id } })).status).toBe(404);
      expect((await call(eraseRoute.POST, 'POST', `/customers/${id}/erase`, { key: adminKey, params: { id }, body: ERASE })).status).toBe(404);
    }
  });

  it('exports as a JSON download named after the customer id, not cached', async () => {
    const response = await call(exportRoute.GET, 'GET', `/customers/${person.id}/export`, { key: adminKey, params: { id: person.id } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="customer-${person.id}-data-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = (await response.json()) as PersonalDataExport;
    expect(data.customer.email).toBe(person.values[2]);
    expect(data.orders).toHaveLength(2);
  });

  it('refuses an erase without the typed confirmation (422 naming confirm) or with other fields, and changes nothing', async () => {
    for (const body of [{}, { confirm: 'erase' }, { confirm: 'ERASE', reason: 'asked' }]) {
      const response = await call(eraseRoute.POST, 'POST', `/customers/${person.id}/erase`, { key: adminKey, params: { id: person.id }, body });
      const problem = await problemOf(response);
      expect(problem.status, JSON.stringify(body)).toBe(422);
      expect(problem.paths.length).toBe(1);
    }
    const list = (await (await call(customersRoute.GET, 'GET', `/customers?q=${encodeURIComponent(person.values[2])}`, { key: adminKey })).json()) as Page<Customer>;
    expect(list.data.map((c) => c.id)).toEqual([person.id]);
  });

  it('erases with 200 and the erased customer, and again with the same answer; the list and search leave them out unless asked', async () => {
    const first = await call(eraseRoute.POST, 'POST', `/customers/${person.id}/erase`, { key: adminKey, params: { id: person.id }, body: ERASE });
    expect(first.status).toBe(200);
    const erased = (await first.json()) as Customer;
    expect(erased).toMatchObject({ id: person.id, firstName: 'Erased customer', email: null, erasedAt: expect.any(String) });
    const second = await call(eraseRoute.POST, 'POST', `/customers/${person.id}/erase`, { key: adminKey, params: { id: person.id }, body: ERASE });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(erased);

    const ids = async (query: string) => ((await (await call(customersRoute.GET, 'GET', `/customers?${query}`, { key: adminKey })).json()) as Page<Customer>).data.map((c) => c.id);
    expect(await ids(`q=${encodeURIComponent(person.values[2])}`)).toEqual([]);
    expect(await ids('limit=200')).not.toContain(person.id);
    expect(await ids('erased=only')).toEqual([person.id]);
    expect(await ids('erased=include&limit=200')).toEqual(expect.arrayContaining([person.id, other.id]));
    expect((await problemOf(await call(customersRoute.GET, 'GET', '/customers?erased=yes', { key: adminKey }))).paths).toEqual(['erased']);
  });
});

describe(`GET /store/me/export (${TEST_DB_KIND})`, () => {
  const storeGet = (cookie?: string, key?: string) =>
    call(storeExportRoute.GET, 'GET', '/store/me/export', { key, headers: cookie ? { cookie, origin: STORE_TEST_ORIGIN } : {} });

  it("gives the signed-in shopper their own data and nobody else's", async () => {
    const response = await storeGet(other.session.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`customer-${other.id}-data-`);
    const text = await response.text();
    const data = JSON.parse(text) as PersonalDataExport;
    expect(data.customer.id).toBe(other.id);
    expect(data.storefrontLogin?.email).toBe(other.values[2]);
    expect(text).not.toContain(person.id);
  });

  it('answers 401 without a store session, to an API key, and once the shopper was erased', async () => {
    expect((await storeGet()).status).toBe(401);
    expect((await storeGet(undefined, adminKey)).status).toBe(401);
    expect((await storeGet(person.session.cookie)).status).toBe(401);
  });
});
