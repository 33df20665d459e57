import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';

import type { Customer } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customerRoute from '../[id]/route';
import * as customersRoute from '../route';
import * as mergeRoute from './route';

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

const merge = (body: unknown, key: string | null = adminKey) => call(mergeRoute.POST, 'POST', '/customers/merge', { key, body });
const get = (id: string) => call(customerRoute.GET, 'GET', `/customers/${id}`, { key: staffKey, params: { id } });

describe(`POST /api/v1/customers/merge (${TEST_DB_KIND})`, () => {
  it('merges with the chosen fields, and the source id then answers 404 naming the target', async () => {
    const target = await create({ firstName: 'Tess', email: 'tess@example.com', tags: ['a'] });
    const source = await create({ firstName: 'Theresa', email: 'theresa@example.com', phone: '+447911123456', tags: ['b'] });
    const response = await merge({ targetId: target.id, sourceId: source.id, fields: { firstName: 'source' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ targetId: target.id, sourceId: source.id, ordersMoved: 0, addressesMoved: 0 });
    const merged = (await (await get(target.id)).json()) as Customer;
    expect(merged).toMatchObject({ firstName: 'Theresa', email: 'tess@example.com', phone: '+447911123456', tags: ['a', 'b'], version: 2 });

    const gone = await get(source.id);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toBe('application/problem+json');
    expect(await gone.json()).toMatchObject({ status: 404, mergedInto: target.id, detail: `This customer was merged into customer ${target.id}` });
    // Merging it again says where it went.
    const again = await merge({ targetId: target.id, sourceId: source.id });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ mergedInto: target.id });
  });

  it('answers 401 without a key and 403 for staff, before reading the body', async () => {
    expect((await merge({}, null)).status).toBe(401);
    const forbidden = await merge({ targetId: 'nope' }, staffKey);
    expect(forbidden.status).toBe(403);
  });

  it('answers 422 naming the field for bad ids, an unknown field choice, or the same customer twice', async () => {
    const one = await create({ firstName: 'Una', email: 'una@example.com' });
    expect((await problemOf(await merge({ targetId: one.id }))).paths).toEqual(['sourceId']);
    expect((await problemOf(await merge({ targetId: one.id, sourceId: 'x' }))).paths).toEqual(['sourceId']);
    const unknownField = await problemOf(await merge({ targetId: one.id, sourceId: crypto.randomUUID(), fields: { tags: 'source' } }));
    expect(unknownField.status).toBe(422);
    expect(unknownField.paths[0]).toMatch(/^fields/);
    const badSide = await problemOf(await merge({ targetId: one.id, sourceId: crypto.randomUUID(), fields: { email: 'both' } }));
    expect(badSide.paths).toEqual(['fields.email']);
    const itself = await problemOf(await merge({ targetId: one.id, sourceId: one.id }));
    expect(itself).toMatchObject({ status: 422, paths: ['sourceId'] });
  });

  it('answers 404 for a missing customer and 409 for an erased one', async () => {
    const one = await create({ firstName: 'Vic', email: 'vic@example.com' });
    const missing = await merge({ targetId: one.id, sourceId: crypto.randomUUID() });
    expect(await problemOf(missing)).toMatchObject({ status: 404, detail: 'No customer with this id' });
    const erased = await create({ firstName: 'Wyn', email: 'wyn@example.com' });
    await getDb().update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, erased.id));
    expect(await problemOf(await merge({ targetId: one.id, sourceId: erased.id }))).toMatchObject({ status: 409 });
  });
});
