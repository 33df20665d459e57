import { and, eq, gt, gte, isNotNull, isNull, lte, sql, type SQL, type SQLWrapper, type Subquery } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';

import { getDb } from '@/db/client';
import { customerAddresses, customerGroups, customers, customerSegments, customerTags } from '@/db/schema';
import type { Customer, Page } from '@/lib/types';
import { customerFilterSchema, customerListQuerySchema, type CustomerFilter, type CustomerListQuery, type CustomerSort, type CustomerSortField } from '@/lib/validation/customer';

import { keysetCursor, type KeyColumn } from '../keyset-cursor';
import { countMatches, EXACT_COUNT_MAX, estimateRows, type MatchCount } from '../match-count';
import { parseInput } from '../validate';
import { customerColumns, toCustomer, type CustomerFields } from './mapping';

// Each sort key matches an index in db/schema/customers.ts exactly, and `member` the same key in customer_tags and
// customer_segments (db/schema/customer-tags.ts), whose index per sort serves a list filtered by a tag or a segment.
// `column` is its cursor key's kind, `keyOf` reads the key from a listed row (text keys as PostgreSQL sorted them, the
// rest from the customer), and `cast` writes a decoded key back as the SQL type of the sort. A null last order date
// sorts as '-infinity', as the index has it.
const SORT_KEYS: Record<CustomerSortField, { expr: SQL; member: (t: MemberTable) => SQLWrapper; column: KeyColumn; keyOf: (row: SortedCustomerRow) => KeyValue; cast: (key: KeyValue) => SQL }> = {
  createdAt: { expr: sql`${customers.createdAt}`, member: (t) => t.createdAt, column: { kind: 'timestamp' }, keyOf: (row) => row.customer.createdAt, cast: timestampKey },
  name: { expr: sql`${customers.sortName}`, member: (t) => t.sortName, column: { kind: 'text' }, keyOf: (row) => row.sortKey, cast: (key) => sql`cast(${key} as text)` },
  email: {
    expr: sql`coalesce(${customers.email}, '')`,
    member: (t) => t.emailKey,
    column: { kind: 'text' },
    keyOf: (row) => row.customer.email ?? '',
    cast: (key) => sql`cast(${key} as text)`,
  },
  totalSpend: {
    expr: sql`${customers.totalSpend}`,
    member: (t) => t.totalSpend,
    column: { kind: 'money' },
    keyOf: (row) => row.customer.totalSpend,
    cast: (key) => sql`cast(${key} as bigint)`,
  },
  orderCount: {
    expr: sql`${customers.orderCount}`,
    member: (t) => t.orderCount,
    column: { kind: 'int' },
    keyOf: (row) => row.customer.orderCount,
    cast: (key) => sql`cast(${key} as integer)`,
  },
  lastOrderDate: {
    expr: sql`coalesce(${customers.lastOrderDate}, '-infinity'::timestamptz)`,
    member: (t) => t.lastOrderKey,
    column: { kind: 'timestamp', nullable: true },
    keyOf: (row) => row.customer.lastOrderDate,
    cast: (key) => (key === null ? sql`'-infinity'::timestamptz` : timestampKey(key)),
  },
};

function timestampKey(key: KeyValue): SQL {
  return sql`cast(${(key as Date).toISOString()} as timestamptz)`;
}

/** The cursor codec of one sort (field and direction): keys are the sort key, then id. */
function cursorOf(sort: string, key: SortKey) {
  return keysetCursor(`customers ${sort}`, [key.column, { kind: 'uuid' }] as const);
}

const lastOrderKey = SORT_KEYS.lastOrderDate.expr;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Splits a search into words, each of which must appear in name, email, phone or company (trigram-indexed). */
export function searchConditions(q: string, searchText: SQLWrapper = customers.searchText): SQL[] {
  const looksLikePhone = /^[+\d\s().-]+$/.test(q) && q.replace(/\D/g, '').length >= 3;
  // Phones are stored as E.164, so "07700 900123" is searched as the digits after its leading zero.
  const terms = looksLikePhone ? [q.replace(/\D/g, '').replace(/^0+/, '')] : q.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.map((term) => sql`${searchText} like ${`%${escapeLike(term)}%`}`);
}

