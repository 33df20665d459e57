import { beforeAll, describe, expect, it } from 'vitest';

import { apiKey, call, problemOf } from '@/http/test-http';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { createCustomer, getCustomerById } from '@/services/customers';
import { createOrder } from '@/services/orders';

import { POST } from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

async function twoCustomers(prefix: string) {
  const admin = await createStaffActor('admin');
  const a = await createCustomer({ actor: admin, input: { firstName: prefix, email: `${prefix}-a@bulk-api.test`, tags: ['VIP'] } });
  const b = await createCustomer({ actor: admin, input: { firstName: prefix, email: `${prefix}-b@bulk-api.test` } });
  return { admin, a, b };
}

describe(`POST /customers/bulk (${TEST_DB_KIND})`, () => {
  it('adds and removes tags with the counts, and replays a retried Idempotency-Key without acting twice', async () => {
    const { a, b } = await twoCustomers('tagged');
    const body = { action: 'addTags', tags: ['vip'], target: { ids: [a.id, b.id] } };
    const first = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body, headers: { 'idempotency-key': 'bulk-1' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ action: 'addTags', changed: 1, unchanged: 1, overLimit: 0 });
    const retry = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body, headers: { 'idempotency-key': 'bulk-1' } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await getCustomerById({ id: b.id })).version).toBe(b.version + 1);

    const removed = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'removeTags', tags: ['VIP'], target: { filter: { q: 'tagged' } } } });
    expect(await removed.json()).toEqual({ action: 'removeTags', changed: 2, unchanged: 0, overLimit: 0 });
  });

  it('deletes those without orders and keeps the others', async () => {
    const { admin, a, b } = await twoCustomers('deleting');
    await createOrder({ actor: admin, input: { customerId: a.id, items: [{ sku: 'S', name: 'Sock', quantity: 1, unitPrice: 500 }] } });
    const response = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'delete', target: { ids: [a.id, b.id] } } });
    expect(await response.json()).toEqual({ action: 'delete', deleted: 1, keptWithOrders: 1 });
  });

  it('moves to a group, or says which field is missing or misplaced', async () => {
    const { a } = await twoCustomers('moving');
    const moved = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'moveToGroup', groupId: null, target: { ids: [a.id] } } });
    expect(await moved.json()).toEqual({ action: 'moveToGroup', moved: 0 });
    const noTags = await problemOf(await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'addTags', target: { ids: [a.id] } } }));
    expect(noTags).toMatchObject({ status: 422, paths: ['tags'] });
    const misplaced = await problemOf(await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'delete', groupId: null, target: { filter: {} } } }));
    expect(misplaced).toMatchObject({ status: 422, paths: ['groupId'] });
  });

  it('answers unusual unicode in tags without a 5xx: emoji are kept, a lone surrogate and a NUL byte are refused', async () => {
    const { a } = await twoCustomers('unicode');
    const emoji = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'addTags', tags: ['🏳️‍🌈', 'e\u0301'], target: { ids: [a.id] } } });
    expect(emoji.status).toBe(200);
    expect((await getCustomerById({ id: a.id })).tags).toEqual(['VIP', '🏳️‍🌈', 'e\u0301']);
    const lone = await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'addTags', tags: ['a\ud800'], target: { ids: [a.id] } } });
    expect(lone.status).toBe(422);
    const nul = await problemOf(await call(POST, 'POST', '/customers/bulk', { key: adminKey, body: { action: 'removeTags', tags: ['a\u0000b'], target: { ids: [a.id] } } }));
    expect(nul).toMatchObject({ status: 422, paths: ['tags.0'] });
  });

  it('refuses a staff key with 403 before reading the body', async () => {
    const response = await call(POST, 'POST', '/customers/bulk', { key: staffKey, body: { nonsense: true } });
    expect(response.status).toBe(403);
  });
});
