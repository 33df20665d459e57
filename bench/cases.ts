import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { CUSTOMER_SORTS, type CustomerFilter, type CustomerSort } from '@/lib/validation/customer';
import { countCustomerMatches, getCustomerById, listCustomers } from '@/services/customers';

import { rowsOf } from './database';
import { customerCountFloor, customerDetailFloor, customerPageFloor, customerSortKey, type Floor } from './floors';

/**
 * One measured operation: `run(i)` performs iteration i through the app's service and returns how many rows it got;
 * each of `floors` is a candidate for the best single SQL statement giving the same answer (the fastest is the floor).
 */
export interface BenchCase {
  name: string;
  run: (i: number) => Promise<number>;
  floors?: Floor[];
}

export const DEEP_ROW = 10_000;
const DEEP_SORTS: CustomerSort[] = ['createdAt:desc', 'name:asc', 'email:asc', 'totalSpend:desc'];
const PAGE = 50;
const WALK_PAGE = 200;
// getCustomerById comes with this many of the newest orders (services/customers.ts).
const RECENT_ORDERS = 10;

/**
 * A page of the list, with its floor: the keyset SELECT on the sort's index; for a search, tag, segment or country
 * (which no index finds in the list's order) also the statement that collects the matches first.
 */
export function listCase(handle: DatabaseHandle, name: string, filter: CustomerFilter, sort: CustomerSort = 'createdAt:desc', after?: { key: string; id: string; cursor: string }): BenchCase {
  const query = { filter, sort, limit: PAGE, after };
  const isNarrowed = Boolean(filter.q || filter.tag || filter.rfmSegment || filter.country);
  return {
    name,
    run: async () => (await listCustomers({ ...filter, sort, limit: PAGE, cursor: after?.cursor })).data.length,
    floors: isNarrowed ? [customerPageFloor(handle, query), customerPageFloor(handle, query, true)] : [customerPageFloor(handle, query)],
  };
}

/** Follows nextCursor with pages of 200 until `row` rows are behind it: the cursor and the last row's id; null when the table is shorter. */
export async function cursorAtRow(sort: CustomerSort, row: number): Promise<{ cursor: string; lastId: string } | null> {
  let cursor: string | null = null;
  let lastId = '';
  for (let seen = 0; seen < row; seen += WALK_PAGE) {
    const page = await listCustomers({ sort, limit: WALK_PAGE, cursor });
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
    lastId = page.data.at(-1)!.id;
  }
  return cursor ? { cursor, lastId } : null;
}

/** A count above the list, with its floor: the same kind of answer (estimate or bounded exact count) in one statement. */
async function countCase(handle: DatabaseHandle, name: string, filter: CustomerFilter): Promise<BenchCase> {
  const { exact, atLeast } = await countCustomerMatches(filter);
  return {
    name: `count ${name}`,
    run: async () => (await countCustomerMatches(filter)).count,
    floors: [customerCountFloor(handle, filter, exact || atLeast)],
  };
}

/** The cases of the bench, built from real rows of the database so that searches and lookups hit. */
export async function buildCases(handle: DatabaseHandle, iterations: number): Promise<{ cases: BenchCase[]; deepCursors: Map<CustomerSort, string> }> {
  const cases: BenchCase[] = CUSTOMER_SORTS.map((sort) => listCase(handle, `first page ${sort}`, {}, sort));

  const deepCursors = new Map<CustomerSort, string>();
  for (const sort of DEEP_SORTS) {
    const deep = await cursorAtRow(sort, DEEP_ROW);
    if (!deep) continue;
    deepCursors.set(sort, deep.cursor);
    const after = { key: await customerSortKey(handle, sort, deep.lastId), id: deep.lastId, cursor: deep.cursor };
    cases.push(listCase(handle, `page at row ${DEEP_ROW.toLocaleString('en')} ${sort}`, {}, sort, after));
  }

  // A known customer: part of its email matches a handful of rows; its last name and phone digits many more.
  const [known] = await rowsOf<{ email: string; last_name: string; phone: string }>(
    handle,
    sql`select email, last_name, phone from customers where email like '%@example.%' and phone is not null order by email limit 1 offset 777`,
  );
  if (known) {
    const emailPart = known.email.slice(known.email.indexOf('.') + 1, known.email.indexOf('@'));
    cases.push(listCase(handle, `search email part "${emailPart}"`, { q: emailPart }));
    cases.push(listCase(handle, `search last name "${known.last_name}"`, { q: known.last_name }));
    cases.push(listCase(handle, `search phone digits "${known.phone.slice(-7)}"`, { q: known.phone.slice(-7) }));
  }
  // Matches about a fifth of all customers: the planner has to choose between the trigram index and the sort index.
  cases.push(listCase(handle, 'search broad "example.org"', { q: 'example.org' }));

  const [wholesaler] = await rowsOf<{ id: string }>(handle, sql`select id from customer_groups where lower(name) = 'wholesaler'`);
  if (wholesaler) cases.push(listCase(handle, 'filter group Wholesaler', { groupId: wholesaler.id }));
  cases.push(listCase(handle, 'filter tag "vip"', { tag: 'vip' }));
  cases.push(listCase(handle, 'filter email consent, ordered 2+', { emailConsent: 'yes', minOrders: 2 }));
  cases.push(listCase(handle, 'filter never ordered', { neverOrdered: 'yes' }));
  cases.push(listCase(handle, 'filter country GB', { country: 'GB' }));
  cases.push(listCase(handle, 'filter RFM segment Champions', { rfmSegment: 'Champions' }));

  // The number above the list: an estimate for broad filters, a bounded exact count for narrow ones; the count is
  // returned so that the report shows what a person would read.
  cases.push(await countCase(handle, 'every customer', {}));
  cases.push(await countCase(handle, 'search broad "example.org"', { q: 'example.org' }));
  if (known) cases.push(await countCase(handle, `search email part`, { q: known.email.slice(0, known.email.indexOf('@')) }));
  cases.push(await countCase(handle, 'tag "vip"', { tag: 'vip' }));
  cases.push(await countCase(handle, 'email consent, ordered 2+', { emailConsent: 'yes', minOrders: 2 }));
  cases.push(await countCase(handle, 'RFM segment Champions', { rfmSegment: 'Champions' }));

  // Different customers each time, so the lookups are not all served from one hot page.
  const ids = (await rowsOf<{ id: string }>(handle, sql`select id from customers order by random() limit ${iterations + 3}`)).map((r) => r.id);
  cases.push({
    name: 'getCustomerById (random ids)',
    run: async (i) => {
      const customer = await getCustomerById({ id: ids[i % ids.length] });
      return 1 + customer.addresses.length;
    },
    floors: [customerDetailFloor(handle, ids, RECENT_ORDERS, false)],
  });
  return { cases, deepCursors };
}
