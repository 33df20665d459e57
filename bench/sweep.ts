// The EXPLAIN sweep: the first page of every filter × sort the customer list offers, and of the order list's filters ×
// sorts, each timed once (warm) and every statement it sent run again under EXPLAIN ANALYZE, to find plans that read
// far more rows than they return. One filter at a time: combinations multiply past what a bench can run, and a plan
// that goes wrong for one filter alone is what this looks for.
import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { CUSTOMER_SORTS, type CustomerFilter } from '@/lib/validation/customer';
import { ORDER_SORTS, type OrderFilter } from '@/lib/validation/order';
import { listCustomers } from '@/services/customers';
import { listOrders } from '@/services/orders';

import { rowsOf } from './database';
import { captureQueries, explainJson } from './explain';
import { checkPlan, planOf, READ_RATIO_LIMIT } from './plan-rows';
import type { SweepRow } from './results';

const PAGE = 50;
const DAY_MS = 86_400_000;

/** One value of each filter of the customer list (two where a common and a rare value plan differently). */
async function customerFilters(handle: DatabaseHandle): Promise<[string, CustomerFilter][]> {
  const [known] = await rowsOf<{ email: string }>(handle, sql`select email from customers where email like '%@example.%' order by email limit 1 offset 777`);
  const [wholesaler] = await rowsOf<{ id: string }>(handle, sql`select id from customer_groups where lower(name) = 'wholesaler'`);
  const [rareCountry] = await rowsOf<{ code: string }>(
    handle,
    sql`select country_code as code from customer_addresses where is_default_shipping group by 1 order by count(*) limit 1`,
  );
  const [staff] = await rowsOf<{ id: string }>(handle, sql`select created_by_id as id from customers where created_by_id is not null group by 1 order by count(*) limit 1`);
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const filters: [string, CustomerFilter | null][] = [
    ['none', {}],
    ['search email part', known ? { q: known.email.slice(0, known.email.indexOf('@')) } : null],
    ['search broad "example.org"', { q: 'example.org' }],
    ['group Wholesaler', wholesaler ? { groupId: wholesaler.id } : null],
    ['group none', { groupId: 'none' }],
    ['tag "vip"', { tag: 'vip' }],
    ['RFM Champions', { rfmSegment: 'Champions' }],
    ["RFM Can't lose them", { rfmSegment: "Can't lose them" }],
    ['country GB', { country: 'GB' }],
    [`country ${rareCountry?.code} (rarest)`, rareCountry ? { country: rareCountry.code } : null],
    ['email consent yes', { emailConsent: 'yes' }],
    ['SMS consent yes', { smsConsent: 'yes' }],
    ['has account yes', { hasAccount: 'yes' }],
    ['has account no', { hasAccount: 'no' }],
    ['spend ≥ 1,000.00', { minSpend: 100_000 }],
    ['spend ≤ 10.00', { maxSpend: 1_000 }],
    ['orders ≥ 5', { minOrders: 5 }],
    ['orders ≤ 1', { maxOrders: 1 }],
    ['never ordered', { neverOrdered: 'yes' }],
    ['last order in 90 days', { lastOrderAfter: day(90) }],
    ['last order before a year ago', { lastOrderBefore: day(365) }],
    ['created by a staff member', staff ? { createdById: staff.id } : null],
    ['erased only', { erased: 'only' }],
    ['erased included', { erased: 'include' }],
  ];
  return filters.filter((entry): entry is [string, CustomerFilter] => entry[1] !== null);
}

/** Times `call` once (after a first run that records its statements), then explains each of those statements. */
async function sweepOne(handle: DatabaseHandle, list: SweepRow['list'], filter: string, sort: string, call: () => Promise<number>): Promise<SweepRow> {
  const statements = (await captureQueries(handle, call)).filter((query) => !/^\s*explain\b/i.test(query.text));
  const started = performance.now();
  const returned = await call();
  const ms = performance.now() - started;
  const plans = [];
  for (const statement of statements) plans.push(checkPlan(planOf(await explainJson(handle, statement))));
  const worstReadRatio = Math.max(0, ...plans.map((plan) => plan.readRatio));
  return { list, filter, sort, ms, returned, plans, worstReadRatio, isFlagged: worstReadRatio > READ_RATIO_LIMIT };
}

/** Every customer filter × sort and order filter × sort, first page; `onRow` sees each as it is done. */
export async function sweepPlans(handle: DatabaseHandle, historyCustomerId: string, onRow: (row: SweepRow) => void): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const add = (row: SweepRow) => {
    rows.push(row);
    onRow(row);
  };
  for (const [name, filter] of await customerFilters(handle)) {
    for (const sort of CUSTOMER_SORTS) add(await sweepOne(handle, 'customers', name, sort, async () => (await listCustomers({ ...filter, sort, limit: PAGE })).data.length));
  }
  const orderFilters: [string, OrderFilter][] = [
    ['none', {}],
    ['status pending', { status: 'pending' }],
    ['status partially_refunded', { status: 'partially_refunded' }],
    ['placed in 30 days', { placedAfter: new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10) }],
    ['one customer (1,000 orders)', { customerId: historyCustomerId }],
  ];
  for (const [name, filter] of orderFilters) {
    for (const sort of ORDER_SORTS) add(await sweepOne(handle, 'orders', name, sort, async () => (await listOrders({ ...filter, sort, limit: PAGE })).data.length));
  }
  return rows;
}
