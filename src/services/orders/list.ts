import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';

import { getDb } from '@/db/client';
import { customers, orders, type OrderRow } from '@/db/schema';
import type { OrderListItem, Page } from '@/lib/types';
import { orderFilterSchema, orderListQuerySchema, type OrderFilter, type OrderListQuery, type OrderSort, type OrderSortField } from '@/lib/validation/order';

import { keysetCursor, type KeyColumn } from '../keyset-cursor';
import { countMatches, EXACT_COUNT_MAX, type MatchCount } from '../match-count';
import { parseInput } from '../validate';
import { orderCursor } from './cursor';
import { toOrderSummary } from './mapping';

type FilterQuery = z.output<typeof orderFilterSchema>;
type FilterKey = keyof FilterQuery;

// One condition per filter of the list schema: the type makes a new filter name its condition here.
const ORDER_FILTERS: { [K in FilterKey]: (value: NonNullable<FilterQuery[K]>) => SQL } = {
  status: (status) => eq(orders.status, status),
  customerId: (customerId) => eq(orders.customerId, customerId),
  placedAfter: (after) => gte(orders.placedAt, after),
  placedBefore: (before) => lte(orders.placedAt, before),
};

function filterConditions(q: FilterQuery): SQL[] {
  return (Object.keys(ORDER_FILTERS) as FilterKey[]).flatMap((key) => {
    const value = q[key];
    return value == null ? [] : [(ORDER_FILTERS[key] as (value: unknown) => SQL)(value)];
  });
}

type ListedRow = { order: OrderRow; customerName: string; sortName: string };
type KeyValue = string | number | Date;
/** One key of a sort: its SQL, its cursor kind, where a listed row has it, and how a decoded key is written back. */
interface KeyPart {
  expr: SQL;
  column: KeyColumn;
  of: (row: ListedRow) => KeyValue;
  cast: (key: KeyValue) => SQL;
}

const timestampKey = (key: KeyValue) => sql`cast(${(key as Date).toISOString()} as timestamptz)`;
const PLACED: KeyPart = { expr: sql`${orders.placedAt}`, column: { kind: 'timestamp' }, of: (row) => row.order.placedAt, cast: timestampKey };
const ID: KeyPart = { expr: sql`${orders.id}`, column: { kind: 'uuid' }, of: (row) => row.order.id, cast: (key) => sql`cast(${key} as uuid)` };

// Each sort's keys, ending in the order id so that the order is total; each matches an index (db/schema/orders.ts),
// walked forwards or backwards with all keys in one direction. The customer sort walks customers_sort_name_idx and
// each customer's orders through orders_customer_placed_idx, so its first two keys are the customer's.
const SORT_KEYS: Record<OrderSortField, KeyPart[]> = {
  placedAt: [PLACED, ID],
  total: [{ expr: sql`${orders.total}`, column: { kind: 'money' }, of: (row) => row.order.total, cast: (key) => sql`cast(${key} as bigint)` }, ID],
  status: [{ expr: sql`${orders.status}`, column: { kind: 'text' }, of: (row) => row.order.status, cast: (key) => sql`cast(${key} as text)` }, PLACED, ID],
  customer: [
    { expr: sql`${customers.sortName}`, column: { kind: 'text' }, of: (row) => row.sortName, cast: (key) => sql`cast(${key} as text)` },
    { expr: sql`${customers.id}`, column: { kind: 'uuid' }, of: (row) => row.order.customerId, cast: (key) => sql`cast(${key} as uuid)` },
    PLACED,
    ID,
  ],
};

/** How many keys of a sort come from the customers' index: the keyset condition on them alone can use it. */
const CUSTOMER_PREFIX: Partial<Record<OrderSortField, number>> = { customer: 2 };

// Newest first keeps the cursor codec the customer's history and the storefront use, so older links still work.
const cursorOf = (sort: OrderSort, parts: KeyPart[]) =>
  sort === 'placedAt:desc' ? orderCursor : keysetCursor(`orders ${sort}`, parts.map((part) => part.column) as KeyColumn[]);

const tuple = (items: SQL[]) => sql`(${sql.join(items, sql`, `)})`;

/** Rows after these keys in the sort's direction: a row comparison on the sort's index. */
function afterKeys(parts: KeyPart[], direction: 'asc' | 'desc', keys: KeyValue[], prefix = 0): SQL {
  const op = direction === 'asc' ? sql`>` : sql`<`;
  const after = sql`${tuple(parts.map((part) => part.expr))} ${op} ${tuple(parts.map((part, i) => part.cast(keys[i])))}`;
  if (!prefix) return after;
  // The same bound on the customers' keys alone (inclusive: that customer's later orders follow), which the
  // customers' index can start from; the full comparison spans two tables and no index.
  const head = parts.slice(0, prefix);
  const from = sql`${tuple(head.map((part) => part.expr))} ${direction === 'asc' ? sql`>=` : sql`<=`} ${tuple(head.map((part, i) => part.cast(keys[i])))}`;
  return sql`${from} and ${after}`;
}

/** Orders filtered by status, customer and placement dates, sorted, keyset-paged. Throws ValidationFailedError. */
export async function listOrders(query: OrderListQuery = {}): Promise<Page<OrderListItem>> {
  const q = parseInput(orderListQuerySchema, query);
  const [field, direction] = q.sort.split(':') as [OrderSortField, 'asc' | 'desc'];
  const parts = SORT_KEYS[field];
  const cursor = cursorOf(q.sort, parts);
  const conditions = filterConditions(q);
  if (q.cursor) conditions.push(afterKeys(parts, direction, cursor.decode(q.cursor) as KeyValue[], CUSTOMER_PREFIX[field]));
  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  // Every order has its customer (a foreign key), so the inner join loses none, and lets the customer sort start
  // from the customers' side.
  const rows = await getDb()
    .select({ order: orders, customerName: sql<string>`${customers.firstName} || ' ' || ${customers.lastName}`, sortName: customers.sortName })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...conditions))
    .orderBy(...parts.map((part) => sql`${part.expr} ${order}`))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...toOrderSummary(row.order), customerId: row.order.customerId, customerName: row.customerName.trim() })),
    nextCursor: rows.length > q.limit && last ? (cursor.encode as (keys: KeyValue[]) => string)(parts.map((part) => part.of(last))) : null,
  };
}

/**
 * How many orders match the list's filters, for the number above the list: exact up to `exactMax`, else the
 * planner's estimate (services/match-count.ts). Throws ValidationFailedError.
 */
export async function countOrderMatches(filter: OrderFilter = {}, exactMax: number = EXACT_COUNT_MAX): Promise<MatchCount> {
  const q = parseInput(orderFilterSchema.strict(), filter);
  return countMatches(orders, and(...filterConditions(q)), exactMax);
}
