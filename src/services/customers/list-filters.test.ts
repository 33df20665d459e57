import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customerMetricRows, customers, storeUsers } from '@/db/schema';
import { customerFilterSchema, type CustomerFilter, type CustomerSort } from '@/lib/validation/customer';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from '../customers';
import { ValidationFailedError } from '../errors';
import { countCustomerMatches, countCustomers, customerFilterConditions, listCustomers, type ListTuning } from './list';

withTestDatabase();

// Each narrowed way of finding a page (see list-narrowed.test.ts): segment and country are found like search and tag.
const WAYS: Record<string, ListTuning> = {
  'matches sorted in memory': { fewMatches: Infinity },
  'sort index stretch': { fewMatches: -1, sortWindow: 10_000 },
  'stretch, then matches sorted in memory': { fewMatches: -1, sortWindow: 1 },
  'full sort index walk': { fewMatches: Infinity, inMemorySortMax: 1 },
};

const SEGMENTS = ['Champions', 'Lost', 'At risk'] as const;

/** What each test customer is, to compute the expected matches in plain code. */
interface Model {
  id: string;
  emailConsent: boolean;
  smsConsent: boolean;
  hasAccount: boolean;
  orderCount: number;
  country: string | null;
  segment: string | null;
  createdByOther: boolean;
}
const model: Model[] = [];
let otherId: string;

// 30 customers: consent, accounts, order counts, default shipping countries (with a non-default address elsewhere)
// and RFM segments spread so that every pair of filters has matches and non-matches.
beforeAll(async () => {
  const actor = await createStaffActor();
  const other = await createStaffActor();
  otherId = other.id;
  const db = getDb();
  for (let i = 0; i < 30; i++) {
    const customer = await createCustomer({
      actor: i % 7 === 0 ? other : actor,
      input: { firstName: ['Ada', 'Alan', 'Grace'][i % 3], lastName: `Filter${i % 4}`, email: `filter${i}@example.com`, phone: `+4479111235${String(i).padStart(2, '0')}` },
    });
    const m: Model = {
      id: customer.id,
      emailConsent: i % 2 === 0,
      smsConsent: i % 3 === 0,
      hasAccount: i % 5 === 0,
      orderCount: i % 4,
      country: i % 3 === 0 ? 'FR' : i % 3 === 1 ? 'GB' : null,
      segment: i % 4 === 0 ? null : SEGMENTS[i % 3],
      createdByOther: i % 7 === 0,
    };
    model.push(m);
    let userId: string | null = null;
    if (m.hasAccount) {
      userId = crypto.randomUUID();
      await db.insert(storeUsers).values({ id: userId, name: 'Shopper', email: `filter${i}@example.com` });
    }
    await db
      .update(customers)
      .set({ emailMarketingConsent: m.emailConsent, smsMarketingConsent: m.smsConsent, userId, orderCount: m.orderCount, totalSpend: m.orderCount * 1000 })
      .where(eq(customers.id, customer.id));
    const address = { customerId: customer.id, line1: '1 High Street', city: 'Town' };
    if (m.country) await db.insert(customerAddresses).values({ ...address, countryCode: m.country, isDefaultShipping: true });
    // Another address in Germany that is not the default shipping one: the country filter must not see it.
    await db.insert(customerAddresses).values({ ...address, countryCode: 'DE', isDefaultShipping: false, isDefaultBilling: true });
    if (m.segment) await db.insert(customerMetricRows).values({ customerId: customer.id, rfmSegment: m.segment });
  }
});

type Case = { filter: CustomerFilter; matches: (m: Model) => boolean };
const CASES: Record<string, Case> = {
  'RFM segment': { filter: { rfmSegment: 'Lost' }, matches: (m) => m.segment === 'Lost' },
  country: { filter: { country: 'fr' }, matches: (m) => m.country === 'FR' },
  'country of no default address': { filter: { country: 'DE' }, matches: () => false },
  'email consent yes': { filter: { emailConsent: 'yes' }, matches: (m) => m.emailConsent },
  'email consent no': { filter: { emailConsent: 'no' }, matches: (m) => !m.emailConsent },
  'SMS consent yes': { filter: { smsConsent: 'yes' }, matches: (m) => m.smsConsent },
  'SMS consent no': { filter: { smsConsent: 'no' }, matches: (m) => !m.smsConsent },
  'has an account': { filter: { hasAccount: 'yes' }, matches: (m) => m.hasAccount },
  'has no account': { filter: { hasAccount: 'no' }, matches: (m) => !m.hasAccount },
  'order count range': { filter: { minOrders: 1, maxOrders: 2 }, matches: (m) => m.orderCount >= 1 && m.orderCount <= 2 },
  'min orders alone': { filter: { minOrders: '3' }, matches: (m) => m.orderCount >= 3 },
  'never ordered': { filter: { neverOrdered: 'yes' }, matches: (m) => m.orderCount === 0 },
  'has ordered': { filter: { neverOrdered: 'no' }, matches: (m) => m.orderCount > 0 },
  'created by': { filter: { createdById: '' }, matches: (m) => m.createdByOther },
  'segment and country': { filter: { rfmSegment: 'Lost', country: 'GB' }, matches: (m) => m.segment === 'Lost' && m.country === 'GB' },
  'consent, account and orders': {
    filter: { emailConsent: 'yes', hasAccount: 'no', minOrders: 1 },
    matches: (m) => m.emailConsent && !m.hasAccount && m.orderCount >= 1,
  },
  'segment, SMS and search': { filter: { rfmSegment: 'Champions', smsConsent: 'yes', q: 'ada' }, matches: (m) => m.segment === 'Champions' && m.smsConsent && model.indexOf(m) % 3 === 0 },
  'everything at once': {
    filter: { country: 'FR', emailConsent: 'yes', smsConsent: 'yes', hasAccount: 'no', neverOrdered: 'no', rfmSegment: 'Champions' },
    matches: (m) => m.country === 'FR' && m.emailConsent && m.smsConsent && !m.hasAccount && m.orderCount > 0 && m.segment === 'Champions',
  },
};

