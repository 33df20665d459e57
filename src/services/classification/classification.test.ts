import { beforeAll, describe, expect, it } from 'vitest';

import { createGenkit } from '@/ai/genkit';
import { getDb } from '@/db/client';
import { customerGroups } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { DEFAULT_CLASSIFICATION_RULES } from '@/lib/validation/classification';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';
import { completeOrder, createOrder } from '../orders';
import { classifyCustomer, classifyCustomers, getClassificationRules, loadClassificationContext, loadClassificationFeatures, updateClassificationRules } from './index';

withTestDatabase();

const system: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface Line {
  quantity: number;
  unitPrice: number;
  daysAgo: number;
}

async function customerWith(name: string, orders: Line[], groupName?: string): Promise<string> {
  const groups = await getDb().select().from(customerGroups);
  const group = groups.find((g) => g.name === groupName);
  const customer = await createCustomer({
    actor: system,
    input: { firstName: name, email: `${crypto.randomUUID()}@example.com`, ...(group && { customerGroupId: group.id }) },
  });
  for (const line of orders) {
    const order = await createOrder({
      actor: system,
      input: { customerId: customer.id, items: [{ sku: 'SKU-1', name: 'Thing', quantity: line.quantity, unitPrice: line.unitPrice }], placedAt: daysAgo(line.daysAgo) },
    });
    await completeOrder({ actor: system, id: order.id });
  }
  return customer.id;
}

// The fixed data set: 24 ordinary shoppers, two traders buying ~40 units an order, one big spender this year (the top
// of 28 buyers, so top 3.6%), one who spent £6,000 two years ago, one single bulk order, and one who never ordered.
const ids: Record<string, string> = {};
let retail: string[] = [];

beforeAll(async () => {
  retail = [];
  for (let i = 0; i < 24; i += 1) {
    retail.push(await customerWith(`Shopper ${i}`, [
      { quantity: 1 + (i % 3), unitPrice: 1500 + i * 100, daysAgo: 30 + i },
      { quantity: 2, unitPrice: 1200, daysAgo: 120 + i },
    ], 'Retail'));
  }
  ids.traderA = await customerWith('Trader A', [
    { quantity: 40, unitPrice: 300, daysAgo: 20 },
    { quantity: 36, unitPrice: 300, daysAgo: 80 },
    { quantity: 44, unitPrice: 300, daysAgo: 150 },
  ], 'Retail');
  ids.traderB = await customerWith('Trader B', [
    { quantity: 25, unitPrice: 250, daysAgo: 10 },
    { quantity: 30, unitPrice: 250, daysAgo: 200 },
  ]);
  ids.bigSpender = await customerWith('Big Spender', [
    { quantity: 2, unitPrice: 60_000, daysAgo: 5 },
    { quantity: 1, unitPrice: 90_000, daysAgo: 40 },
    { quantity: 3, unitPrice: 40_000, daysAgo: 100 },
  ], 'Retail');
  ids.oldVip = await customerWith('Old Loyal', [
    { quantity: 2, unitPrice: 150_000, daysAgo: 700 },
    { quantity: 1, unitPrice: 300_000, daysAgo: 600 },
  ]);
  ids.oneBulk = await customerWith('One Bulk Order', [{ quantity: 100, unitPrice: 100, daysAgo: 15 }]);
  ids.noOrders = await customerWith('Never Ordered', []);
}, 120_000);

describe(`loadClassificationFeatures (${TEST_DB_KIND})`, () => {
  it('reads a batch of customers in one go with their order figures and spend rank', async () => {
    const features = await loadClassificationFeatures([ids.traderA, ids.bigSpender, ids.noOrders, crypto.randomUUID(), 'not-a-uuid']);
    expect([...features.keys()].sort()).toEqual([ids.traderA, ids.bigSpender, ids.noOrders].sort());

    const trader = features.get(ids.traderA)!.features;
    expect(trader).toMatchObject({ currentGroup: 'Retail', orderCount: 3, averageItemsPerOrder: 40, largestOrderItems: 44, totalSpend: 36_000, spend365d: 36_000, orders365d: 3, daysSinceLastOrder: 20, averageOrderValue: 12_000 });
    expect(features.get(ids.traderA)!.purchases.recentOrders.map((order) => order.items)).toEqual([40, 36, 44]);

    const big = features.get(ids.bigSpender)!.features;
    // 28 customers bought in the last 12 months; the big spender is first.
    expect(big).toMatchObject({ spend365d: 330_000, spendRank365d: 1, buyers365d: 28 });
    expect(big.spendTopShare365d).toBeCloseTo(1 / 28, 3);

    expect(features.get(ids.noOrders)!.features).toMatchObject({ orderCount: 0, totalSpend: 0, spendRank365d: null, daysSinceLastOrder: null, currentGroup: null });
  });

  it('reads the figures as of an earlier date, when the old spender was the top buyer', async () => {
    const features = await loadClassificationFeatures([ids.oldVip, ids.bigSpender], { asOf: new Date(Date.now() - 500 * DAY) });
    expect(features.get(ids.oldVip)!.features).toMatchObject({ orderCount: 2, spend365d: 600_000, spendRank365d: 1, buyers365d: 1, daysSinceLastOrder: 100 });
    expect(features.get(ids.bigSpender)!.features).toMatchObject({ orderCount: 0, spend365d: 0 });
  });
});