// Search, RFM segment and country filters are where plans go wrong: the planner's estimates for them are rough, and the matches may
// sit together at the far end of the sort order. Walking the sort index and filtering can then read most of the table
// for a handful of rows, and collecting every match to sort it can sort most of it. So a narrowed list asks the
// planner how many rows it expects (EXPLAIN, nothing read), takes the way that suits, bounded, with the other behind
// it: up to FEW_MATCHES, the matches are collected through the trigram and tag indexes and sorted in memory (at most
// IN_MEMORY_SORT_MAX of them); above, a stretch of SORT_WINDOW rows of the sort index is walked, which fills a page
// whenever one row in SORT_WINDOW / page size matches.
//
// A tag is not guessed: the list filtered by a tag walks that tag's rows of customer_tags in the sort's order (an
// index per sort, db/schema/customer-tags.ts), joined to their customers, so a page reads about a page of rows
// whether the tag has ten customers or half a million, and the planner estimates a tag from that table's plain
// column statistics. An RFM segment without a tag is walked the same way, in customer_segments. The walks below ("the
// sort index") are then that index, and the other filters apply to the joined customers as they would to a walk of
// customers' own index.
export const FEW_MATCHES = 2000;
export const SORT_WINDOW = 2000;
export const IN_MEMORY_SORT_MAX = 20_000;
// When a stretch did not fill the page and a slower way would come next, a second one this many times as long is
// walked first: 10,000 rows at most, about 40 ms at 3.9 µs a row, which is what it adds when it does not fill either.
const LONG_STRETCH = 5;

/** A subquery's column by name: drizzle writes a subquery's computed column unqualified, which an output name can shadow. */
function column(subquery: string, name: string): SQL {
  return sql`${sql.identifier(subquery)}.${sql.identifier(name)}`;
}

/**
 * The page from a subquery of (customer_id, sort_value) rows in the list's order: their customers by primary key,
 * with their groups, filtered by `where`.
 */
function customersOfKeys(keys: Subquery, where: SQL | undefined, order: SQL, limit: number) {
  const sortValue = column(keys._.alias, 'sort_value');
  const id = column(keys._.alias, 'customer_id');
  return getDb()
    .select({ customer: customerColumns, group: { id: customerGroups.id, name: customerGroups.name }, sortKey: sql<string>`(${sortValue})::text` })
    .from(keys)
    .innerJoin(customers, eq(customers.id, id))
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(where)
    .orderBy(sql`${sortValue} ${order}`, sql`${id} ${order}`)
    .limit(limit);
}

type SortKey = (typeof SORT_KEYS)[CustomerSortField];
/** A table of one row per customer and tag (or segment) with the customer's sort keys: customer_tags, customer_segments. */
type MemberTable = typeof customerTags | typeof customerSegments;
/** The member rows a walk reads in the sort's order instead of customers' own index: a tag's, or else a segment's. */
interface Member {
  table: MemberTable;
  /** Which rows of `table`. */
  match: SQL;
  /** The same filter as a condition on the customer row, for what does not walk `table`. */
  condition: SQL;
}
type ListQuery = z.output<typeof customerListQuerySchema>;
type ListRow = { customer: CustomerFields; group: { id: string; name: string } | null; sortKey: string };
type KeyValue = string | number | Date | null;
interface Strategy {
  key: SortKey;
  order: SQL;
  limit: number;
  /** The tag's or segment's rows the walks read in order, instead of customers' own sort index. */
  member: Member | null;
  /** Whether the list is filtered by group (or by having none): the walk of customers may then read a group's index. */
  isGroupFiltered: boolean;
}

/**
 * Filtered by one group, the list's order is also (group, key, id): the order of customers_group_*_idx. Said so, the
 * planner reads that index for "no group" too: `is null` is not an equality, so it would not know by itself that the
 * index's first column is constant there, and would walk the whole sort index filtering out the grouped customers.
 */
function groupFirst({ isGroupFiltered, member, order }: Strategy): SQL[] {
  return isGroupFiltered && !member ? [sql`${customers.customerGroupId} ${order}`] : [];
}

/** The sort key and tie-break a walk orders by: customers' own, or the same keys of the member rows. */
function walkKeys({ key, member }: Pick<Strategy, 'key' | 'member'>): KeyExprs {
  return member ? { expr: sql`${key.member(member.table)}`, id: sql`${member.table.customerId}` } : { expr: key.expr, id: sql`${customers.id}` };
}

/**
 * A select over customers, joined to the member rows when the walk reads those. The selection is explicit and an
 * inner join makes none of it nullable, so the rows keep their type.
 */
function joinWalk<T extends PgSelect>(query: T, member: Member | null): T {
  return member ? (query.innerJoin(member.table, and(eq(member.table.customerId, customers.id), member.match)) as unknown as T) : query;
}