const filterOf = (c: Case): CustomerFilter => (c.filter.createdById === '' ? { ...c.filter, createdById: otherId } : c.filter);
const expected = (c: Case) => model.filter(c.matches).map((m) => m.id).sort();

async function walk(filter: CustomerFilter, sort: CustomerSort, limit: number, tuning: ListTuning = {}): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers({ ...filter, sort, limit, cursor }, tuning);
    seen.push(...page.data.map((c) => c.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

describe(`customer list filters (${TEST_DB_KIND})`, () => {
  it.each(Object.keys(CASES))('%s: lists exactly the matching customers, paged', async (name) => {
    const c = CASES[name];
    const ids = await walk(filterOf(c), 'name:asc', 4);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected(c));
    // The test data gives every case something to find, but the one that must find nothing.
    if (name !== 'country of no default address') expect(ids.length).toBeGreaterThan(0);
  });

  // Every filter, with sorts on its own column and on others: a range of one column sorted by another is narrowed too.
  it.each(Object.keys(WAYS))('finds the same matches in the same order whichever way a page is found (%s)', async (way) => {
    for (const name of Object.keys(CASES)) {
      const c = CASES[name];
      for (const sort of ['createdAt:desc', 'totalSpend:asc', 'orderCount:desc', 'lastOrderDate:asc'] as const) {
        const reference = (await listCustomers({ ...filterOf(c), sort, limit: 200 }, WAYS['full sort index walk'])).data.map((x) => x.id);
        expect(await walk(filterOf(c), sort, 3, WAYS[way])).toEqual(reference);
        expect([...reference].sort()).toEqual(expected(c));
      }
    }
  });

  // They all tie on spend (0) and last order (none), so the order is their id's, which the order count's index gives.
  it('lists customers who never ordered sorted by spend or last order in id order, either way, paged', async () => {
    const neverOrdered = expected(CASES['never ordered']);
    for (const filter of [{ neverOrdered: 'yes' }, { maxOrders: 0 }] as const) {
      for (const sort of ['totalSpend:desc', 'totalSpend:asc', 'lastOrderDate:desc', 'lastOrderDate:asc'] as const) {
        const inIdOrder = sort.endsWith(':asc') ? neverOrdered : [...neverOrdered].reverse();
        expect(await walk(filter, sort, 2)).toEqual(inIdOrder);
      }
    }
  });

  it('bulk moves and the export select the same customers as the list (customerFilterConditions, countCustomers)', async () => {
    for (const name of Object.keys(CASES)) {
      const c = CASES[name];
      expect(await countCustomers(filterOf(c))).toBe(expected(c).length);
      const q = customerFilterSchema.parse(filterOf(c));
      const rows = await getDb().select({ id: customers.id }).from(customers).where(and(...customerFilterConditions(q)));
      expect(rows.map((r) => r.id).sort()).toEqual(expected(c));
    }
  });

  it('names the bad filter', async () => {
    const fieldOf = (filter: Record<string, unknown>) =>
      listCustomers(filter).then(
        () => 'accepted',
        (error: unknown) => (error instanceof ValidationFailedError ? error.fieldErrors?.[0]?.path : 'other error'),
      );
    expect(await fieldOf({ rfmSegment: 'Whales' })).toBe('rfmSegment');
    expect(await fieldOf({ country: 'XX' })).toBe('country');
    expect(await fieldOf({ emailConsent: 'maybe' })).toBe('emailConsent');
    expect(await fieldOf({ smsConsent: 'true' })).toBe('smsConsent');
    expect(await fieldOf({ hasAccount: 1 })).toBe('hasAccount');
    expect(await fieldOf({ minOrders: -1 })).toBe('minOrders');
    expect(await fieldOf({ maxOrders: '2.5' })).toBe('maxOrders');
    expect(await fieldOf({ neverOrdered: 'sometimes' })).toBe('neverOrdered');
  });
});

describe(`countCustomerMatches (${TEST_DB_KIND})`, () => {
  it('counts exactly while the planner expects few matches', async () => {
    for (const name of ['RFM segment', 'email consent yes', 'segment and country', 'consent, account and orders']) {
      const c = CASES[name];
      expect(await countCustomerMatches(filterOf(c))).toEqual({ count: expected(c).length, exact: true, atLeast: false });
    }
    expect(await countCustomerMatches({})).toEqual({ count: 30, exact: true, atLeast: false });
  });

  it('gives the estimate as "about" past the threshold, without counting', async () => {
    const result = await countCustomerMatches({ emailConsent: 'yes' }, 0);
    expect(result.exact).toBe(false);
    expect(result.atLeast).toBe(false);
    expect(result.count).toBeGreaterThan(0);
  });

  it('refuses a bad filter, naming it', async () => {
    await expect(countCustomerMatches({ minOrders: 'many' })).rejects.toBeInstanceOf(ValidationFailedError);
  });
});
