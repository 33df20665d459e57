import { eq, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import { customerMerges, customers, type CustomerRow } from '@/db/schema';
import type { CustomerMergeResult } from '@/lib/customer-merge-types';
import { customerMergeSchema, MERGE_FIELDS, type CustomerMergeInput } from '@/lib/validation/customer-merge';
import type { Actor } from '@/lib/types';

import { ConflictError, ValidationFailedError } from '../errors';
import { customerStatsFromOrders } from '../orders/customer-stats';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { emitCustomerWebhookEvent } from '../webhooks';

import { recordCustomerEvent } from './events';
import { mergedValues, resolveMergeSides, unionTags } from './merge-fields';
import { customerNotFound } from './merged-into';
import { moveAddresses, moveHistory, moveOrders } from './merge-moves';

const fullName = (row: CustomerRow) => `${row.firstName} ${row.lastName}`.trim();

/**
 * Merges the source customer into the target, in one transaction: orders (with items and refunds), addresses (the
 * target's defaults win), timeline, suggestions, redemptions, campaign deliveries and the storefront login move; tags
 * are unioned; each chosen field (`fields`, default the target's, else the source's where the target's is empty) is
 * set; the stats are recomputed from the orders by customerStatsFromOrders; the source is deleted, recorded in
 * customer_merges so its id answers "merged into", and a `customer.merged` event lands on the target. The target's
 * metrics row is left for the next recompute (the moved orders count as a change of orders).
 * Throws ValidationFailedError (same customer twice, no way to reach the result), NotFoundError (naming the target of an
 * already merged one), ConflictError (erased, both have a storefront login), ForbiddenError.
 */
export async function mergeCustomers({ actor, input }: { actor: Actor; input: CustomerMergeInput }): Promise<CustomerMergeResult> {
  assertCan(actor, 'customers:merge');
  const data = parseInput(customerMergeSchema, input);
  const targetId = data.targetId.toLowerCase();
  const sourceId = data.sourceId.toLowerCase();
  if (targetId === sourceId) {
    throw new ValidationFailedError('A customer cannot be merged into itself', [{ path: 'sourceId', message: 'Choose another customer than the target' }]);
  }
  return getDb().transaction(async (tx) => {
    const { target, source } = await lockPair(tx, targetId, sourceId);
    if (target.userId && source.userId) {
      throw new ConflictError(
        'Both customers have a storefront login, and one customer can have only one. Ask the customer which account to keep and delete the other login first.',
      );
    }
    const sides = resolveMergeSides(target, source, data.fields);
    const values = mergedValues(target, source, sides);
    if (!values.email && !values.phone && !target.externalId && !source.externalId) {
      throw new ValidationFailedError('The merged customer needs an email or a phone number', [{ path: 'fields.email', message: 'Keep an email or a phone number' }]);
    }

    const ordersMoved = await moveOrders(tx, sourceId, targetId);
    const addressesMoved = await moveAddresses(tx, sourceId, targetId);
    await moveHistory(tx, sourceId, targetId);
    // Deleted before the target takes its email or login, which are unique. Its metrics row and dismissals go with it.
    await tx.delete(customers).where(eq(customers.id, sourceId));
    await tx.insert(customerMerges).values({ sourceId, targetId, mergedByType: actor.type, mergedById: actor.id });

    await tx
      .update(customers)
      .set({
        ...values,
        tags: unionTags(target.tags, source.tags),
        userId: target.userId ?? source.userId,
        externalId: target.externalId ?? source.externalId,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, targetId));
    await recomputeStats(tx, targetId);
    await recordCustomerEvent(tx, actor, targetId, 'customer.merged', {
      sourceId,
      sourceName: fullName(source),
      sourceEmail: source.email,
      ordersMoved,
      addressesMoved,
      fromSource: MERGE_FIELDS.filter((field) => sides[field] === 'source'),
    });
    // The receiver learns which id went away (it answers "merged into" from now on) and the merged customer.
    await emitCustomerWebhookEvent(tx, 'customer.merged', targetId, { mergedCustomerId: sourceId, ordersMoved, addressesMoved });
    return { targetId, sourceId, ordersMoved, addressesMoved };
  });
}

/**
 * Locks both customer rows in id order (so two merges of overlapping pairs queue instead of deadlocking; order
 * changes take the customer's row before the order's, services/orders/lock.ts), then checks they can be merged.
 */
async function lockPair(tx: Tx, targetId: string, sourceId: string): Promise<{ target: CustomerRow; source: CustomerRow }> {
  const rows = await tx
    .select()
    .from(customers)
    .where(sql`${customers.id} in (${targetId}, ${sourceId})`)
    .orderBy(customers.id)
    .for('update');
  const target = rows.find((row) => row.id === targetId);
  const source = rows.find((row) => row.id === sourceId);
  if (!target) throw await customerNotFound(tx, targetId);
  if (!source) throw await customerNotFound(tx, sourceId);
  for (const row of [target, source]) {
    if (row.erasedAt) throw new ConflictError(`Customer ${row.id} was erased, so it cannot be merged`);
  }
  return { target, source };
}

/** The target's stats from its orders, now including the source's, by the one stats rule. */
async function recomputeStats(tx: Tx, customerId: string): Promise<void> {
  await tx.execute(sql`
    update customers c
    set total_spend = coalesce(s.total_spend, 0), order_count = coalesce(s.order_count, 0),
        first_order_date = s.first_order_date, last_order_date = s.last_order_date
    from (select ${customerId}::uuid as id) one
    left join (${customerStatsFromOrders(sql`o.customer_id = ${customerId}`)}) s on s.customer_id = one.id
    where c.id = one.id`);
}