/** The page from at most `window` rows of the sort index after the cursor, filtered by search, segment and country afterwards. */
async function walkSortWindow(base: SQL | undefined, q: FilterQuery, strategy: Strategy, window: number): Promise<ListRow[]> {
  const { order, limit } = strategy;
  const walk = walkKeys(strategy);
  const db = getDb();
  // A subquery with LIMIT is never merged into the outer query, so the guessed filters cannot move into it and turn
  // it back into an unbounded walk.
  const stretch = joinWalk(
    db.select({ customer: customerColumns, searchText: customers.searchText, sortValue: sql`${walk.expr}`.as('sort_value') }).from(customers).$dynamic(),
    strategy.member,
  )
    .where(base)
    .orderBy(...groupFirst(strategy), sql`${walk.expr} ${order}`, sql`${walk.id} ${order}`)
    .limit(window)
    .as('stretch');
  const sortValue = column('stretch', 'sort_value');
  return db
    .select({ customer: stretch.customer, group: { id: customerGroups.id, name: customerGroups.name }, sortKey: sql<string>`(${sortValue})::text` })
    .from(stretch)
    .leftJoin(customerGroups, eq(customerGroups.id, stretch.customer.customerGroupId))
    .where(and(...guessedConditions(q, { id: stretch.customer.id, searchText: stretch.searchText }, { perRow: true })))
    .orderBy(sql`${sortValue} ${order}`, sql`${stretch.customer.id} ${order}`)
    .limit(limit);
}

/**
 * The page from at most `window` of the tag's (or segment's) member rows after the cursor (read from their index
 * alone), with every other filter applied to their customers afterwards: a tag with a group, a spend range or a
 * search. Unlike walkSortWindow, even the well-estimated filters stay outside the stretch: they are estimated as if
 * independent of the tag, and a tag is often the mark of a group (every "vip" in the VIP group, none among
 * wholesalers), so inside it a combination that matches nobody would walk every row of the tag.
 */
async function walkMemberWindow(filters: SQL[], after: SQL | undefined, q: FilterQuery, strategy: Strategy & { member: Member }, window: number): Promise<ListRow[]> {
  const { order, limit, member } = strategy;
  const walk = walkKeys(strategy);
  const db = getDb();
  const stretch = db
    .select({ customerId: sql<string>`${member.table.customerId}`.as('customer_id'), sortValue: sql`${walk.expr}`.as('sort_value') })
    .from(member.table)
    .where(and(member.match, after))
    .orderBy(sql`${walk.expr} ${order}`, sql`${walk.id} ${order}`)
    .limit(window)
    .as('stretch');
  return customersOfKeys(stretch, and(...filters, ...guessedConditions(q, CUSTOMER_COLUMNS, { perRow: true })), order, limit);
}

/** The page from all matches sorted in memory, or null when there are more than `max` of them. */
async function sortMatchesInMemory(where: SQL | undefined, { key, order, limit }: Strategy, max: number): Promise<ListRow[] | null> {
  const db = getDb();
  // The LIMIT keeps the planner from merging the subquery and walking the sort index instead.
  const matches = db
    .select({ customer: customerColumns, sortValue: sql`${key.expr}`.as('sort_value') })
    .from(customers)
    .where(where)
    .limit(max + 1)
    .as('matches');
  const top = db
    .select({ customer: matches.customer, sortValue: matches.sortValue, matchCount: sql<number>`count(*) over ()`.as('match_count') })
    .from(matches)
    .orderBy(sql`${column('matches', 'sort_value')} ${order}`, sql`${matches.customer.id} ${order}`)
    .limit(limit)
    .as('top');
  // Groups are joined to the page only, not to every match.
  const rows = await db
    .select({
      customer: top.customer,
      group: { id: customerGroups.id, name: customerGroups.name },
      sortKey: sql<string>`(${column('top', 'sort_value')})::text`,
      matchCount: sql<number>`${column('top', 'match_count')}`.mapWith(Number),
    })
    .from(top)
    .leftJoin(customerGroups, eq(customerGroups.id, top.customer.customerGroupId))
    .orderBy(sql`${column('top', 'sort_value')} ${order}`, sql`${top.customer.id} ${order}`);
  return (rows[0]?.matchCount ?? 0) > max ? null : rows;
}

