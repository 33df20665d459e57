import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { discounts, discountTargetGroups } from '@/db/schema';
import { customerGroupDeletedSchema, customerGroupSchema, groupMembersMovedSchema, pageOf } from '@/http/openapi/schemas';
import type { Customer, CustomerDetail, CustomerGroup } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as customersRoute from '../customers/route';
import * as customerRoute from '../customers/[id]/route';
import * as membersRoute from './[id]/members/route';
import * as groupRoute from './[id]/route';
import * as groupsRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
});

async function createGroup(body: Record<string, unknown>): Promise<CustomerGroup> {
  const response = await call(groupsRoute.POST, 'POST', '/customer-groups', { key: adminKey, body });
  expect(response.status).toBe(201);
  return (await response.json()) as CustomerGroup;
}

async function createCustomer(email: string, tags: string[] = []): Promise<Customer> {
  const response = await call(customersRoute.POST, 'POST', '/customers', { key: adminKey, body: { firstName: 'Member', email, tags } });
  return (await response.json()) as Customer;
}

async function groupOf(customerId: string): Promise<string | null> {
  const response = await call(customerRoute.GET, 'GET', `/customers/${customerId}`, { key: staffKey, params: { id: customerId } });
  return ((await response.json()) as CustomerDetail).customerGroupId;
}

const getGroup = (id: string) => call(groupRoute.GET, 'GET', `/customer-groups/${id}`, { key: staffKey, params: { id } });
const addMembers = (id: string, body: unknown, key = adminKey) => call(membersRoute.POST, 'POST', `/customer-groups/${id}/members`, { key, body, params: { id } });
const deleteGroup = (id: string, query = '', key = adminKey) => call(groupRoute.DELETE, 'DELETE', `/customer-groups/${id}${query}`, { key, params: { id } });

describe(`/api/v1/customer-groups (${TEST_DB_KIND})`, () => {
  it('creates a group that the list and GET by id then show, as documented', async () => {
    const created = await createGroup({ name: 'Trade', description: 'Resellers' });
    expect(customerGroupSchema.strict().safeParse(created).error).toBeUndefined();
    const list = await call(groupsRoute.GET, 'GET', '/customer-groups', { key: staffKey });
    const body = await list.json();
    expect(pageOf(customerGroupSchema.strict()).safeParse(body).error).toBeUndefined();
    expect(body.data.map((g: CustomerGroup) => g.name)).toEqual(['Retail', 'Trade', 'VIP', 'Wholesaler']);
    expect(await (await getGroup(created.id)).json()).toMatchObject({ name: 'Trade', description: 'Resellers', memberCount: 0 });
  });

  it('answers 409 on the name field to a name taken in another case, and 403 to a staff key', async () => {
    const taken = await call(groupsRoute.POST, 'POST', '/customer-groups', { key: adminKey, body: { name: 'vip' } });
    expect(await problemOf(taken)).toMatchObject({ status: 409, paths: ['name'] });
    const staff = await call(groupsRoute.POST, 'POST', '/customer-groups', { key: staffKey, body: { name: 'By staff' } });
    expect(staff.status).toBe(403);
  });

  it('renames with PATCH, refusing a stale updatedAt with 409 and an unknown field with 422', async () => {
    const group = await createGroup({ name: 'Renamable' });
    const patch = (body: unknown) => call(groupRoute.PATCH, 'PATCH', `/customer-groups/${group.id}`, { key: adminKey, body, params: { id: group.id } });
    const renamed = await patch({ name: 'Renamed', updatedAt: group.updatedAt });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Renamed' });
    expect(await problemOf(await patch({ description: 'late', updatedAt: group.updatedAt }))).toMatchObject({ status: 409, paths: ['updatedAt'] });
    expect(await problemOf(await patch({ nmae: 'typo' }))).toMatchObject({ status: 422, paths: ['nmae'] });
  });

  it('answers 404 to an unknown or malformed group id', async () => {
    expect((await getGroup(crypto.randomUUID())).status).toBe(404);
    expect((await getGroup('nope')).status).toBe(404);
  });
});

describe(`POST /api/v1/customer-groups/{id}/members (${TEST_DB_KIND})`, () => {
  it('moves customers by id, and everyone matching a filter, answering how many moved', async () => {
    const group = await createGroup({ name: 'Movers' });
    const [a, b] = [await createCustomer('a@move.test'), await createCustomer('b@move.test')];
    const tagged = [await createCustomer('t1@move.test', ['spring']), await createCustomer('t2@move.test', ['spring'])];

    const byIds = await addMembers(group.id, { customerIds: [a.id, b.id] });
    expect(byIds.status).toBe(200);
    const moved = await byIds.json();
    expect(groupMembersMovedSchema.strict().safeParse(moved).error).toBeUndefined();
    expect(moved).toEqual({ moved: 2 });
    expect(await groupOf(a.id)).toBe(group.id);

    expect(await (await addMembers(group.id, { filter: { tag: 'spring' } })).json()).toEqual({ moved: 2 });
    for (const customer of tagged) expect(await groupOf(customer.id)).toBe(group.id);
    expect(await (await getGroup(group.id)).json()).toMatchObject({ memberCount: 4 });
  });

  it('refuses a misspelt filter field, both or neither of customerIds and filter, and a staff key, moving nobody', async () => {
    const group = await createGroup({ name: 'Strict' });
    const customer = await createCustomer('strict@move.test');
    expect(await problemOf(await addMembers(group.id, { filter: { tagg: 'x' } }))).toMatchObject({ status: 422, paths: ['filter.tagg'] });
    expect((await addMembers(group.id, { customerIds: [customer.id], filter: {} })).status).toBe(422);
    expect((await addMembers(group.id, {})).status).toBe(422);
    expect((await addMembers(group.id, { customerIds: [customer.id] }, staffKey)).status).toBe(403);
    expect(await groupOf(customer.id)).toBeNull();
  });
});

describe(`DELETE /api/v1/customer-groups/{id} (${TEST_DB_KIND})`, () => {
  it('refuses while a discount targets the group, naming it', async () => {
    const group = await createGroup({ name: 'Discounted' });
    const [discount] = await getDb().insert(discounts).values({ code: 'TRADE5', kind: 'fixed_amount', value: 500 }).returning();
    await getDb().insert(discountTargetGroups).values({ discountId: discount.id, groupId: group.id });
    expect(await problemOf(await deleteGroup(group.id, '?confirmMembersToNoGroup=true'))).toMatchObject({ status: 409, detail: expect.stringMatching(/^Targeted by discount TRADE5/) });
  });

  it('refuses while the group has members, then with confirmation moves them to no group', async () => {
    const group = await createGroup({ name: 'Closing' });
    const member = await createCustomer('m@close.test');
    await addMembers(group.id, { customerIds: [member.id] });

    expect(await problemOf(await deleteGroup(group.id))).toMatchObject({ status: 409, paths: ['confirmMembersToNoGroup'] });
    const deleted = await deleteGroup(group.id, '?confirmMembersToNoGroup=true');
    expect(deleted.status).toBe(200);
    const body = await deleted.json();
    expect(customerGroupDeletedSchema.strict().safeParse(body).error).toBeUndefined();
    expect(body).toEqual({ membersMoved: 1 });
    expect(await groupOf(member.id)).toBeNull();
    expect((await getGroup(group.id)).status).toBe(404);
  });
});
