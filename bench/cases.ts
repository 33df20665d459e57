import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { CUSTOMER_SORTS, type CustomerSort } from '@/lib/validation/customer';
import { countCustomerMatches, getCustomerById, listCustomers, listDuplicateCustomers } from '@/services/customers';

import { rowsOf } from './database';

/** One measured operation: `run(i)` performs iteration i and returns how many rows it got. */
export interface BenchCase {
  name: string;
  run: (i: number) => Promise<number>;
}

export const DEEP_ROW = 10_000;
const DEEP_SORTS: CustomerSort[] = ['createdAt:desc', 'name:asc', 'email:asc', 'totalSpend:desc'];
const PAGE = 50;
const WALK_PAGE = 200;

const listCase = (name: string, query: Parameters<typeof listCustomers>[0]): BenchCase => ({
  name,
  run: async () => (await listCustomers(query)).data.length,
});

/** Follows nextCursor with pages of 200 until `row` rows are behind it; null when the table is shorter. */
export async function cursorAtRow(sort: CustomerSort, row: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let seen = 0; seen < row; seen += WALK_PAGE) {
    const page = await listCustomers({ sort, limit: WALK_PAGE, cursor });
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
  return cursor;
}

/** The cases of the bench, built from real rows of the database so that searches and lookups hit. */
export async function buildCases(handle: DatabaseHandle, iterations: number): Promise<{ cases: BenchCase[]; deepCursors: Map<CustomerSort, string> }> {
  const cases: BenchCase[] = CUSTOMER_SORTS.map((sort) => listCase(`first page ${sort}`, { sort, limit: PAGE }));

  const deepCursors = new Map<CustomerSort, string>();
  for (const sort of DEEP_SORTS) {
    const cursor = await cursorAtRow(sort, DEEP_ROW);
    if (!cursor) continue;
    deepCursors.set(sort, cursor);
    cases.push(listCase(`page at row ${DEEP_ROW.toLocaleString('en')} ${sort}`, { sort, limit: PAGE, cursor }));
  }

  // A known customer: part of its email matches a handful of rows; its last name and phone digits many more.
  const [known] = await rowsOf<{ email: string; last_name: string; phone: string }>(
    handle,
    sql`select email, last_name, phone from customers where email like '%@example.%' and phone is not null order by email limit 1 offset 777`,
  );
  if (known) {
    const emailPart = known.email.slice(known.email.indexOf('.') + 1, known.email.indexOf('@'));
    cases.push(listCase(`search email part "${emailPart}"`, { q: emailPart, limit: PAGE }));
    cases.push(listCase(`search last name "${known.last_name}"`, { q: known.last_name, limit: PAGE }));
    cases.push(listCase(`search phone digits "${known.phone.slice(-7)}"`, { q: known.phone.slice(-7), limit: PAGE }));
  }
  // Matches about a fifth of all customers: the planner has to choose between the trigram index and the sort index.
  cases.push(listCase('search broad "example.org"', { q: 'example.org', limit: PAGE }));

  const [wholesaler] = await rowsOf<{ id: string }>(handle, sql`select id from customer_groups where lower(name) = 'wholesaler'`);
  if (wholesaler) cases.push(listCase('filter group Wholesaler', { groupId: wholesaler.id, limit: PAGE }));
  cases.push(listCase('filter tag "vip"', { tag: 'vip', limit: PAGE }));
  cases.push(listCase('filter email consent, ordered 2+', { emailConsent: 'yes', minOrders: 2, limit: PAGE }));
  cases.push(listCase('filter never ordered', { neverOrdered: 'yes', limit: PAGE }));
  cases.push(listCase('filter country GB', { country: 'GB', limit: PAGE }));
  cases.push(listCase('filter RFM segment Champions', { rfmSegment: 'Champions', limit: PAGE }));

  // The number above the list: an estimate for broad filters, a bounded exact count for narrow ones; the count is
  // returned so that the report shows what a person would read.
  const countCase = (name: string, filter: Parameters<typeof countCustomerMatches>[0]): BenchCase => ({ name: `count ${name}`, run: async () => (await countCustomerMatches(filter)).count });
  cases.push(countCase('every customer', {}));
  cases.push(countCase('search broad "example.org"', { q: 'example.org' }));
  if (known) cases.push(countCase(`search email part`, { q: known.email.slice(0, known.email.indexOf('@')) }));
  cases.push(countCase('tag "vip"', { tag: 'vip' }));
  cases.push(countCase('email consent, ordered 2+', { emailConsent: 'yes', minOrders: 2 }));
  cases.push(countCase('RFM segment Champions', { rfmSegment: 'Champions' }));

  // The Duplicates page: every reason's self-join, first page (bench/duplicates.ts plants pairs and walks them all).
  cases.push({ name: 'duplicate pairs, first page', run: async () => (await listDuplicateCustomers({ limit: 25 })).data.length });

  // Different customers each time, so the lookups are not all served from one hot page.
  const ids = (await rowsOf<{ id: string }>(handle, sql`select id from customers order by random() limit ${iterations + 3}`)).map((r) => r.id);
  cases.push({
    name: 'getCustomerById (random ids)',
    run: async (i) => {
      const customer = await getCustomerById({ id: ids[i % ids.length] });
      return 1 + customer.addresses.length;
    },
  });
  return { cases, deepCursors };
}