/** The page by walking the sort's index (or the member rows') from the cursor, filtering as it goes. */
function walkSortIndex(where: SQL | undefined, strategy: Strategy): Promise<ListRow[]> {
  const { order, limit } = strategy;
  const walk = walkKeys(strategy);
  const select = getDb()
    .select({ customer: customerColumns, group: { id: customerGroups.id, name: customerGroups.name }, sortKey: sql<string>`(${walk.expr})::text` })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .$dynamic();
  return joinWalk(select, strategy.member)
    .where(where)
    .orderBy(...groupFirst(strategy), sql`${walk.expr} ${order}`, sql`${walk.id} ${order}`)
    .limit(limit);
}

/** The planner's estimate of how many customers match, from its statistics: no rows are read. */
function estimateMatches(where: SQL | undefined): Promise<number> {
  return estimateRows(getDb().select({ one: sql`1` }).from(customers).where(where));
}

/** The columns of the customer row the guessed conditions read, in `customers` or in a subquery of it. */
interface GuessedColumns {
  id: SQLWrapper;
  searchText: SQLWrapper;
}

const CUSTOMER_COLUMNS: GuessedColumns = { id: customers.id, searchText: customers.searchText };

/**
 * The tag filter as a condition on the customer row, for whatever does not walk customer_tags: the bounded count and
 * the in-memory sort of few matches (through customers_tags_idx), bulk moves and exports.
 */
function tagCondition(q: FilterQuery): SQL[] {
  return q.tag ? [sql`${customers.tags} @> array[${q.tag}]::text[]`] : [];
}

/** The member rows a list walks: the tag's when it is filtered by one, else the segment's, else none. */
function memberOf(q: FilterQuery): Member | null {
  if (q.tag != null) return { table: customerTags, match: eq(customerTags.tag, q.tag), condition: tagCondition(q)[0] };
  if (q.rfmSegment != null) {
    return { table: customerSegments, match: eq(customerSegments.segment, q.rfmSegment), condition: guessedConditions({ rfmSegment: q.rfmSegment }, CUSTOMER_COLUMNS)[0] };
  }
  return null;
}

/**
 * Search words, RFM segment (with a tag, which the walk reads instead) and country: the filters whose matches no
 * index of `customers` finds in the list's order, so a page is found as FEW_MATCHES explains. The planner estimates
 * the segment and country well (column statistics of customer_segments and customer_addresses).
 * - RFM segment: read from customer_segments (a row per customer with a segment, db/schema/customer-segments.ts). A
 *   walk checks each customer by primary key (one probe per row, at most SORT_WINDOW of them when a page does not
 *   fill); a segment's customers are found, and counted, through its index.
 * - Country: the default shipping address is one row per customer (customer_addresses_default_shipping_idx), probed
 *   per row in a walk; a rare country is collected through customer_addresses_default_country_idx.
 * `perRow` is for the rows of a bounded stretch: there the segment and country are scalar subqueries, which PostgreSQL
 * runs once per row (a primary-key probe each). As EXISTS they are semi-joins, and for a common segment the planner
 * may hash every customer in it first, to filter 2,000 rows.
 */
function guessedConditions(q: FilterQuery, row: GuessedColumns, { perRow = false } = {}): SQL[] {
  const conditions = q.q ? searchConditions(q.q, row.searchText) : [];
  if (q.rfmSegment) {
    conditions.push(
      perRow
        ? sql`(select ${customerSegments.segment} from ${customerSegments} where ${customerSegments.customerId} = ${row.id}) = ${q.rfmSegment}`
        : sql`exists (select 1 from ${customerSegments} where ${customerSegments.customerId} = ${row.id} and ${customerSegments.segment} = ${q.rfmSegment})`,
    );
  }
  if (q.country) {
    conditions.push(
      perRow
        ? sql`(select ${customerAddresses.countryCode} from ${customerAddresses} where ${customerAddresses.customerId} = ${row.id} and ${customerAddresses.isDefaultShipping}) = ${q.country}`
        : sql`exists (select 1 from ${customerAddresses} where ${customerAddresses.customerId} = ${row.id} and ${customerAddresses.isDefaultShipping} and ${customerAddresses.countryCode} = ${q.country})`,
    );
  }
  return conditions;
}

type FilterQuery = z.output<typeof customerFilterSchema>;

/** The list's filters as conditions on `customers`, for operations on every customer matching them (bulk moves). */
export function customerFilterConditions(q: FilterQuery): SQL[] {
  return [...filterConditions(q), ...tagCondition(q), ...guessedConditions(q, CUSTOMER_COLUMNS)];
}

/** How many customers match the list's filters (for "select all N matching"). Throws ValidationFailedError on a bad filter. */
export async function countCustomers(filter: CustomerFilter = {}): Promise<number> {
  const q = parseInput(customerFilterSchema.strict(), filter);
  const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers).where(and(...customerFilterConditions(q)));
  return count;
}

