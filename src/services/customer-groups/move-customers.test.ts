import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customerGroups, customers } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { assignCustomersToGroup, createCustomerGroup } from '../customer-groups';
import { createCustomer, getCustomerById, listCustomerEvents } from '../customers';
import { countCustomers } from '../customers/list';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';

withTestDatabase();

const BULK = 3000;
let admin: Awaited<ReturnType<typeof createStaffActor>>;
let vipId: string;
let retailId: string;

/** Inserts `count` customers in one statement: every third in VIP, even ones tagged "even", spend 100 × n. */
async function insertBulkCustomers(prefix: string, count: number) {
  await getDb().execute(sql`
    insert into ${customers} (first_name, last_name, email, customer_group_id, total_spend, tags)
    select 'Bulk', ${prefix} || n, ${prefix} || n || '@bulk.test', case when n % 3 = 0 then ${vipId}::uuid end, n * 100,
      case when n % 2 = 0 then array['even'] else array[]::text[] end
    from generate_series(1, ${count}) as n`);
}

async function countWhere(where: ReturnType<typeof and>) {
  const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers).where(where);
  return count;
}

beforeAll(async () => {
  admin = await createStaffActor('admin');
  const groups = await getDb().select().from(customerGroups);
  vipId = groups.find((g) => g.name === 'VIP')!.id;
  retailId = groups.find((g) => g.name === 'Retail')!.id;
  await insertBulkCustomers('b', BULK);
});

describe(`assignCustomersToGroup (${TEST_DB_KIND})`, () => {
  it('moves the selected customers, bumps their versions and records the change on each timeline', async () => {
    const a = await createCustomer({ actor: admin, input: { firstName: 'Ann', email: 'ann@pick.test' } });
    const b = await createCustomer({ actor: admin, input: { firstName: 'Bob', email: 'bob@pick.test', customerGroupId: vipId } });
    const c = await createCustomer({ actor: admin, input: { firstName: 'Cy', email: 'cy@pick.test', customerGroupId: retailId } });

    expect(await assignCustomersToGroup({ actor: admin, groupId: retailId, target: { ids: [a.id, b.id, c.id] } })).toEqual({ moved: 2 });

    for (const [before, from] of [[a, null], [b, vipId]] as const) {
      const after = await getCustomerById({ id: before.id });
      expect(after.customerGroup?.name).toBe('Retail');
      expect(after.version).toBe(before.version + 1);
      expect((await listCustomerEvents({ customerId: before.id })).data[0]).toMatchObject({
        type: 'customer.group_changed',
        actorType: 'staff',
        actorId: admin.id,
        data: { from, to: retailId },
      });
    }
    // Already in Retail: untouched, no event.
    expect((await getCustomerById({ id: c.id })).version).toBe(c.version);
    expect((await listCustomerEvents({ customerId: c.id })).data.map((e) => e.type)).toEqual(['customer.created']);
  });

  it('moves everyone matching a list filter in one go, and nobody else', async () => {
    const filter = { tag: 'even', minSpend: 100_000, q: 'bulk' };
    // Even n with 100 × n ≥ 100,000: n in 1000…3000, even.
    const matching = and(sql`${customers.tags} @> array['even']`, sql`${customers.totalSpend} >= 100000`, sql`${customers.email} like '%@bulk.test'`);
    const expected = await countWhere(and(matching, sql`${customers.customerGroupId} is distinct from ${retailId}::uuid`));
    const untouchedBefore = await countWhere(sql`not (${matching}) and ${customers.customerGroupId} = ${vipId}::uuid`);

    // The count the list offers ("Select all N matching this filter") is the same set.
    expect(await countCustomers(filter)).toBe(await countWhere(matching));
    expect(await assignCustomersToGroup({ actor: admin, groupId: retailId, target: { filter } })).toEqual({ moved: expected });
    expect(expected).toBe(1001);
    expect(await countWhere(and(matching, eq(customers.customerGroupId, retailId)))).toBe(1001);
    expect(await countWhere(sql`not (${matching}) and ${customers.customerGroupId} = ${vipId}::uuid`)).toBe(untouchedBefore);
    const [{ events }] = await getDb()
      .select({ events: sql<number>`count(*)::int` })
      .from(customerEvents)
      .where(and(eq(customerEvents.type, 'customer.group_changed'), sql`${customerEvents.data}->>'to' = ${retailId}`));
    expect(events).toBe(1001 + 2);

    // Nothing left to move: a repeat is a no-op.
    expect(await assignCustomersToGroup({ actor: admin, groupId: retailId, target: { filter } })).toEqual({ moved: 0 });
  });

  it('moves customers to no group with null, filtered by their current group', async () => {
    const inVip = await countWhere(eq(customers.customerGroupId, vipId));
    expect(inVip).toBeGreaterThan(0);
    expect(await assignCustomersToGroup({ actor: admin, groupId: null, target: { filter: { groupId: vipId } } })).toEqual({ moved: inVip });
    expect(await countWhere(eq(customers.customerGroupId, vipId))).toBe(0);
  });

  it('refuses an unknown group, a staff member, and an empty selection, changing nobody', async () => {
    const [{ id }] = await getDb().select({ id: customers.id }).from(customers).limit(1);
    const before = await getCustomerById({ id });
    await expect(assignCustomersToGroup({ actor: admin, groupId: crypto.randomUUID(), target: { ids: [id] } })).rejects.toBeInstanceOf(NotFoundError);
    const staff = await createStaffActor('staff');
    await expect(assignCustomersToGroup({ actor: staff, groupId: vipId, target: { ids: [id] } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignCustomersToGroup({ actor: admin, groupId: vipId, target: { ids: [] } })).rejects.toBeInstanceOf(ValidationFailedError);
    expect((await getCustomerById({ id })).version).toBe(before.version);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('moves 40,000 customers matching a filter in one operation', async () => {
    const group = await createCustomerGroup({ actor: admin, input: { name: 'Forty thousand' } });
    await insertBulkCustomers('big', 40_000);
    const started = performance.now();
    const { moved } = await assignCustomersToGroup({ actor: admin, groupId: group.id, target: { filter: { q: 'bulk big' } } });
    const ms = Math.round(performance.now() - started);
    console.log(`assignCustomersToGroup: ${moved} customers moved in ${ms} ms`);
    expect(moved).toBe(40_000);
  }, 120_000);
});
