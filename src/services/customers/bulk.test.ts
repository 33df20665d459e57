import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addTagsToCustomers, createCustomer, deleteCustomer, deleteCustomersWithoutOrders, getCustomerById, removeTagsFromCustomers, updateCustomer } from '../customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../errors';
import { createOrder } from '../orders';

withTestDatabase();

let admin: Actor;
let staff: Actor;
beforeAll(async () => {
  admin = await createStaffActor('admin');
  staff = await createStaffActor('staff');
});

let serial = 0;
async function customer(tags: string[] = [], name = 'Bulk') {
  serial += 1;
  return createCustomer({ actor: admin, input: { firstName: name, lastName: `N${serial}`, email: `bulk-${serial}-${Date.now()}@tags.test`, tags } });
}

async function eventsOf(ids: string[], type: string) {
  return getDb().select().from(customerEvents).where(and(inArray(customerEvents.customerId, ids), eq(customerEvents.type, type)));
}

async function tagsOf(id: string) {
  return (await getCustomerById({ id })).tags;
}

describe(`bulk tags (${TEST_DB_KIND})`, () => {
  it('adds a tag to those without it, keeps the spelling of those who have it, and records an event per customer changed', async () => {
    const plain = await customer(['wholesale']);
    const already = await customer(['VIP']);
    const empty = await customer();

    const result = await addTagsToCustomers({ actor: admin, tags: ['vip', 'Spring'], target: { ids: [plain.id, already.id, empty.id] } });
    expect(result).toEqual({ changed: 3, unchanged: 0, overLimit: 0 });
    expect(await tagsOf(plain.id)).toEqual(['wholesale', 'vip', 'Spring']);
    expect(await tagsOf(already.id)).toEqual(['VIP', 'Spring']);

    // Asked again: nobody changes, nobody gets another event or version.
    const again = await addTagsToCustomers({ actor: admin, tags: ['VIP'], target: { ids: [plain.id, already.id, empty.id] } });
    expect(again).toEqual({ changed: 0, unchanged: 3, overLimit: 0 });
    const events = await eventsOf([plain.id, already.id, empty.id], 'customer.tags_added');
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.customerId === already.id)).toMatchObject({ actorType: 'staff', actorId: admin.id, data: { tags: ['Spring'] } });
    expect((await getCustomerById({ id: plain.id })).version).toBe(plain.version + 1);
  });

  it('skips and counts a customer who would pass 50 tags, leaving them untouched', async () => {
    const full = await customer(Array.from({ length: 49 }, (_, i) => `t${i}`));
    const roomy = await customer(['a']);
    const result = await addTagsToCustomers({ actor: admin, tags: ['x', 'y'], target: { ids: [full.id, roomy.id] } });
    expect(result).toEqual({ changed: 1, unchanged: 0, overLimit: 1 });
    expect(await tagsOf(full.id)).toHaveLength(49);
    expect((await getCustomerById({ id: full.id })).version).toBe(full.version);
    expect(await eventsOf([full.id], 'customer.tags_added')).toHaveLength(0);
    // One tag fits: 50 is allowed.
    expect(await addTagsToCustomers({ actor: admin, tags: ['x'], target: { ids: [full.id] } })).toEqual({ changed: 1, unchanged: 0, overLimit: 0 });
    expect(await tagsOf(full.id)).toHaveLength(50);
  });

  it('removes tags whatever their case from everyone matching a filter, and nobody else', async () => {
    const a = await customer(['Promo', 'keep'], 'Filtered');
    const b = await customer(['promo'], 'Filtered');
    const c = await customer(['keep'], 'Filtered');
    const outside = await customer(['promo'], 'Elsewhere');

    const result = await removeTagsFromCustomers({ actor: admin, tags: ['PROMO'], target: { filter: { q: 'filtered' } } });
    expect(result).toEqual({ changed: 2, unchanged: 1, overLimit: 0 });
    expect(await tagsOf(a.id)).toEqual(['keep']);
    expect(await tagsOf(b.id)).toEqual([]);
    expect((await getCustomerById({ id: c.id })).version).toBe(c.version);
    expect(await tagsOf(outside.id)).toEqual(['promo']);
    const events = await eventsOf([a.id, b.id, c.id, outside.id], 'customer.tags_removed');
    expect(events.map((e) => [e.customerId, e.data]).sort()).toEqual([[a.id, { tags: ['Promo'] }], [b.id, { tags: ['promo'] }]].sort());
  });

  it('adds to everyone matching a tag filter, and the customer form refuses a stale version afterwards', async () => {
    const one = await customer(['winter']);
    const two = await customer(['winter', 'sale']);
    const result = await addTagsToCustomers({ actor: admin, tags: ['sale'], target: { filter: { tag: 'winter' } } });
    expect(result).toEqual({ changed: 1, unchanged: 1, overLimit: 0 });
    await expect(updateCustomer({ actor: admin, id: one.id, input: { company: 'Late Ltd', version: one.version } })).rejects.toBeInstanceOf(ConflictError);
    expect((await getCustomerById({ id: two.id })).tags).toEqual(['winter', 'sale']);
  });

  it('refuses a role without bulk edits, no tags, and a tag of 41 characters, changing nobody', async () => {
    const c = await customer();
    await expect(addTagsToCustomers({ actor: staff, tags: ['x'], target: { ids: [c.id] } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addTagsToCustomers({ actor: admin, tags: [], target: { ids: [c.id] } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(removeTagsFromCustomers({ actor: admin, tags: ['x'.repeat(41)], target: { ids: [c.id] } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(addTagsToCustomers({ actor: admin, tags: ['x'], target: { filter: { tags: 'x' } as never } })).rejects.toBeInstanceOf(ValidationFailedError);
    expect((await getCustomerById({ id: c.id })).version).toBe(c.version);
  });

  it('stores a lone surrogate as U+FFFD, as the single edit does, rather than failing', async () => {
    const c = await customer();
    expect(await addTagsToCustomers({ actor: admin, tags: ['a\ud800'], target: { ids: [c.id] } })).toMatchObject({ changed: 1 });
    expect(await tagsOf(c.id)).toEqual(['a\ufffd']);
  });

  it('leaves nothing half-done when the statement fails part way', async () => {
    const first = await customer();
    const second = await customer();
    const db = getDb();
    // A trigger that refuses the second customer's event: the tags, versions and the first event must all roll back.
    await db.execute(sql.raw(`create function refuse_bulk_event() returns trigger language plpgsql as $$ begin
      if new.customer_id = '${second.id}' then raise exception 'refused for the test'; end if; return new; end $$`));
    await db.execute(sql.raw('create trigger refuse_bulk_event before insert on customer_events for each row execute function refuse_bulk_event()'));
    try {
      await expect(addTagsToCustomers({ actor: admin, tags: ['half'], target: { ids: [first.id, second.id] } })).rejects.toThrow();
    } finally {
      await db.execute(sql.raw('drop trigger refuse_bulk_event on customer_events'));
      await db.execute(sql.raw('drop function refuse_bulk_event'));
    }
    for (const before of [first, second]) {
      const after = await getCustomerById({ id: before.id });
      expect(after.tags).toEqual([]);
      expect(after.version).toBe(before.version);
    }
    expect(await eventsOf([first.id, second.id], 'customer.tags_added')).toHaveLength(0);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('loses neither a bulk tag add nor a single edit committed while it waits for the row', async () => {
    const target = await customer(['start']);
    const others = await Promise.all([customer(), customer()]);
    const db = getDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Someone holds the row; a single edit queues first, the bulk add second.
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${customers} where ${customers.id} = ${target.id} for update`);
      locked();
      await held;
    });
    await isLocked;
    const edit = updateCustomer({ actor: admin, id: target.id, input: { tags: ['start', 'manual'], firstName: 'Edited', version: target.version } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const bulk = addTagsToCustomers({ actor: admin, tags: ['vip'], target: { ids: [target.id, ...others.map((o) => o.id)] } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await holder;
    await edit;
    expect(await bulk).toEqual({ changed: 3, unchanged: 0, overLimit: 0 });
    const after = await getCustomerById({ id: target.id });
    expect(after.firstName).toBe('Edited');
    expect(after.tags).toEqual(['start', 'manual', 'vip']);
    expect(after.version).toBe(target.version + 2);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('adds a tag to 40,000 customers matching a filter in one operation', async () => {
    await getDb().execute(sql`
      insert into ${customers} (first_name, last_name, email, tags)
      select 'Many', 'M' || n, 'many' || n || '@many.test', case when n % 10 = 0 then array['big'] else array[]::text[] end
      from generate_series(1, 40000) as n`);
    const started = performance.now();
    const result = await addTagsToCustomers({ actor: admin, tags: ['big'], target: { filter: { q: '@many.test' } } });
    console.log(`addTagsToCustomers: ${result.changed} customers tagged in ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ changed: 36_000, unchanged: 4_000, overLimit: 0 });
    const [{ events }] = await getDb().select({ events: sql<number>`count(*)::int` }).from(customerEvents).where(eq(customerEvents.type, 'customer.tags_added'));
    expect(events).toBeGreaterThanOrEqual(36_000);
  }, 120_000);
});

describe(`bulk delete of customers without orders (${TEST_DB_KIND})`, () => {
  it('deletes those without orders, keeps those with any order (pending included), and says how many of each', async () => {
    const gone = await Promise.all([customer([], 'Doomed'), customer([], 'Doomed')]);
    const buyer = await customer([], 'Doomed');
    await createOrder({ actor: admin, input: { customerId: buyer.id, items: [{ sku: 'S', name: 'Sock', quantity: 1, unitPrice: 500 }] } });

    expect(await deleteCustomersWithoutOrders({ actor: admin, target: { filter: { q: 'doomed' } } })).toEqual({ deleted: 2, keptWithOrders: 1 });
    const left = await getDb().select({ id: customers.id }).from(customers).where(inArray(customers.id, [...gone.map((c) => c.id), buyer.id]));
    expect(left.map((row) => row.id)).toEqual([buyer.id]);
    // The single delete applies the same rule.
    await expect(deleteCustomer({ actor: admin, id: buyer.id })).rejects.toThrow(/1 order\(s\)/);
  });

  it('is refused for a role that may not delete one customer, deleting nobody', async () => {
    const c = await customer();
    await expect(deleteCustomersWithoutOrders({ actor: staff, target: { ids: [c.id] } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCustomerById({ id: c.id })).id).toBe(c.id);
  });
});
