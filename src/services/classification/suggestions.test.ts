import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { classificationSuggestions, customerEvents, customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, getCustomerById, updateCustomer } from '../customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../errors';
import { completeOrder, createOrder } from '../orders';
import { acceptSuggestion, acceptSuggestions, countPendingSuggestions, countPendingSuggestionsByGroup, listSuggestions, rejectSuggestion, rejectSuggestions, suggestForCustomer } from './suggestions';

withTestDatabase();

const system: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };
let manager: Actor & { type: 'staff' };
let clerk: Actor & { type: 'staff' };
const group: Record<string, string> = {};

/** A customer in `groupName` with two 40-item orders: the built-in rules call them a Wholesaler. */
async function trader(name: string, groupName = 'Retail'): Promise<string> {
  const customer = await createCustomer({ actor: system, input: { firstName: name, email: `${crypto.randomUUID()}@example.com`, customerGroupId: group[groupName] } });
  for (const daysAgo of [10, 40]) {
    const order = await createOrder({
      actor: system,
      input: { customerId: customer.id, items: [{ sku: 'BULK', name: 'Box', quantity: 40, unitPrice: 300 }], placedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() },
    });
    await completeOrder({ actor: system, id: order.id });
  }
  return customer.id;
}

const pendingOf = (customerId: string) =>
  getDb().select().from(classificationSuggestions).where(eq(classificationSuggestions.customerId, customerId)).then((rows) => rows.filter((r) => r.status === 'pending'));
const groupChanges = (customerId: string) =>
  getDb().select().from(customerEvents).where(eq(customerEvents.customerId, customerId)).then((rows) => rows.filter((r) => r.type === 'customer.group_changed'));

beforeAll(async () => {
  for (const row of await getDb().select().from(customerGroups)) group[row.name] = row.id;
  manager = await createStaffActor('admin', 'Mia Manager');
  clerk = await createStaffActor('staff', 'Sam Staff');
}, 60_000);

describe(`suggestForCustomer (${TEST_DB_KIND})`, () => {
  it('stores one pending suggestion per customer, a newer one replacing the older', async () => {
    const id = await trader('Tess Trader');
    const first = await suggestForCustomer({ actor: clerk, customerId: id });
    expect(first.suggestion).toMatchObject({ customerName: 'Tess Trader', currentGroupName: 'Retail', suggestedGroupName: 'Wholesaler', source: 'built_in', status: 'pending' });
    expect(first.suggestion!.reasons[0]).toMatch(/^2 orders averaging 40 items/);
    const second = await suggestForCustomer({ actor: clerk, customerId: id });
    expect(second.suggestion!.id).not.toBe(first.suggestion!.id);
    expect((await pendingOf(id)).map((row) => row.id)).toEqual([second.suggestion!.id]);

    // Ten at once still leave exactly one.
    await Promise.all(Array.from({ length: 10 }, () => suggestForCustomer({ actor: clerk, customerId: id })));
    expect(await pendingOf(id)).toHaveLength(1);
  });

  it('stores nothing for a customer already in the suggested group, and removes a stale pending one', async () => {
    const id = await trader('Will Wholesale');
    await suggestForCustomer({ actor: clerk, customerId: id });
    await getDb().update(customers).set({ customerGroupId: group.Wholesaler }).where(eq(customers.id, id));
    expect(await suggestForCustomer({ actor: clerk, customerId: id })).toEqual({ suggestion: null, reason: 'already in group' });
    expect(await pendingOf(id)).toHaveLength(0);
  });
});