/**
 * How many customers match the list's filters, for the number above the list: exact up to `exactMax`, else the
 * planner's estimate (services/match-count.ts). Never a full count of a million rows. Throws ValidationFailedError.
 */
export async function countCustomerMatches(filter: CustomerFilter = {}, exactMax: number = EXACT_COUNT_MAX): Promise<MatchCount> {
  const q = parseInput(customerFilterSchema.strict(), filter);
  return countMatches(customers, and(...customerFilterConditions(q)), exactMax);
}

type IndexedFilterKey = Exclude<keyof FilterQuery, 'q' | 'tag' | 'rfmSegment' | 'country'>;

/**
 * Filters the planner estimates well (each has an index and plain statistics), one condition per filter of the list
 * schema: the type makes a new filter name its condition here (or in guessedConditions, with search, or tagCondition).
 */
const INDEXED_FILTERS: { [K in IndexedFilterKey]: (value: NonNullable<FilterQuery[K]>) => SQL } = {
  groupId: (groupId) => (groupId === 'none' ? isNull(customers.customerGroupId) : eq(customers.customerGroupId, groupId)),
  minSpend: (minSpend) => gte(customers.totalSpend, minSpend),
  maxSpend: (maxSpend) => lte(customers.totalSpend, maxSpend),
  // Written against the sort expression so the same index serves the range and the order. Without orders the key is
  // '-infinity', so "before" is a range of the index that starts after them, not a walk past them.
  lastOrderAfter: (after) => sql`${lastOrderKey} >= ${after.toISOString()}::timestamptz`,
  lastOrderBefore: (before) => sql`${lastOrderKey} > '-infinity'::timestamptz and ${lastOrderKey} <= ${before.toISOString()}::timestamptz`,
  createdById: (createdById) => eq(customers.createdById, createdById),
  // Consent and account are yes/no columns the planner estimates exactly (their statistics are two values). None has
  // an index of its own: a common value fills a page after a few rows of the sort index, and for a rare one the
  // planner reads the table once and sorts the matches rather than walk the index (bounded by the table).
  emailConsent: (value) => eq(customers.emailMarketingConsent, value === 'yes'),
  smsConsent: (value) => eq(customers.smsMarketingConsent, value === 'yes'),
  // customers_user_id_idx holds the nulls too, so either answer can be read from it when it is the rarer.
  hasAccount: (value) => (value === 'yes' ? isNotNull(customers.userId) : isNull(customers.userId)),
  // The order count's own index (customers_order_count_idx) serves the range, "never ordered" and the sort by orders.
  minOrders: (min) => gte(customers.orderCount, min),
  maxOrders: (max) => lte(customers.orderCount, max),
  neverOrdered: (value) => (value === 'yes' ? eq(customers.orderCount, 0) : gt(customers.orderCount, 0)),
  // `only` reads the few erased rows through customers_erased_idx; without the filter they are left out (below).
  erased: (erased) => (erased === 'only' ? isNotNull(customers.erasedAt) : sql`true`),
};

function conditionOf(q: FilterQuery, key: IndexedFilterKey): SQL {
  return (INDEXED_FILTERS[key] as (value: unknown) => SQL)(q[key]);
}

/** The conditions of the well-estimated filters (all but those in `skip`), with erased customers left out by default. */
function filterConditions(q: FilterQuery, skip: readonly IndexedFilterKey[] = []): SQL[] {
  const conditions = (Object.keys(INDEXED_FILTERS) as IndexedFilterKey[]).flatMap((key) => {
    const value = q[key];
    return value == null || skip.includes(key) ? [] : [conditionOf(q, key)];
  });
  // Erased customers leave lists, search, bulk moves and counts unless the filter asks for them.
  if (q.erased == null) conditions.push(isNull(customers.erasedAt));
  return conditions;
}

/** A sort key and its tie-break id as SQL: customers' own, or the tag's copies of them in customer_tags. */
interface KeyExprs {
  expr: SQL;
  id: SQL;
}

/** The cursor's condition on the keys given (those of the index that reads the page); none on the first page. */
function afterCursor(q: ListQuery, key: SortKey, direction: 'asc' | 'desc', keys: KeyExprs): SQL | undefined {
  if (!q.cursor) return undefined;
  const [sortKey, id] = cursorOf(q.sort, key).decode(q.cursor);
  return afterKeys(key, keys, direction, sortKey, id);
}