describe(`built-in classifier (${TEST_DB_KIND})`, () => {
  it('suggests Wholesaler for the large-order buyers and VIP for the top spenders, with reasons naming the figures', async () => {
    const results = await classifyCustomers(Object.values(ids).concat(retail));

    const traderA = results.get(ids.traderA)!;
    expect(traderA).toMatchObject({ suggestedGroup: 'Wholesaler', source: 'built_in', model: null, fallbackReason: null, currentGroupName: 'Retail' });
    expect(traderA.reasons[0]).toMatch(/^3 orders averaging 40 items/);
    expect(traderA.reasons).toContain('Largest order: 44 items');
    expect(results.get(ids.traderB)!.suggestedGroup).toBe('Wholesaler');
    // Confidence follows the weaker of the two tests: Trader B's 2 orders just meet the bar of 2 (0.6); Trader A's
    // 3 orders are 1.5 times it, with twice the items (0.77).
    expect(results.get(ids.traderB)!.confidence).toBe(0.6);
    expect(traderA.confidence).toBe(0.77);
    expect(results.get(ids.traderB)!.reasons[0]).toMatch(/^2 orders averaging 27\.5 items/);

    const big = results.get(ids.bigSpender)!;
    expect(big.suggestedGroup).toBe('VIP');
    expect(big.reasons[0]).toBe('Top 3.6% by spend in the last 12 months (£3,300.00, #1 of 28 buyers)');
    const groups = await getDb().select().from(customerGroups);
    expect(big.suggestedGroupId).toBe(groups.find((g) => g.name === 'VIP')!.id);

    const old = results.get(ids.oldVip)!;
    expect(old.suggestedGroup).toBe('VIP');
    expect(old.reasons[0]).toBe('£6,000.00 spent over 2 orders (VIP from £5,000.00)');

    // One bulk order is not a trading pattern; no orders at all is only a weak Retail.
    expect(results.get(ids.oneBulk)!).toMatchObject({ suggestedGroup: 'Retail' });
    expect(results.get(ids.oneBulk)!.reasons[0]).toMatch(/^1 order averaging 100 items; Wholesaler needs 20\+ items per order over at least 2 orders/);
    expect(results.get(ids.noOrders)!).toMatchObject({ suggestedGroup: 'Retail', confidence: 0.5 });

    const suggested = retail.map((id) => results.get(id)!);
    expect(new Set(suggested.map((r) => r.suggestedGroup))).toEqual(new Set(['Retail']));
    // Already in Retail: the suggestion equals the current group, so the workflow stores nothing for them.
    expect(suggested.every((r) => r.suggestedGroupId === r.currentGroupId)).toBe(true);
    expect(suggested[0].reasons.some((reason) => /VIP needs the top 5% or £5,000\.00 in total/.test(reason))).toBe(true);
    // The map follows the order asked for.
    expect([...results.keys()].slice(0, 2)).toEqual([ids.traderA, ids.traderB]);
  });

  it('answers differently once the rules are changed in settings', async () => {
    const owner = await createStaffActor('owner', 'Olive Owner');
    await updateClassificationRules({
      actor: owner,
      input: { ...DEFAULT_CLASSIFICATION_RULES, wholesaler: { ...DEFAULT_CLASSIFICATION_RULES.wholesaler, minAverageItemsPerOrder: 30 }, vip: { ...DEFAULT_CLASSIFICATION_RULES.vip, topSpendPercent: 10, minTotalSpend: 0 } },
    });
    expect((await getClassificationRules()).wholesaler.minAverageItemsPerOrder).toBe(30);
    const results = await classifyCustomers([ids.traderA, ids.traderB, ids.oldVip]);
    expect(results.get(ids.traderA)!.suggestedGroup).toBe('Wholesaler');
    // Trader B's 27.5 items an order are now below the bar of 30, and £137.50 is 4th of 28 buyers: not in the top 10%.
    expect(results.get(ids.traderB)!.suggestedGroup).toBe('Retail');
    expect(results.get(ids.traderB)!.reasons[0]).toMatch(/Wholesaler needs 30\+ items per order/);
    // Without the total-spend test, an old spender with nothing in the last 12 months is no longer a VIP.
    expect(results.get(ids.oldVip)!.suggestedGroup).toBe('Retail');

    await updateClassificationRules({ actor: system, input: { ...DEFAULT_CLASSIFICATION_RULES, wholesaler: { ...DEFAULT_CLASSIFICATION_RULES.wholesaler, isEnabled: false } } });
    expect((await classifyCustomer(ids.traderA)).suggestedGroup).toBe('Retail');
    await updateClassificationRules({ actor: system, input: {} });
    expect((await getClassificationRules())).toEqual(DEFAULT_CLASSIFICATION_RULES);
  });

  it('lets only owners and admins change the rules, and only to groups that exist', async () => {
    const staff = await createStaffActor('staff', 'Sam Staff');
    await expect(updateClassificationRules({ actor: staff, input: {} })).rejects.toBeInstanceOf(ForbiddenError);
    const error = await updateClassificationRules({ actor: system, input: { vip: { groupName: 'Platinum' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors).toEqual([{ path: 'vip.groupName', message: 'There is no group called "Platinum"' }]);
    const invalid = await updateClassificationRules({ actor: system, input: { wholesaler: { minAverageItemsPerOrder: 0 } } }).catch((e: unknown) => e);
    expect((invalid as ValidationFailedError).fieldErrors).toEqual([{ path: 'wholesaler.minAverageItemsPerOrder', message: 'Items per order must be at least 1' }]);
  });

  it('throws NotFoundError for a customer that does not exist', async () => {
    await expect(classifyCustomer(crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(`classifyCustomer with a model (${TEST_DB_KIND})`, () => {
  const ai = createGenkit({ kind: 'none' });
  const prompts: string[] = [];
  const reply = (text: string) => ({ message: { role: 'model' as const, content: [{ text }] }, finishReason: 'stop' as const });
  ai.defineModel({ name: 'scripted/good' }, async (request) => {
    prompts.push(JSON.stringify(request.messages));
    return reply('```json\n{"suggestedGroup": "vip", "confidence": 0.8, "reasons": ["Spends like a VIP: £3,300.00 this year"]}\n```');
  });
  ai.defineModel({ name: 'scripted/not-json' }, async () => reply('I think this customer is a VIP.'));
  ai.defineModel({ name: 'scripted/bad-shape' }, async () => reply('{"suggestedGroup": "VIP", "confidence": 85, "reasons": []}'));
  ai.defineModel({ name: 'scripted/unknown-group' }, async () => reply('{"suggestedGroup": "Platinum", "confidence": 0.9, "reasons": ["Big"]}'));
  ai.defineModel({ name: 'scripted/throws' }, async () => {
    throw new Error('connection refused');
  });
  // Never answers: only the classifier's own timeout can end the call.
  ai.defineModel({ name: 'scripted/slow' }, () => new Promise<never>(() => {}));

  // A wait far longer than any scripted answer takes, even on a busy machine; only the slow model meets it.
  async function ask(model: string | null, timeoutMs = 10_000) {
    const context = await loadClassificationContext({ ai, model, timeoutMs });
    return classifyCustomer(ids.traderA, { context });
  }

  it('uses a valid model answer, with the exact group name, after sending it the same features', async () => {
    const result = await ask('scripted/good');
    expect(result).toMatchObject({ source: 'model', model: 'scripted/good', fallbackReason: null, suggestedGroup: 'VIP', confidence: 0.8, reasons: ['Spends like a VIP: £3,300.00 this year'] });
    const groups = await getDb().select().from(customerGroups);
    expect(result.suggestedGroupId).toBe(groups.find((g) => g.name === 'VIP')!.id);
    // The built-in answer is kept beside it, and the model saw the figures and the groups to choose from.
    expect(result.builtIn.suggestedGroup).toBe('Wholesaler');
    expect(prompts.at(-1)).toContain('averageItemsPerOrder');
    expect(prompts.at(-1)).toContain('Wholesaler');
  });

  it.each([
    ['scripted/not-json', /^invalid output: the answer is not JSON/],
    ['scripted/bad-shape', /^invalid output: confidence/],
    ['scripted/unknown-group', /^invalid output: unknown group "Platinum"/],
    ['scripted/throws', /^model error: .*connection refused/],
    ['scripted/slow', /^timeout after 100 ms/],
  ])('keeps the built-in answer when %s, and says why', async (model, reason) => {
    const result = await ask(model, model === 'scripted/slow' ? 100 : undefined);
    expect(result).toMatchObject({ source: 'built_in', model, suggestedGroup: 'Wholesaler' });
    expect(result.fallbackReason).toMatch(reason);
    expect(result.reasons[0]).toMatch(/^3 orders averaging 40 items/);
  });

  it('answers with the built-in rules alone when no model is configured', async () => {
    const result = await ask(null);
    expect(result).toMatchObject({ source: 'built_in', model: null, fallbackReason: null, suggestedGroup: 'Wholesaler' });
  });
});
