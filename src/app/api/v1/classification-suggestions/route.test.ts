import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import { classificationRunSchema, classificationSuggestionPageSchema, classificationSuggestionSchema, suggestionBulkResultSchema } from '@/http/openapi/classification-schemas';
import { createCustomer, getCustomerById } from '@/services/customers';
import { completeOrder, createOrder } from '@/services/orders';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf, SYSTEM } from '@/http/test-http';
import * as runRoute from '../classification-runs/[id]/route';
import * as runsRoute from '../classification-runs/route';
import * as classifyRoute from '../customers/[id]/classify/route';
import * as acceptRoute from './[id]/accept/route';
import * as rejectRoute from './[id]/reject/route';
import * as bulkAcceptRoute from './accept/route';
import * as listRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
const group: Record<string, string> = {};

async function trader(name: string, groupName = 'Retail'): Promise<string> {
  const customer = await createCustomer({ actor: SYSTEM, input: { firstName: name, email: `${crypto.randomUUID()}@example.com`, customerGroupId: group[groupName] } });
  for (const daysAgo of [5, 50]) {
    const order = await createOrder({ actor: SYSTEM, input: { customerId: customer.id, items: [{ sku: 'B', name: 'Box', quantity: 30, unitPrice: 500 }], placedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() } });
    await completeOrder({ actor: SYSTEM, id: order.id });
  }
  return customer.id;
}

const classify = (id: string, key: string) => call(classifyRoute.POST, 'POST', `/customers/${id}/classify`, { key, params: { id } });
const accept = (id: string, key: string) => call(acceptRoute.POST, 'POST', `/classification-suggestions/${id}/accept`, { key, params: { id } });

beforeAll(async () => {
  for (const row of await getDb().select().from(customerGroups)) group[row.name] = row.id;
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
}, 120_000);

describe(`classification suggestion routes (${TEST_DB_KIND})`, () => {
  it('lets staff ask for and read a suggestion, and only admins accept it, which moves the customer', async () => {
    const id = await trader('Ted Trade');
    const created = await classify(id, staffKey);
    expect(created.status).toBe(201);
    const suggestion = classificationSuggestionSchema.parse(await created.json());
    expect(suggestion).toMatchObject({ customerId: id, currentGroupName: 'Retail', suggestedGroupName: 'Wholesaler', source: 'built_in' });

    const page = classificationSuggestionPageSchema.parse(await (await call(listRoute.GET, 'GET', '/classification-suggestions?status=pending', { key: staffKey })).json());
    expect(page.data.map((s) => s.id)).toEqual([suggestion.id]);

    const refused = await accept(suggestion.id, staffKey);
    expect(refused.status).toBe(403);
    const accepted = await accept(suggestion.id, adminKey);
    expect(accepted.status).toBe(200);
    expect(classificationSuggestionSchema.parse(await accepted.json()).status).toBe('accepted');
    expect((await getCustomerById({ id })).customerGroupId).toBe(group.Wholesaler);
    // Accepting again changes nothing and still answers 200.
    expect((await accept(suggestion.id, adminKey)).status).toBe(200);

    // Now in the suggested group: no suggestion.
    const none = await classify(id, staffKey);
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ suggestion: null, reason: 'already in group' });
  });

  it('answers 409 for a stale or rejected suggestion, 404 for an unknown one, 401 without a key and 422 for bad input', async () => {
    const id = await trader('Stella Stale');
    const { id: suggestionId } = (await (await classify(id, staffKey)).json()) as { id: string };
    await getDb().update(customers).set({ customerGroupId: group.VIP }).where(eq(customers.id, id));
    const stale = await problemOf(await accept(suggestionId, adminKey));
    expect(stale.status).toBe(409);
    expect(stale.detail).toMatch(/group changed since this suggestion was made/);

    const other = await trader('Rory Reject');
    const { id: rejectId } = (await (await classify(other, staffKey)).json()) as { id: string };
    expect((await call(rejectRoute.POST, 'POST', `/classification-suggestions/${rejectId}/reject`, { key: adminKey, params: { id: rejectId } })).status).toBe(200);
    expect((await accept(rejectId, adminKey)).status).toBe(409);

    expect((await accept(crypto.randomUUID(), adminKey)).status).toBe(404);
    expect((await accept('nope', adminKey)).status).toBe(404);
    expect((await call(listRoute.GET, 'GET', '/classification-suggestions')).status).toBe(401);
    expect((await problemOf(await call(listRoute.GET, 'GET', '/classification-suggestions?status=maybe', { key: staffKey }))).paths).toEqual(['status']);
    const bulk = await call(bulkAcceptRoute.POST, 'POST', '/classification-suggestions/accept', { key: adminKey, body: { filter: { grupId: 'x' } } });
    expect(bulk.status).toBe(422);
  });

  it('bulk-accepts all pending matching a filter, and starts a batch run (202) that staff may watch but not start', async () => {
    const ids = [await trader('Bea Bulk'), await trader('Bo Bulk')];
    for (const id of ids) await classify(id, staffKey);
    const result = suggestionBulkResultSchema.parse(await (await call(bulkAcceptRoute.POST, 'POST', '/classification-suggestions/accept', { key: adminKey, body: { filter: { groupId: group.Retail } } })).json());
    expect(result.decided).toBe(2);

    expect((await call(runsRoute.POST, 'POST', '/classification-runs', { key: staffKey, body: {} })).status).toBe(403);
    const started = await call(runsRoute.POST, 'POST', '/classification-runs', { key: adminKey, body: { filter: { groupId: group.Retail } } });
    expect(started.status).toBe(202);
    const run = classificationRunSchema.parse(await started.json());
    expect(run).toMatchObject({ status: 'running', filter: { groupId: group.Retail } });
    expect((await call(runsRoute.POST, 'POST', '/classification-runs', { key: adminKey, body: {} })).status).toBe(409);
    let polled = run;
    for (let i = 0; i < 300 && polled.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      polled = classificationRunSchema.parse(await (await call(runRoute.GET, 'GET', `/classification-runs/${run.id}`, { key: staffKey, params: { id: run.id } })).json());
    }
    expect(polled).toMatchObject({ status: 'completed', processed: polled.total });
  });
});