/** Whether any well-estimated filter narrows the list (leaving erased customers out, the default, does not). */
function hasIndexedFilter(q: FilterQuery): boolean {
  return (Object.keys(INDEXED_FILTERS) as IndexedFilterKey[]).some((key) => q[key] != null && !(key === 'erased' && q.erased === 'include'));
}

/** Rows after (sort key, id) in the sort's direction: the keyset condition, on the index of `keys`. */
function afterKeys(key: SortKey, keys: KeyExprs, direction: 'asc' | 'desc', sortKey: KeyValue, id: string): SQL {
  const after = sql`(${key.cast(sortKey)}, cast(${id} as uuid))`;
  return direction === 'asc' ? sql`(${keys.expr}, ${keys.id}) > ${after}` : sql`(${keys.expr}, ${keys.id}) < ${after}`;
}

/** A row of a walk in the list's order: its customer columns and its sort key as PostgreSQL sorted it. */
export type SortedCustomerRow = Pick<ListRow, 'customer' | 'sortKey'>;

/**
 * The list's order for one sort, for walks over every match a page at a time (the CSV export): the columns to
 * select (`sortKey`), the ORDER BY, and the condition for the rows after a row already read. The same keys, index
 * and tie-break on id as the list's pages.
 */
export function customerSortOrder(sort: CustomerSort) {
  const [field, direction] = sort.split(':') as [CustomerSortField, 'asc' | 'desc'];
  const key = SORT_KEYS[field];
  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  return {
    sortKey: sql<string>`(${key.expr})::text`,
    orderBy: [sql`${key.expr} ${order}`, sql`${customers.id} ${order}`],
    after: (row: SortedCustomerRow): SQL => afterKeys(key, { expr: key.expr, id: sql`${customers.id}` }, direction, key.keyOf(row), row.customer.id),
  };
}

/** Overrides of the thresholds above, for tests. */
export interface ListTuning {
  fewMatches?: number;
  sortWindow?: number;
  inMemorySortMax?: number;
  collectShare?: number;
}

/**
 * The page of a list narrowed by search, segment or country, or by a tag with other filters, found as FEW_MATCHES
 * above explains. A walk filters by `filters` and `guessed` with `after` (the cursor on the walked keys: the tag's
 * or customers'); `where` is every condition on customers alone, for the estimate and the in-memory sort.
 */
async function findNarrowedPage(
  { filters, after, guessed, where }: { filters: SQL[]; after: SQL | undefined; guessed: SQL[]; where: SQL | undefined },
  q: FilterQuery,
  strategy: Strategy,
  tuning: Required<ListTuning>,
): Promise<ListRow[]> {
  const walkAll = () => walkSortIndex(and(...filters, after, ...guessed), strategy);
  const estimate = await estimateMatches(where);
  if (estimate <= tuning.fewMatches) {
    return (await sortMatchesInMemory(where, strategy, tuning.inMemorySortMax)) ?? (await walkAll());
  }
  const { member } = strategy;
  const walkWindow = (window: number) =>
    member ? walkMemberWindow(filters, after, q, { ...strategy, member }, window) : walkSortWindow(and(...filters, after), q, strategy, window);
  const rows = await walkWindow(tuning.sortWindow);
  if (rows.length === strategy.limit) return rows;
  // Too many matches to sort in memory, and too few in the stretch: they sit together further on. Names with an
  // accented first letter sort after z, and at a million the 3,700 last names by name descending held no customer of
  // a country whose 300,000 came next; collecting that country took 0.4 s, where a longer stretch stops at the page
  // (LONG_STRETCH).
  if (estimate > tuning.inMemorySortMax) {
    const further = await walkWindow(tuning.sortWindow * LONG_STRETCH);
    if (further.length === strategy.limit) return further;
  }
  return (await sortMatchesInMemory(where, strategy, tuning.inMemorySortMax)) ?? (await walkAll());
}

