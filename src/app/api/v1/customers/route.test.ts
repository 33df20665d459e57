import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import * as authRoute from '@/app/api/auth/[...all]/route';
import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { customerSchema, pageOf } from '@/http/openapi/schemas';
import type { Customer, CustomerGroup, Page } from '@/lib/types';
import { createApiKey, revokeApiKey } from '@/services/api-keys';
import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf, SYSTEM } from '@/http/test-http';
import * as customerGroupsRoute from '../customer-groups/route';
import * as customerRoute from './[id]/route';
import * as customersRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

async function customerCount(): Promise<number> {
  const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers);
  return count;
}

async function create(body: Record<string, unknown>, key = adminKey): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key, body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await response.json()) as Customer;
}

async function list(query: string, key = adminKey): Promise<Page<Customer>> {
  const response = await call(customersRoute.GET, 'GET', `/customers?${query}`, { key });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return (await response.json()) as Page<Customer>;
}

describe(`authentication (${TEST_DB_KIND})`, () => {
  it.each([
    ['no credentials', {}],
    ['an unknown key', { authorization: 'Bearer cm_thisKeyWasNeverIssued' }],
    ['a key without the key prefix', { authorization: 'Bearer abc' }],
    ['a non-bearer authorization', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 problem+json to %s', async (_, headers) => {
    const response = await call(customersRoute.GET, 'GET', '/customers', { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await problemOf(response)).detail).toMatch(/Bearer/);
  });

  it('answers 401 to a revoked key, which worked before', async () => {
    const { key, apiKey: summary } = await createApiKey({ actor: SYSTEM, input: { name: 'soon revoked', role: 'admin' } });
    expect((await call(customersRoute.GET, 'GET', '/customers', { key })).status).toBe(200);
    await revokeApiKey({ actor: SYSTEM, id: summary.id });
    expect((await call(customersRoute.GET, 'GET', '/customers', { key })).status).toBe(401);
    expect((await call(customersRoute.POST, 'POST', '/customers', { key, body: { firstName: 'X', email: 'revoked@example.com' } })).status).toBe(401);
    expect(await customerCount()).toBe(0);
  });

  it('records no creator for an API key (an integration, not a person)', async () => {
    const customer = await create({ firstName: 'Keyed', email: 'keyed@example.com' }, staffKey);
    expect(customer.createdById).toBeNull();
  });

  it('accepts the dashboard session cookie and records the signed-in staff member as creator', async () => {
    const staff = await createStaffMember({ name: 'Sue Staff', email: 'sue@staff.test', password: 'correct horse battery', role: 'staff' });
    const signIn = await authRoute.POST(
      new Request('http://localhost/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ email: 'sue@staff.test', password: 'correct horse battery' }),
      }),
    );
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const response = await call(customersRoute.POST, 'POST', '/customers', { headers: { cookie }, body: { firstName: 'Walk-in', email: 'walkin@example.com' } });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Customer).createdById).toBe(staff.id);

    // The same cookie on a write from another site is refused, and nothing is stored; this app's own origin, a read
    // from anywhere, and an API key whatever its Origin are not.
    const before = await customerCount();
    const crossSite = await call(customersRoute.POST, 'POST', '/customers', { headers: { cookie, origin: 'http://evil.example' }, body: { firstName: 'Forged', email: 'forged@example.com' } });
    expect(crossSite.status).toBe(403);
    expect((await problemOf(crossSite)).detail).toMatch(/Origin is another site/);
    const viaReferer = await call(customersRoute.POST, 'POST', '/customers', { headers: { cookie, referer: 'http://evil.example/page' }, body: { firstName: 'Forged', email: 'forged2@example.com' } });
    expect(viaReferer.status).toBe(403);
    expect(await customerCount()).toBe(before);
    const sameSite = await call(customersRoute.POST, 'POST', '/customers', { headers: { cookie, origin: 'http://localhost' }, body: { firstName: 'Here', email: 'here@example.com' } });
    expect(sameSite.status).toBe(201);
    expect((await call(customersRoute.GET, 'GET', '/customers', { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(200);
    expect((await call(customersRoute.POST, 'POST', '/customers', { key: staffKey, headers: { origin: 'http://evil.example' }, body: { firstName: 'Keyed', email: 'keyed-x@example.com' } })).status).toBe(201);
  });
});

describe(`POST /api/v1/customers (${TEST_DB_KIND})`, () => {
  it('creates a customer (201, normalised, with a Location) that GET /customers/{id} then returns', async () => {
    const response = await call(customersRoute.POST, 'POST', '/customers', {
      key: staffKey,
      body: { firstName: ' Ada ', lastName: 'Lovelace', email: 'Ada@Example.COM', phone: '07911 123456', tags: ['vip'] },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Customer;
    expect(customerSchema.strict().safeParse(created).error).toBeUndefined();
    expect(created).toMatchObject({ firstName: 'Ada', email: 'ada@example.com', phone: '+447911123456', tags: ['vip'], version: 1 });
    expect(response.headers.get('location')).toBe(`/api/v1/customers/${created.id}`);

    const fetched = await call(customerRoute.GET, 'GET', `/customers/${created.id}`, { key: staffKey, params: { id: created.id } });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ ...created, addresses: [], orders: [], metrics: { orderCount: 0, totalSpend: 0 } });
  });

  it.each([
    ['email', { firstName: 'X', email: 'not-an-email' }],
    ['phone', { firstName: 'X', phone: '12' }],
    ['firstName', { firstName: '   ', email: 'blank@example.com' }],
    ['firstName', { email: 'missing@example.com' }],
    ['email', { firstName: 'No contact' }],
    ['customerGroupId', { firstName: 'X', email: 'group@example.com', customerGroupId: 'vip' }],
    ['tags', { firstName: 'X', email: 'tags@example.com', tags: 'vip' }],
    ['smsMarketingConsent', { firstName: 'X', email: 'sms@example.com', smsMarketingConsent: true }],
    ['nickname', { firstName: 'X', email: 'typo@example.com', nickname: 'Ace' }],
    ['totalSpend', { firstName: 'X', email: 'derived@example.com', totalSpend: 100 }],
    ['lastName', { firstName: 'X', lastName: 'nul\u0000', email: 'nul@example.com' }],
    ['tags.1', { firstName: 'X', email: 'nultag@example.com', tags: ['ok', '\u0000'] }],
  ])('answers 422 naming %s, and stores nothing', async (path, body) => {
    const before = await customerCount();
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.paths).toContain(path);
    expect(await customerCount()).toBe(before);
  });

  it('names every bad field at once', async () => {
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: '', email: 'bad', phone: 'x', extra: 1 } });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual(expect.arrayContaining(['firstName', 'email', 'phone', 'extra']));
  });

  it.each([
    ['malformed JSON', '{"firstName": "Ada",', 'application/json'],
    ['a form body', 'firstName=Ada&email=ada%40example.com', 'application/x-www-form-urlencoded'],
    ['text/plain, even if it is JSON', '{"firstName":"Ada","email":"plain@example.com"}', 'text/plain'],
  ])('answers 400 to %s, and stores nothing', async (_, rawBody, contentType) => {
    const before = await customerCount();
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody, headers: { 'content-type': contentType } });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).contentType).toBe('application/problem+json');
    expect(await customerCount()).toBe(before);
  });

  it.each([['[]'], ['"Ada"'], ['null'], ['42']])('answers 422 naming the body to the JSON value %s', async (rawBody) => {
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, rawBody, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual(['(body)']);
  });

  it('answers 409 naming email to an email that differs only in case', async () => {
    await create({ firstName: 'Grace', email: 'grace@example.com' });
    const before = await customerCount();
    const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Other', email: 'GRACE@Example.com' } });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).paths).toEqual(['email']);
    expect(await customerCount()).toBe(before);
  });
});