describe(`accepting and rejecting (${TEST_DB_KIND})`, () => {
  it('moves the customer once under ten concurrent accepts, and the timeline names who accepted which suggestion', async () => {
    const id = await trader('Rita Race');
    const { suggestion } = await suggestForCustomer({ actor: clerk, customerId: id });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => acceptSuggestion({ actor: manager, id: suggestion!.id })));
    expect(outcomes.every((o) => o.status === 'fulfilled' && o.value.status === 'accepted')).toBe(true);

    const customer = await getCustomerById({ id });
    expect(customer.customerGroupId).toBe(group.Wholesaler);
    expect(customer.version).toBe(2);
    const events = await groupChanges(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'staff', actorId: manager.id, data: { from: group.Retail, to: group.Wholesaler, suggestionId: suggestion!.id } });
    const [row] = await getDb().select().from(classificationSuggestions).where(eq(classificationSuggestions.id, suggestion!.id));
    expect(row).toMatchObject({ status: 'accepted', decidedById: manager.id });
    expect(row.decidedAt).toBeInstanceOf(Date);
  });

  it('refuses a suggestion whose customer changed group since it was made, and leaves the group alone', async () => {
    const id = await trader('Sid Stale');
    const { suggestion } = await suggestForCustomer({ actor: clerk, customerId: id });
    await updateCustomer({ actor: clerk, id, input: { customerGroupId: group.VIP } });
    const error = await acceptSuggestion({ actor: manager, id: suggestion!.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/Sid Stale's group changed since this suggestion was made \(it was Retail\)/);
    expect((await getCustomerById({ id })).customerGroupId).toBe(group.VIP);
    expect((await listSuggestions({ actor: clerk })).data.find((s) => s.id === suggestion!.id)).toMatchObject({ isStale: true, status: 'pending' });
  });

  it('lets staff read and ask but only managers decide; a rejected suggestion cannot then be accepted', async () => {
    const id = await trader('Rex Reject');
    const { suggestion } = await suggestForCustomer({ actor: clerk, customerId: id });
    await expect(acceptSuggestion({ actor: clerk, id: suggestion!.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await rejectSuggestion({ actor: manager, id: suggestion!.id })).status).toBe('rejected');
    expect((await rejectSuggestion({ actor: manager, id: suggestion!.id })).status).toBe('rejected');
    await expect(acceptSuggestion({ actor: manager, id: suggestion!.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await getCustomerById({ id })).customerGroupId).toBe(group.Retail);
  });
});

describe(`listSuggestions and bulk decisions (${TEST_DB_KIND})`, () => {
  it('pages newest first without repeats, and bulk-accepts all matching a filter atomically and once', async () => {
    // Clear the earlier tests' pending ones so that the filter below reaches exactly these.
    await rejectSuggestions({ actor: manager, input: { filter: {} } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await trader(`Bulk ${i}`));
    const vipTrader = await trader('Vip Trader', 'VIP');
    for (const id of [...ids, vipTrader]) await suggestForCustomer({ actor: clerk, customerId: id });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listSuggestions>> = await listSuggestions({ actor: clerk, query: { limit: 2, cursor } });
      seen.push(...page.data.map((s) => s.customerName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Vip Trader', 'Bulk 4', 'Bulk 3', 'Bulk 2', 'Bulk 1', 'Bulk 0']);
    expect(await countPendingSuggestionsByGroup({ actor: clerk })).toEqual([{ groupId: group.Wholesaler, groupName: 'Wholesaler', count: 6 }]);

    // The filter is on the customer as now: only those currently in Retail.
    const [first, again] = await Promise.all([
      acceptSuggestions({ actor: manager, input: { filter: { groupId: group.Retail } } }),
      acceptSuggestions({ actor: manager, input: { filter: { groupId: group.Retail } } }),
    ]);
    expect(first.decided + again.decided).toBe(5);
    for (const id of ids) expect(await groupChanges(id)).toHaveLength(1);
    expect((await getCustomerById({ id: vipTrader })).customerGroupId).toBe(group.VIP);
    expect((await listSuggestions({ actor: clerk })).data.map((s) => s.customerName)).toEqual(['Vip Trader']);

    const byIds = await acceptSuggestions({ actor: manager, input: { ids: [(await pendingOf(vipTrader))[0].id, crypto.randomUUID()] } });
    expect(byIds).toEqual({ decided: 1, stale: 0, skipped: 1 });
    expect((await listSuggestions({ actor: clerk, query: { status: 'accepted', limit: 200 } })).data).toHaveLength(7);
  });

  it('narrows the list, the count and a bulk accept to a least confidence', async () => {
    await rejectSuggestions({ actor: manager, input: { filter: {} } });
    const ids = [await trader('Sure Trader'), await trader('Unsure Trader')];
    for (const id of ids) await suggestForCustomer({ actor: clerk, customerId: id });
    // The rules give both 60%; a model could be surer of one.
    await getDb().update(classificationSuggestions).set({ confidence: 0.93 }).where(eq(classificationSuggestions.id, (await pendingOf(ids[0]))[0].id));

    const sure = { suggestedGroupId: group.Wholesaler, minConfidence: 0.9 };
    expect((await listSuggestions({ actor: clerk, query: sure })).data.map((s) => s.customerName)).toEqual(['Sure Trader']);
    expect((await listSuggestions({ actor: clerk, query: { minConfidence: '0.6' } })).data).toHaveLength(2);
    expect(await countPendingSuggestions({ actor: clerk, query: sure })).toBe(1);
    expect(await countPendingSuggestions({ actor: clerk })).toBe(2);
    await expect(listSuggestions({ actor: clerk, query: { minConfidence: 90 } })).rejects.toBeInstanceOf(ValidationFailedError);

    expect(await acceptSuggestions({ actor: manager, input: { filter: sure } })).toEqual({ decided: 1, stale: 0, skipped: 0 });
    expect((await getCustomerById({ id: ids[0] })).customerGroupId).toBe(group.Wholesaler);
    expect((await getCustomerById({ id: ids[1] })).customerGroupId).toBe(group.Retail);
    expect(await pendingOf(ids[1])).toHaveLength(1);
  });

  it('refuses a misspelt filter field rather than reaching every suggestion', async () => {
    await expect(acceptSuggestions({ actor: manager, input: { filter: { grupId: group.Retail } as never } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(listSuggestions({ actor: clerk, query: { cursor: 'nonsense' } })).rejects.toBeInstanceOf(ValidationFailedError);
  });
});
