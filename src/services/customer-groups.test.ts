import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { listCustomerGroupOptions, listCustomerGroups } from './customer-groups';
import { createCustomer } from './customers';

withTestDatabase();

let vipId: string;

beforeAll(async () => {
  const actor = await createStaffActor();
  [{ id: vipId }] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
  for (const email of ['a@vip.test', 'b@vip.test']) await createCustomer({ actor, input: { firstName: 'V', email, customerGroupId: vipId } });
  await createCustomer({ actor, input: { firstName: 'Nobody', email: 'n@none.test' } });
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
