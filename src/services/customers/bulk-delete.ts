import { sql } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { bulkDeleteSchema, type BulkDeleteInput } from '@/lib/validation/customer-bulk';

import { pgErrorOf } from '../db-errors';
import { ConflictError } from '../errors';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { bulkTargetWhere } from './bulk-target';
import { isDeletableCustomer } from './delete-rule';

const ORDER_ARRIVED = 'An order arrived for one of these customers while deleting, so nothing was deleted. Try again.';

/**
 * Deletes the customers of the target (ids, or everyone matching a list filter) that have no orders, by the rule of
 * the single delete (customers/delete-rule.ts), and keeps the others: answers how many went and how many were kept
 * for their orders. One transaction: first the deletable rows are locked, which holds off a new order for them (its
 * foreign key needs a share lock on the customer); then, in a statement that sees every order committed before the
 * lock, they are deleted with their addresses and timeline. Throws ForbiddenError, ValidationFailedError, ConflictError.
 */
export async function deleteCustomersWithoutOrders({ actor, ...input }: { actor: Actor } & BulkDeleteInput): Promise<{ deleted: number; keptWithOrders: number }> {
  assertCan(actor, 'customers:delete');
  const { target } = parseInput(bulkDeleteSchema, input);
  const where = bulkTargetWhere(target);
  try {
    return await getDb().transaction(async (tx) => {
      // Counted rather than returned: the locked rows may be 200,000.
      await tx.execute(sql`select count(*) from (select 1 from ${customers} where ${where} and ${isDeletableCustomer} for update of ${customers}) as locked`);
      const [row] = await queryRows<{ deleted: number; kept: number }>(
        tx,
        sql`
        with gone as (delete from ${customers} where ${where} and ${isDeletableCustomer} returning 1)
        select (select count(*)::int from gone) as deleted,
               (select count(*)::int from ${customers} where ${where} and not ${isDeletableCustomer}) as kept`,
      );
      return { deleted: Number(row.deleted), keptWithOrders: Number(row.kept) };
    });
  } catch (error) {
    // orders.customer_id restricts deletion: a customer created meanwhile and given an order at once lands here.
    if (pgErrorOf(error)?.code === '23503') throw new ConflictError(ORDER_ARRIVED);
    throw error;
  }
}
