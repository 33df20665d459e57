import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import type { Customer } from '@/lib/types';
import { CUSTOMER_SORTS, type CustomerSort } from '@/lib/validation/customer';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { listCustomers, type ListTuning } from './list';

withTestDatabase();

// A searched or tag-filtered list finds its page one of several ways, by how many rows are expected to match, how
// many do and where they sit: all matches sorted in memory, a bounded walk of the sort index, one then the other,
// or an unbounded walk. This tuning makes each happen with a few dozen rows; on real data the thresholds choose.
const WAYS = {
  'matches sorted in memory': { fewMatches: Infinity },
  'sort index stretch': { fewMatches: -1, sortWindow: 10_000 },
  'stretch, then matches sorted in memory': { fewMatches: -1, sortWindow: 1 },
  // Too many matches to sort in memory: a longer stretch (LONG_STRETCH), then the unbounded walk.
  'stretch, then a longer stretch, then the walk': { fewMatches: -1, sortWindow: 1, inMemorySortMax: -1 },
  'full sort index walk': { fewMatches: Infinity, inMemorySortMax: 1 },
} as const;
type Way = keyof typeof WAYS;

const FILTERS = [{ q: 'ada' }, { q: 'shop1' }, { q: 'ada shop' }, { tag: 'trade' }, { q: 'shop', tag: 'trade' }, { q: 'nobody-matches' }];

// Spends and order counts whose text order differs from their numeric order (9 < 40 < 300 but '300' < '40' < '9').
const SPENDS = [9, 40, 300, 2_000, 10_000, 9];
const ORDER_COUNTS = [1, 2, 10, 100, 2];

beforeAll(async () => {
  const actor = await createStaffActor();
  for (let i = 0; i < 36; i++) {
    const customer = await createCustomer({
      actor,
      input: {
        firstName: ['Ada', 'Alan', 'Grace', 'Adam'][i % 4],
        lastName: `Tester${i % 5}`,
        email: `person${i}@shop${i % 3}.example`,
        tags: i % 3 === 0 ? ['trade'] : ['retail'],
      },
    });
    await getDb()
      .update(customers)
      .set({
        totalSpend: SPENDS[i % SPENDS.length],
        orderCount: ORDER_COUNTS[i % ORDER_COUNTS.length],
        lastOrderDate: i % 4 === 0 ? null : new Date(Date.UTC(2024, i % 12, 1 + (i % 7))),
      })
      .where(eq(customers.id, customer.id));
  }
});