// A range of spend, order count or last order date in a list sorted by another column. Its matches may sit anywhere in
// the sort's order, and where the two columns go together they sit at one end: the customers whose last order is over a
// year old are the oldest ones, so newest first the walk of the creation index passed 650,000 customers at a million
// for the first 50 of them (2.8 s), where it found 50 in a few dozen rows oldest first. The planner cannot see this: it
// spreads the matches evenly. So the list walks a bounded stretch of the sort index first, which fills the page
// whenever the matches are not rare at its start, walks on when the stretch's matches say the page is near, and else
// reads all the matches and keeps the page (a top-N sort). Collecting reads customers_order_count_idx (and the table
// only for the rows the visibility map does not vouch for) when the sort and the filters are among its columns (every
// range, and every sort but name and email: 50-170 ms at a million), and the table otherwise (0.3-0.45 s); the walk
// reads a table row per customer it passes, 3.9 µs each, and passed 152,000 (0.6-0.8 s) for customers who ordered in
// the last 90 days, fewest orders first. The planner's estimate of the matches does not decide: a share of the walked
// customers above which it would send the list walking, 1 means never (at 0.5, a walk chosen because more than half
// matched was bounded only by those who did not, up to half the customers). A collect bounds every such page.
export const COLLECT_SHARE = 1;
// Reading every customer to collect the matches costs about as much as walking a tenth of them in the sort's order
// (0.44 s against 3.9 µs a row at a million): when the stretch found some matches, the walk goes on if at that rate
// the page fills sooner.
const COLLECT_COST = 10;

/** Which column each range filter is a range of, by the sort that orders by it. */
const RANGE_FILTERS: { [K in IndexedFilterKey]?: CustomerSortField } = {
  minSpend: 'totalSpend',
  maxSpend: 'totalSpend',
  minOrders: 'orderCount',
  maxOrders: 'orderCount',
  neverOrdered: 'orderCount',
  lastOrderAfter: 'lastOrderDate',
  lastOrderBefore: 'lastOrderDate',
};

/** The range filters of `q` on another column than the sort key `field`. */
function rangesAcross(q: FilterQuery, field: CustomerSortField): IndexedFilterKey[] {
  return (Object.keys(RANGE_FILTERS) as IndexedFilterKey[]).filter((key) => q[key] != null && RANGE_FILTERS[key] !== field);
}

/**
 * The page of a list with range filters on another column than the sort's (`ranged`), as COLLECT_SHARE explains;
 * `filters` are the other filters and `after` the cursor.
 */
async function findRangedPage({ filters, ranged, after }: { filters: SQL[]; ranged: SQL[]; after: SQL | undefined }, strategy: Strategy, tuning: Required<ListTuning>): Promise<ListRow[]> {
  const walkStretch = (window: number) => walkStretchThenRange(and(...filters, after), ranged, strategy, window);
  const rows = await walkStretch(tuning.sortWindow);
  if (rows.length === strategy.limit) return rows;
  const where = and(...filters, ...ranged, after);
  const walked = await estimateMatches(and(...filters, after));
  // The stretch's matches say how far on the page is, if they go on as they started.
  const pageIsNear = rows.length > 0 && (tuning.sortWindow * strategy.limit) / rows.length <= walked / COLLECT_COST;
  // The estimate of the ranged matches is asked for only when a share below 1 can make it decide: it never exceeds
  // the estimate of what the walk passes, which it narrows.
  if (pageIsNear || (tuning.collectShare < 1 && (await estimateMatches(where)) > walked * tuning.collectShare)) return walkSortIndex(where, strategy);
  // Few or no matches in the stretch may only mean they start further on: newest first, the customers added since the
  // last orders (by an import, or the shop's newest sign-ups) have none, and "ordered twice, with email consent" at a
  // million collected 226,000 matches (0.43 s) for a page that ended 8,344 rows on. Collecting costs 50-450 ms.
  const further = await walkStretch(tuning.sortWindow * LONG_STRETCH);
  if (further.length === strategy.limit) return further;
  return collectMatches(where, strategy);
}

/**
 * The page from at most `window` rows of the sort index after the cursor (those matching `base`), filtered by the
 * ranges afterwards: they are a column of the stretch, not a condition in it, so they cannot turn it into an unbounded
 * walk (a subquery with LIMIT is never merged into the outer query), and only its rows in range are joined back to
 * their customers.
 */
async function walkStretchThenRange(base: SQL | undefined, ranged: SQL[], strategy: Strategy, window: number): Promise<ListRow[]> {
  const { key, order, limit } = strategy;
  const stretch = getDb()
    .select({
      customerId: sql<string>`${customers.id}`.as('customer_id'),
      sortValue: sql`${key.expr}`.as('sort_value'),
      inRange: sql<boolean>`${and(...ranged)}`.as('in_range'),
    })
    .from(customers)
    .where(base)
    .orderBy(...groupFirst(strategy), sql`${key.expr} ${order}`, sql`${customers.id} ${order}`)
    .limit(window)
    .as('stretch');
  return customersOfKeys(stretch, column('stretch', 'in_range'), order, limit);
}