describe(`GET /api/v1/customers (${TEST_DB_KIND})`, () => {
  const SEEDED = 23;
  let seeded: Customer[];

  beforeAll(async () => {
    seeded = [];
    // Some names repeat so that the name sort has ties for the id to break.
    for (let i = 0; i < SEEDED; i++) {
      seeded.push(await create({ firstName: ['Mia', 'Noah', 'Olu'][i % 3], lastName: `Pager`, email: `pager.${String(i).padStart(2, '0')}@paging.test` }));
    }
  });

  it('finds customers by part of their email', async () => {
    const page = await list('q=pager.1');
    expect(page.data.map((c) => c.email).sort()).toEqual(seeded.map((c) => c.email).filter((e) => e!.startsWith('pager.1')).sort());
    expect(pageOf(customerSchema.strict()).safeParse(page).error).toBeUndefined();
    expect((await list('q=AGING.TE')).data).toHaveLength(SEEDED);
    expect((await list('q=nobody-has-this')).data).toEqual([]);
  });

  it.each(['createdAt:desc', 'name:asc', 'email:desc', 'totalSpend:asc'])('pages through every row once with sort %s, ending with nextCursor null', async (sort) => {
    const everyone = await list(`sort=${sort}&limit=200`);
    expect(everyone.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Customer> = await list(`sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everyone.data.map((c) => c.id));
    expect(seen.length).toBeGreaterThanOrEqual(SEEDED);
  });

  it('filters by tag and spend range', async () => {
    await create({ firstName: 'Tagged', email: 'tagged@example.com', tags: ['wholesale-lead'] });
    expect((await list('tag=wholesale-lead')).data.map((c) => c.email)).toEqual(['tagged@example.com']);
    expect((await list('minSpend=1')).data).toEqual([]);
    expect((await list('maxSpend=0&limit=1')).data).toHaveLength(1);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
    ['limit', 'limit=ten'],
    ['sort', 'sort=spend:desc'],
    ['minSpend', 'minSpend=-1'],
    ['minSpend', 'minSpend=12.5'],
    ['maxSpend', 'maxSpend=lots'],
    ['lastOrderAfter', 'lastOrderAfter=yesterday'],
    ['groupId', 'groupId=vip'],
    ['cursor', 'cursor=not-a-cursor'],
    ['cursor', `cursor=${Buffer.from('["createdAt:asc","x","y"]').toString('base64url')}`],
    ['q', 'q=%00'],
  ])('answers 422 naming %s for %s', async (path, query) => {
    const response = await call(customersRoute.GET, 'GET', `/customers?${query}`, { key: adminKey });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).paths).toEqual([path]);
  });

  it('answers 422 naming cursor to a forged cursor of the right sort', async () => {
    const forged = Buffer.from(JSON.stringify(['createdAt:desc', 'not a time', 'not a uuid'])).toString('base64url');
    const response = await call(customersRoute.GET, 'GET', `/customers?cursor=${forged}`, { key: adminKey });
    expect(response.status).toBe(422);
  });

  it('answers 422 naming lastOrderAfter to a year PostgreSQL cannot store', async () => {
    const response = await call(customersRoute.GET, 'GET', '/customers?lastOrderAfter=99999-01-01', { key: adminKey });
    expect(response.status).toBe(422);
  });
});

describe(`GET /api/v1/customer-groups (${TEST_DB_KIND})`, () => {
  it('lists the seeded groups with member counts, usable as a groupId filter', async () => {
    const before = (await (await call(customerGroupsRoute.GET, 'GET', '/customer-groups', { key: staffKey })).json()) as Page<CustomerGroup>;
    const vip = before.data.find((g) => g.name === 'VIP');
    expect(before.data.map((g) => g.name)).toEqual(expect.arrayContaining(['Retail', 'Wholesaler', 'VIP']));
    expect(before.nextCursor).toBeNull();
    const member = await create({ firstName: 'Very', email: 'very@important.test', customerGroupId: vip!.id });
    expect(member.customerGroup).toEqual({ id: vip!.id, name: 'VIP' });

    const after = (await (await call(customerGroupsRoute.GET, 'GET', '/customer-groups', { key: staffKey })).json()) as Page<CustomerGroup>;
    expect(after.data.find((g) => g.id === vip!.id)!.memberCount).toBe(vip!.memberCount! + 1);
    expect((await list(`groupId=${vip!.id}`)).data.map((c) => c.id)).toContain(member.id);
  });

  it('answers 401 without credentials', async () => {
    expect((await call(customerGroupsRoute.GET, 'GET', '/customer-groups')).status).toBe(401);
  });
});