/** Every page of the list, found with `tuning` (a way of WAYS or RANGE_WAYS). */
async function walk(tuning: ListTuning, sort: CustomerSort, limit: number, filters: Record<string, unknown>): Promise<Customer[]> {
  const seen: Customer[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers({ ...filters, sort, limit, cursor }, tuning);
    seen.push(...page.data);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

describe(`listCustomers with a search or tag (${TEST_DB_KIND})`, () => {
  it('pages through the same matches in the same order whichever way each page is found, for every sort', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CUSTOMER_SORTS),
        fc.constantFrom(...FILTERS),
        fc.constantFrom(...(Object.keys(WAYS) as Way[])),
        fc.integer({ min: 1, max: 9 }),
        async (sort, filters, way, limit) => {
          const expected = (await listCustomers({ ...filters, sort, limit: 200 }, WAYS['full sort index walk'])).data.map((c) => c.id);
          expect((await walk(WAYS[way], sort, limit, filters)).map((c) => c.id)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each(Object.keys(WAYS) as Way[])('orders spends and order counts as numbers, not as text (%s)', async (way) => {
    const bySpend = (await listCustomers({ q: 'tester', sort: 'totalSpend:asc', limit: 200 }, WAYS[way])).data.map((c) => c.totalSpend);
    expect(bySpend).toEqual([...bySpend].sort((a, b) => a - b));
    expect(new Set(bySpend)).toEqual(new Set(SPENDS));
    const byCount = (await listCustomers({ tag: 'trade', sort: 'orderCount:desc', limit: 200 }, WAYS[way])).data.map((c) => c.orderCount);
    expect(byCount).toEqual([...byCount].sort((a, b) => b - a));
  });

  it('finds the matches of each filter, and only them', async () => {
    const all = (await listCustomers({ limit: 200 })).data;
    for (const way of Object.keys(WAYS) as Way[]) {
      const trade = await walk(WAYS[way], 'createdAt:desc', 4, { tag: 'trade' });
      expect(trade.map((c) => c.id).sort()).toEqual(all.filter((c) => c.tags.includes('trade')).map((c) => c.id).sort());
      const shopTrade = await walk(WAYS[way], 'name:asc', 4, { q: 'shop1', tag: 'trade' });
      expect(shopTrade.map((c) => c.id).sort()).toEqual(
        all.filter((c) => c.tags.includes('trade') && c.email?.includes('shop1')).map((c) => c.id).sort(),
      );
      expect(await walk(WAYS[way], 'email:desc', 4, { q: 'nobody-matches' })).toEqual([]);
    }
  });
});

// A range of spend, order count or last order in a list sorted by another column: a stretch of the sort index, then
// (when the page did not fill) the walk of the sort index, or a longer stretch and then every match with a top-N sort.
const RANGE_WAYS = {
  'sort index stretch': { sortWindow: 10_000 },
  'stretch, then a longer stretch, then every match sorted': { sortWindow: 1, collectShare: Infinity },
  // No stretch at all (LIMIT 0, twice): every match sorted.
  'every match sorted': { sortWindow: 0, collectShare: Infinity },
  'stretch, then the sort index walk': { sortWindow: 1, collectShare: -1 },
} as const;
type RangeWay = keyof typeof RANGE_WAYS;

const RANGES: Record<string, unknown>[] = [
  { minSpend: 300 },
  { maxSpend: 40 },
  { minOrders: 10 },
  { maxOrders: 2 },
  { lastOrderAfter: '2024-06-01' },
  { lastOrderBefore: '2024-06-01' },
  { minSpend: 40, lastOrderBefore: '2024-09-30' },
];

// Each range alone, listed by its own column (the sort index's range, not the ways under test).
const OWN_SORT: Record<string, CustomerSort> = {
  minSpend: 'totalSpend:asc',
  maxSpend: 'totalSpend:asc',
  minOrders: 'orderCount:asc',
  maxOrders: 'orderCount:asc',
  neverOrdered: 'orderCount:asc',
  lastOrderAfter: 'lastOrderDate:asc',
  lastOrderBefore: 'lastOrderDate:asc',
};

/** The customers matching every range of `filters`, each range listed by its own column. */
async function matchingIds(filters: Record<string, unknown>): Promise<Set<string>> {
  let matching = null as Set<string> | null;
  for (const [name, value] of Object.entries(filters)) {
    const ids = new Set((await listCustomers({ [name]: value, sort: OWN_SORT[name], limit: 200 })).data.map((c) => c.id));
    matching = matching ? new Set([...matching].filter((id) => ids.has(id))) : ids;
  }
  return matching ?? new Set();
}

describe(`listCustomers with a range on another column than the sort's (${TEST_DB_KIND})`, () => {
  it('pages through exactly the matches, in the order of the unfiltered list, whichever way each page is found', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CUSTOMER_SORTS),
        fc.constantFrom(...RANGES),
        fc.constantFrom(...(Object.keys(RANGE_WAYS) as RangeWay[])),
        fc.integer({ min: 1, max: 9 }),
        async (sort, filters, way, limit) => {
          const matching = await matchingIds(filters);
          const everyone = (await listCustomers({ sort, limit: 200 })).data.map((c) => c.id);
          expect((await walk(RANGE_WAYS[way], sort, limit, filters)).map((c) => c.id)).toEqual(everyone.filter((id) => matching.has(id)));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('finds some customers and leaves some out for each range, so the order check above means something', async () => {
    for (const filters of RANGES) {
      const matching = await matchingIds(filters);
      expect(matching.size, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(matching.size, JSON.stringify(filters)).toBeLessThan(36);
    }
  });
});