// A LIMIT that keeps every row: it keeps a subquery from being merged into the query around it.
const EVERY_ROW = Number.MAX_SAFE_INTEGER;

/**
 * The page from every match, read through the filters' indexes or the table (the subquery is planned for all its
 * rows), of which a top-N sort keeps the page before the page's customers are read.
 */
async function collectMatches(where: SQL | undefined, { key, order, limit }: Strategy): Promise<ListRow[]> {
  const db = getDb();
  const matches = db
    .select({ customerId: sql<string>`${customers.id}`.as('customer_id'), sortValue: sql`${key.expr}`.as('sort_value') })
    .from(customers)
    .where(where)
    .limit(EVERY_ROW)
    .as('matches');
  const sortValue = column('matches', 'sort_value');
  const customerId = column('matches', 'customer_id');
  const top = db
    .select({ customerId: sql<string>`${customerId}`.as('customer_id'), sortValue: sql`${sortValue}`.as('sort_value') })
    .from(matches)
    .orderBy(sql`${sortValue} ${order}`, sql`${customerId} ${order}`)
    .limit(limit)
    .as('top');
  return customersOfKeys(top, undefined, order, limit);
}

// Customers without counted orders have all spent 0 and have no last order (orders/customer-stats.ts), so sorted by
// either they tie on the key and follow their id: the order of the sort by order count, whose index reads them in id
// order from its first entry. Walking the spend or last order index instead passes every customer who has ordered.
const KEYS_OF_NO_ORDERS: readonly CustomerSortField[] = ['totalSpend', 'lastOrderDate'];

function hasNoOrders(q: FilterQuery): boolean {
  return q.neverOrdered === 'yes' || q.maxOrders === 0;
}

/**
 * Lists customers matching the filters, sorted, one keyset page at a time. Throws ValidationFailedError on bad query.
 * `tuning` exists for tests, to cross between the ways of finding a page with little data.
 */
export async function listCustomers(query: CustomerListQuery = {}, tuning: ListTuning = {}): Promise<Page<Customer>> {
  const q = parseInput(customerListQuerySchema, query);
  const [field, direction] = q.sort.split(':') as [CustomerSortField, 'asc' | 'desc'];
  const keyField = hasNoOrders(q) && KEYS_OF_NO_ORDERS.includes(field) ? 'orderCount' : field;
  const strategy: Strategy = {
    key: SORT_KEYS[keyField],
    order: direction === 'asc' ? sql`asc` : sql`desc`,
    limit: q.limit + 1,
    member: memberOf(q),
    isGroupFiltered: q.groupId != null,
  };

  const filters = filterConditions(q);
  // The cursor on the keys a walk reads (the member rows' or customers'); the estimate and the in-memory sort read customers.
  const after = afterCursor(q, strategy.key, direction, walkKeys(strategy));
  // A segment whose member rows the walk reads is not guessed; with a tag, a segment is checked on each customer.
  const rest: FilterQuery = strategy.member?.table === customerSegments ? { ...q, rfmSegment: undefined } : q;
  const guessed = guessedConditions(rest, CUSTOMER_COLUMNS);
  // A tag or segment alone walks its own index; with other filters too, how many of its customers match them is a guess.
  const isNarrowed = guessed.length > 0 || (strategy.member !== null && hasIndexedFilter(q));
  const where = () =>
    and(...filters, afterCursor(q, strategy.key, direction, walkKeys({ ...strategy, member: null })), ...(strategy.member ? [strategy.member.condition] : []), ...guessed);
  const tuned: Required<ListTuning> = {
    fewMatches: tuning.fewMatches ?? FEW_MATCHES,
    sortWindow: tuning.sortWindow ?? SORT_WINDOW,
    inMemorySortMax: tuning.inMemorySortMax ?? IN_MEMORY_SORT_MAX,
    collectShare: tuning.collectShare ?? COLLECT_SHARE,
  };
  const across = isNarrowed || strategy.member ? [] : rangesAcross(q, keyField);
  const rows = isNarrowed
    ? await findNarrowedPage({ filters, after, guessed, where: where() }, rest, strategy, tuned)
    : across.length > 0
      ? await findRangedPage({ filters: filterConditions(q, across), ranged: across.map((key) => conditionOf(q, key)), after }, strategy, tuned)
      : await walkSortIndex(and(...filters, after), strategy);

  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return {
    data: page.map((row) => toCustomer(row.customer, row.group)),
    nextCursor: hasMore && last ? cursorOf(q.sort, strategy.key).encode([strategy.key.keyOf(last), last.customer.id]) : null,
  };
}
