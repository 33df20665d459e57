import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerGroups, customers } from '@/db/schema';
import type { Customer, Page } from '@/lib/types';
import { customerListQuerySchema, type CustomerListQuery, type CustomerSortField } from '@/lib/validation/customer';

import { parseInput } from '../validate';
import { decodeCursor, encodeCursor } from './cursor';
import { toCustomer } from './mapping';

// Each sort key matches an index in db/schema/customers.ts exactly, with the SQL type its cursor text casts back to.
const SORT_KEYS: Record<CustomerSortField, { expr: SQL; type: SQL; isValidKey: (key: string) => boolean }> = {
  createdAt: { expr: sql`${customers.createdAt}`, type: sql`timestamptz`, isValidKey: isTimestampText },
  name: { expr: sql`${customers.sortName}`, type: sql`text`, isValidKey: isStorableText },
  email: { expr: sql`coalesce(${customers.email}, '')`, type: sql`text`, isValidKey: isStorableText },
  totalSpend: { expr: sql`${customers.totalSpend}`, type: sql`bigint`, isValidKey: isIntegerText },
  orderCount: { expr: sql`${customers.orderCount}`, type: sql`integer`, isValidKey: isIntegerText },
  lastOrderDate: {
    expr: sql`coalesce(${customers.lastOrderDate}, '-infinity'::timestamptz)`,
    type: sql`timestamptz`,
    isValidKey: (key) => key === '-infinity' || isTimestampText(key),
  },
};

// A cursor is client input: its key must cast to the sort's SQL type, or the query would fail instead of answering 422.
function isTimestampText(key: string): boolean {
  const match = /^(\d{4})-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.exec(key);
  return !!match && !Number.isNaN(Date.parse(key.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
}

function isIntegerText(key: string): boolean {
  return /^-?\d{1,18}$/.test(key);
}

function isStorableText(key: string): boolean {
  return !key.includes('\u0000');
}

const lastOrderKey = SORT_KEYS.lastOrderDate.expr;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Splits a search into words, each of which must appear in name, email, phone or company (trigram-indexed). */
export function searchConditions(q: string): SQL[] {
  const looksLikePhone = /^[+\d\s().-]+$/.test(q) && q.replace(/\D/g, '').length >= 3;
  // Phones are stored as E.164, so "07700 900123" is searched as the digits after its leading zero.
  const terms = looksLikePhone ? [q.replace(/\D/g, '').replace(/^0+/, '')] : q.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.map((term) => sql`${customers.searchText} like ${`%${escapeLike(term)}%`}`);
}

/** Lists customers matching the filters, sorted, one keyset page at a time. Throws ValidationFailedError on bad query. */
export async function listCustomers(query: CustomerListQuery = {}): Promise<Page<Customer>> {
  const q = parseInput(customerListQuerySchema, query);
  const [field, direction] = q.sort.split(':') as [CustomerSortField, 'asc' | 'desc'];
  const key = SORT_KEYS[field];

  const conditions: (SQL | undefined)[] = [];
  if (q.q) conditions.push(...searchConditions(q.q));
  if (q.groupId === 'none') conditions.push(isNull(customers.customerGroupId));
  else if (q.groupId) conditions.push(eq(customers.customerGroupId, q.groupId));
  if (q.tag) conditions.push(sql`${customers.tags} @> array[${q.tag}]::text[]`);
  if (q.minSpend != null) conditions.push(gte(customers.totalSpend, q.minSpend));
  if (q.maxSpend != null) conditions.push(lte(customers.totalSpend, q.maxSpend));
  // Written against the sort expression so the same index serves the range and the order.
  if (q.lastOrderAfter) conditions.push(sql`${lastOrderKey} >= ${q.lastOrderAfter.toISOString()}::timestamptz`);
  if (q.lastOrderBefore)
    conditions.push(sql`${lastOrderKey} <= ${q.lastOrderBefore.toISOString()}::timestamptz and ${customers.lastOrderDate} is not null`);
  if (q.createdById) conditions.push(eq(customers.createdById, q.createdById));
  if (q.cursor) {
    const cursor = decodeCursor(q.cursor, q.sort, key.isValidKey);
    const after = sql`(cast(${cursor.key} as ${key.type}), cast(${cursor.id} as uuid))`;
    conditions.push(direction === 'asc' ? sql`(${key.expr}, ${customers.id}) > ${after}` : sql`(${key.expr}, ${customers.id}) < ${after}`);
  }

  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  const rows = await getDb()
    .select({ customer: customers, group: { id: customerGroups.id, name: customerGroups.name }, sortKey: sql<string>`(${key.expr})::text` })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(and(...conditions))
    .orderBy(sql`${key.expr} ${order}`, sql`${customers.id} ${order}`)
    .limit(q.limit + 1);

  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return {
    data: page.map((row) => toCustomer(row.customer, row.group)),
    nextCursor: hasMore && last ? encodeCursor({ sort: q.sort, key: last.sortKey, id: last.customer.id }) : null,
  };
}
