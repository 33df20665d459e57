import { sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerDuplicateDismissals } from '@/db/schema';
import { DUPLICATE_REASONS, type DuplicatePair } from '@/lib/customer-merge-types';
import { duplicateDismissSchema, duplicateListQuerySchema, type DuplicateListQuery } from '@/lib/validation/customer-merge';
import type { Actor, Page } from '@/lib/types';

import { pgErrorOf } from '../db-errors';
import { NotFoundError, ValidationFailedError } from '../errors';
import { keysetCursor } from '../keyset-cursor';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';

const pairCursor = keysetCursor('customer-duplicates', [{ kind: 'uuid' }, { kind: 'uuid' }]);

interface PairRow extends Record<string, unknown> {
  a_id: string;
  b_id: string;
  reasons: string[];
  a: { name: string; email: string | null; phone: string | null; orderCount: number; createdAt: string };
  b: PairRow['a'];
}

const candidateJson = (alias: string) =>
  sql.raw(`json_build_object('name', trim(${alias}.first_name || ' ' || ${alias}.last_name), 'email', ${alias}.email, 'phone', ${alias}.phone, 'orderCount', ${alias}.order_count, 'createdAt', ${alias}.created_at)`);

/**
 * Likely duplicate pairs with their reasons, dismissed pairs and erased customers left out, keyset-paged in pair
 * order (a, b) with a < b. Throws ValidationFailedError (cursor).
 */
export async function listDuplicateCustomers(query: DuplicateListQuery = {}): Promise<Page<DuplicatePair>> {
  const q = parseInput(duplicateListQuerySchema, query);
  const after = q.cursor ? pairCursor.decode(q.cursor) : null;
  // The database keeps every pair in customer_duplicate_pairs (schema/duplicate-pairs.ts; the rules, with the name
  // similarity threshold of 0.6, are in migration 0022_duplicate_pairs), so a page is a walk of that table's key from
  // the cursor: it reads the page's pairs (and any dismissed ones in between), whatever the number of customers.
  // Erased customers have no pairs there; the joins check it again at no cost.
  const result = await getDb().execute<PairRow>(sql`
    with page as (
      select p.customer_a_id as a_id, p.customer_b_id as b_id, array_agg(p.reason) as reasons
      from customer_duplicate_pairs p
      where ${after ? sql`(p.customer_a_id, p.customer_b_id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
        and not exists (select 1 from customer_duplicate_dismissals d where d.customer_a_id = p.customer_a_id and d.customer_b_id = p.customer_b_id)
        and exists (select 1 from customers a where a.id = p.customer_a_id and a.erased_at is null)
        and exists (select 1 from customers b where b.id = p.customer_b_id and b.erased_at is null)
      group by p.customer_a_id, p.customer_b_id
      order by p.customer_a_id, p.customer_b_id
      limit ${q.limit + 1}
    )
    select g.a_id, g.b_id, g.reasons, ${candidateJson('a')} as a, ${candidateJson('b')} as b
    from page g join customers a on a.id = g.a_id join customers b on b.id = g.b_id
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
