import { describe, expect, it } from 'vitest';

import { DEFAULT_CLASSIFICATION_RULES } from '@/lib/validation/classification';
import { classifyBuiltIn } from '@/services/classification/built-in-classifier';

import { createGenkit } from '../genkit';
import { classifyCustomer, InvalidModelOutputError, validateModelAnswer } from './classify-customer';

// The flow on its own, with no database: features in, an answer out.

const groups = [
  { name: 'Retail', description: '' },
  { name: 'Wholesaler', description: 'Trade buyers' },
  { name: 'VIP', description: '' },
];

const features = {
  currentGroup: 'Retail',
  currency: 'GBP',
  asOf: '2026-11-01T00:00:00.000Z',
  orderCount: 42,
  totalSpend: 1_234_550,
  orders365d: 12,
  spend365d: 400_000,
  spendRank365d: 9,
  buyers365d: 300,
  spendTopShare365d: 0.03,
  averageOrderValue: 29_394,
  averageItemsPerOrder: 38,
  largestOrderItems: 120,
  daysSinceLastOrder: 4,
  daysSinceFirstOrder: 900,
  rfmSegment: 'Champions',
};

describe('validateModelAnswer', () => {
  it('accepts an answer naming a group in any case and returns the exact name', () => {
    expect(validateModelAnswer({ suggestedGroup: ' wholesaler ', confidence: 0.7, reasons: ['42 orders'] }, groups).suggestedGroup).toBe('Wholesaler');
  });

  it('refuses a group the shop does not have, a confidence outside 0..1 and empty reasons', () => {
    expect(() => validateModelAnswer({ suggestedGroup: 'Gold', confidence: 0.7, reasons: ['x'] }, groups)).toThrow(InvalidModelOutputError);
    expect(() => validateModelAnswer({ suggestedGroup: 'VIP', confidence: 1.5, reasons: ['x'] }, groups)).toThrow(/confidence/);
    expect(() => validateModelAnswer({ suggestedGroup: 'VIP', confidence: 0.5, reasons: [] }, groups)).toThrow(/reasons/);
  });
});

describe('classifyCustomer flow', () => {
  const builtIn = classifyBuiltIn({ features, rules: DEFAULT_CLASSIFICATION_RULES, groups: groups.map((g) => g.name) });

  it('the built-in rules read the figures a person can check', () => {
    // 38 items an order is 1.9 times the bar of 20 (and 42 orders far past 2): 0.6 + 0.35 × 0.9.
    expect(builtIn).toEqual({
      suggestedGroup: 'Wholesaler',
      confidence: 0.91,
      reasons: ['42 orders averaging 38 items (the Wholesaler rule asks for 20+ items per order over 2 orders)', 'Largest order: 120 items'],
    });
  });

  it('asks the model in JSON mode with the features, the groups and the shop rules', async () => {
    const ai = createGenkit({ kind: 'none' });
    let seen: { text: string; format?: string } | undefined;
    ai.defineModel({ name: 'scripted/echo' }, async (request) => {
      seen = { text: JSON.stringify(request.messages), format: request.output?.format };
      return { message: { role: 'model', content: [{ text: '{"suggestedGroup":"VIP","confidence":0.66,"reasons":["Top 3% by spend"]}' }] }, finishReason: 'stop' };
    });
    const answer = await classifyCustomer({ input: { features, purchases: { recentOrders: [] }, groups, shopRules: ['VIP: top 5%'] }, builtIn, ai, model: 'scripted/echo', timeoutMs: 5000 });
    expect(answer).toEqual({ suggestedGroup: 'VIP', confidence: 0.66, reasons: ['Top 3% by spend'], source: 'model', model: 'scripted/echo', fallbackReason: null });
    expect(seen?.format).toBe('json');
    expect(seen?.text).toContain('\\"averageItemsPerOrder\\":38');
    expect(seen?.text).toContain('VIP: top 5%');
  });

  it('returns the built-in answer with no model and no fallback reason', async () => {
    expect(await classifyCustomer({ input: { features, purchases: { recentOrders: [] }, groups }, builtIn, model: null })).toEqual({ ...builtIn, source: 'built_in', model: null, fallbackReason: null });
  });
});
