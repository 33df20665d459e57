import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { campaigns, campaignTargetGroups, customerGroups, discounts, discountTargetGroups } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import {
  createCustomerGroup,
  deleteCustomerGroup,
  getCustomerGroupById,
  listCustomerGroupOptions,
  listCustomerGroups,
  updateCustomerGroup,
} from './customer-groups';
import { createCustomer, getCustomerById, listCustomerEvents } from './customers';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from './errors';

withTestDatabase();

let vipId: string;
let admin: Awaited<ReturnType<typeof createStaffActor>>;
let staff: Awaited<ReturnType<typeof createStaffActor>>;

beforeAll(async () => {
  admin = await createStaffActor('admin');
  staff = await createStaffActor('staff');
  [{ id: vipId }] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
  for (const email of ['a@vip.test', 'b@vip.test']) await createCustomer({ actor: admin, input: { firstName: 'V', email, customerGroupId: vipId } });
  await createCustomer({ actor: admin, input: { firstName: 'Nobody', email: 'n@none.test' } });
});

describe(`customer groups (${TEST_DB_KIND})`, () => {
  it('lists the seeded groups by name with how many customers each holds', async () => {
    const groups = await listCustomerGroups();
    expect(groups.map((g) => [g.name, g.memberCount])).toEqual([
      ['Retail', 0],
      ['VIP', 2],
      ['Wholesaler', 0],
    ]);
  });

  it('offers the same groups for pickers as id and name only, without counting members', async () => {
    const options = await listCustomerGroupOptions();
    expect(options).toEqual((await listCustomerGroups()).map(({ id, name }) => ({ id, name })));
    expect(options.find((o) => o.id === vipId)).toEqual({ id: vipId, name: 'VIP' });
  });
});

describe('createCustomerGroup', () => {
  it('creates a group with no members', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: '  Trade  ', description: 'Shops reselling' } });
    expect(group).toMatchObject({ name: 'Trade', description: 'Shops reselling', memberCount: 0 });
    expect(await getCustomerGroupById({ id: group.id })).toMatchObject({ name: 'Trade', memberCount: 0 });
  });

  it('rejects a name that differs only in case from an existing one, on the name field', async () => {
    const error = await createCustomerGroup({ actor: admin, input: { name: 'vip' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors?.[0].path).toBe('name');
  });

  it('rejects an empty name and one over 60 characters', async () => {
    await expect(createCustomerGroup({ actor: admin, input: { name: ' ' } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(createCustomerGroup({ actor: admin, input: { name: 'x'.repeat(61) } })).rejects.toBeInstanceOf(ValidationFailedError);
    expect((await createCustomerGroup({ actor: admin, input: { name: 'y'.repeat(60) } })).name).toHaveLength(60);
  });

  it('is refused to staff, who may only read groups', async () => {
    await expect(createCustomerGroup({ actor: staff, input: { name: 'Sneaky' } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCustomerGroups()).map((g) => g.name)).not.toContain('Sneaky');
  });
});

describe('updateCustomerGroup', () => {
  it('renames and describes a group, keeping its members', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Old name' } });
    await createCustomer({ actor: admin, input: { firstName: 'M', email: 'm@rename.test', customerGroupId: group.id } });
    const renamed = await updateCustomerGroup({ actor: admin, id: group.id, input: { name: 'New name', description: 'Now described', updatedAt: group.updatedAt } });
    expect(renamed).toMatchObject({ name: 'New name', description: 'Now described', memberCount: 1 });
  });

  it('refuses a change made from a stale copy, leaving the newer one', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Contested' } });
    await updateCustomerGroup({ actor: admin, id: group.id, input: { description: 'First', updatedAt: group.updatedAt } });
    const error = await updateCustomerGroup({ actor: admin, id: group.id, input: { description: 'Second', updatedAt: group.updatedAt } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((await getCustomerGroupById({ id: group.id })).description).toBe('First');
  });

  it('refuses a rename to another group’s name in any case', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Unique one' } });
    const error = await updateCustomerGroup({ actor: admin, id: group.id, input: { name: 'WHOLESALER' } }).catch((e: unknown) => e);
    expect((error as ConflictError).fieldErrors?.[0]).toMatchObject({ path: 'name' });
  });

  it('answers not found for an unknown id', async () => {
    await expect(updateCustomerGroup({ actor: admin, id: crypto.randomUUID(), input: { name: 'X' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('deleteCustomerGroup', () => {
  it('deletes an empty group', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Empty' } });
    expect(await deleteCustomerGroup({ actor: admin, id: group.id })).toEqual({ membersMoved: 0 });
    await expect(getCustomerGroupById({ id: group.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is refused while a discount and a campaign target the group, naming them', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Targeted' } });
    const [discount] = await getDb().insert(discounts).values({ code: 'VIP10', kind: 'percentage', value: 1000 }).returning();
    const [campaign] = await getDb().insert(campaigns).values({ name: 'Spring sale', channel: 'email', body: 'Hi' }).returning();
    await getDb().insert(discountTargetGroups).values({ discountId: discount.id, groupId: group.id });
    await getDb().insert(campaignTargetGroups).values({ campaignId: campaign.id, groupId: group.id });

    const error = await deleteCustomerGroup({ actor: admin, id: group.id, input: { confirmMembersToNoGroup: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^Targeted by discount VIP10 and campaign 'Spring sale'/);
    expect((await getCustomerGroupById({ id: group.id })).name).toBe('Targeted');
  });

  it('is refused while the group has members, until staff confirm; then they fall back to no group on their timelines', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Leaving' } });
    const members = [];
    for (const email of ['l1@leave.test', 'l2@leave.test']) members.push(await createCustomer({ actor: admin, input: { firstName: 'L', email, customerGroupId: group.id } }));

    const error = await deleteCustomerGroup({ actor: admin, id: group.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain('has 2 members');
    expect((error as ConflictError).fieldErrors?.[0].path).toBe('confirmMembersToNoGroup');

    expect(await deleteCustomerGroup({ actor: admin, id: group.id, input: { confirmMembersToNoGroup: true } })).toEqual({ membersMoved: 2 });
    for (const member of members) {
      const after = await getCustomerById({ id: member.id });
      expect(after.customerGroupId).toBeNull();
      expect(after.version).toBe(member.version + 1);
      const events = await listCustomerEvents({ customerId: member.id });
      expect(events.data[0]).toMatchObject({ type: 'customer.group_changed', actorId: admin.id, data: { from: group.id, to: null } });
    }
    await expect(getCustomerGroupById({ id: group.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is refused to staff', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Kept' } });
    await expect(deleteCustomerGroup({ actor: staff, id: group.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCustomerGroupById({ id: group.id })).name).toBe('Kept');
  });
});
