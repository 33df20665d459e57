import { sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerDuplicateDismissals } from '@/db/schema';
import { DUPLICATE_REASONS, type DuplicatePair, type DuplicateReason } from '@/lib/customer-merge-types';
import { duplicateDismissSchema, duplicateListQuerySchema, type DuplicateListQuery } from '@/lib/validation/customer-merge';
import type { Actor, Page } from '@/lib/types';

import { pgErrorOf } from '../db-errors';
import { NotFoundError, ValidationFailedError } from '../errors';
import { keysetCursor } from '../keyset-cursor';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';

/** pg_trgm similarity of the lower-cased full names above which two customers at one postcode or street look like one. */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

const pairCursor = keysetCursor('customer-duplicates', [{ kind: 'uuid' }, { kind: 'uuid' }]);

// The walk goes through customers in id order from the cursor and, for each, looks its partners up by index: equal
// mailbox (customers_email_canonical_idx), equal phone (customers_phone_idx), and, among the customers sharing one of its
// addresses' postcode or street line (the addresses' key indexes), those with a similar name (pg_trgm). So a page
// reads only as many customers as it takes to find its pairs, never all pairs of all customers. Pairs are (a, b) with
// a < b; each is found from `a`, so the order is (a, b) and the cursor resumes inside a customer's partners.
function partnersOf(after: [string, string] | null): SQL {
  const fromB = (column: SQL) => (after ? sql`and (a.id > ${after[0]}::uuid or ${column} > ${after[1]}::uuid)` : sql``);
  const sameKey = (key: 'postal_key' | 'line1_key', reason: DuplicateReason) => sql`
    select y.customer_id as b_id, ${reason}::text as reason
    from customer_addresses x
    join customer_addresses y on y.country_code = x.country_code and y.${sql.raw(key)} = x.${sql.raw(key)} and y.customer_id > a.id
    join customers b on b.id = y.customer_id and b.erased_at is null
    where x.customer_id = a.id and x.${sql.raw(key)} is not null ${fromB(sql`y.customer_id`)}
      and similarity(a.sort_name, b.sort_name) >= ${NAME_SIMILARITY_THRESHOLD}`;
  return sql`
    select b.id as b_id, 'email'::text as reason from customers b
    where a.email_canonical is not null and b.email_canonical = a.email_canonical and b.id > a.id and b.erased_at is null ${fromB(sql`b.id`)}
    union all
    select b.id, 'phone' from customers b
    where a.phone is not null and b.phone = a.phone and b.id > a.id and b.erased_at is null ${fromB(sql`b.id`)}
    union all ${sameKey('postal_key', 'name_postcode')}
    union all ${sameKey('line1_key', 'name_street')}`;
}

interface PairRow extends Record<string, unknown> {
  a_id: string;
  b_id: string;
  reasons: string[];
  a: { name: string; email: string | null; phone: string | null; orderCount: number; createdAt: string };
  b: PairRow['a'];
}

const candidateJson = (alias: string) =>
  sql.raw(`json_build_object('name', trim(${alias}.first_name || ' ' || ${alias}.last_name), 'email', ${alias}.email, 'phone', ${alias}.phone, 'orderCount', ${alias}.order_count, 'createdAt', ${alias}.created_at)`);

/** Likely duplicate pairs with their reasons, dismissed pairs and erased customers left out, keyset-paged. Throws ValidationFailedError (cursor). */
export async function listDuplicateCustomers(query: DuplicateListQuery = {}): Promise<Page<DuplicatePair>> {
  const q = parseInput(duplicateListQuerySchema, query);
  const after = q.cursor ? pairCursor.decode(q.cursor) : null;
  const result = await getDb().execute<PairRow>(sql`
    with pairs as (
      select a.id as a_id, p.b_id, p.reasons
      from customers a
      cross join lateral (
        select m.b_id, array_agg(distinct m.reason) as reasons
        from (${partnersOf(after)}) m
        where not exists (select 1 from customer_duplicate_dismissals d where d.customer_a_id = a.id and d.customer_b_id = m.b_id)
        group by m.b_id
      ) p
      where a.erased_at is null ${after ? sql`and a.id >= ${after[0]}::uuid` : sql``}
      order by a.id, p.b_id
      limit ${q.limit + 1}
    )
    select g.a_id, g.b_id, g.reasons, ${candidateJson('a')} as a, ${candidateJson('b')} as b
    from pairs g join customers a on a.id = g.a_id join customers b on b.id = g.b_id
    order by g.a_id, g.b_id`);
  const rows = (result as unknown as { rows: PairRow[] }).rows;
  const page = rows.slice(0, q.limit).map(toPair);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > q.limit && last ? pairCursor.encode([last.a.id, last.b.id]) : null };
}

function toPair(row: PairRow): DuplicatePair {
  const candidate = (id: string, side: PairRow['a']) => ({ id, ...side, orderCount: Number(side.orderCount), createdAt: new Date(side.createdAt).toISOString() });
  const reasons = DUPLICATE_REASONS.filter((reason) => row.reasons.includes(reason));
  return { a: candidate(row.a_id, row.a), b: candidate(row.b_id, row.b), reasons };
}

/**
 * Keeps a pair off the Duplicates list for good (either order of ids). Dismissing twice is harmless.
 * Throws ValidationFailedError (same id twice), NotFoundError (no such customer), ForbiddenError.
 */
export async function dismissDuplicate({ actor, input }: { actor: Actor; input: { customerAId: string; customerBId: string } }): Promise<void> {
  assertCan(actor, 'customers:merge');
  const { customerAId, customerBId } = parseInput(duplicateDismissSchema, input);
  if (customerAId.toLowerCase() === customerBId.toLowerCase()) throw new ValidationFailedError('A customer is not a duplicate of itself', [{ path: 'customerBId', message: 'Choose another customer' }]);
  const [low, high] = [customerAId.toLowerCase(), customerBId.toLowerCase()].sort();
  const db = getDb();
  const found = await db.execute<{ count: number }>(sql`select count(*)::int as count from customers where id in (${low}::uuid, ${high}::uuid)`);
  if (Number((found as unknown as { rows: { count: number }[] }).rows[0].count) !== 2) throw new NotFoundError('No customer with this id');
  try {
    await db
      .insert(customerDuplicateDismissals)
      .values({ customerAId: low, customerBId: high, dismissedById: actor.type === 'staff' ? actor.id : null })
      .onConflictDoNothing();
  } catch (error) {
    // Merged or deleted between the check and the insert.
    if (pgErrorOf(error)?.code === '23503') throw new NotFoundError('No customer with this id');
    throw error;
  }
}
