import { sql } from 'drizzle-orm';

import type { Tx } from '@/db/client';

// Moving everything a customer owns to another, inside the merge's transaction, with both customer rows locked.

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Moves the source's orders with their items, refunds and refunded items to the target; returns how many orders.
 * One statement: the children's foreign keys to (customer_id, order_id) are checked at its end, when parents and
 * children have all moved. updated_at moves too, so the metrics' "orders changed" check sees the change.
 */
export async function moveOrders(tx: Tx, sourceId: string, targetId: string): Promise<number> {
  const result = await tx.execute(sql`
    with moved as (update orders set customer_id = ${targetId}, updated_at = now() where customer_id = ${sourceId} returning id),
    items as (update order_items set customer_id = ${targetId} where customer_id = ${sourceId}),
    refunds as (update order_refunds set customer_id = ${targetId} where customer_id = ${sourceId}),
    refund_items as (update order_refund_items set customer_id = ${targetId} where customer_id = ${sourceId})
    select count(*)::int as moved from moved`);
  return Number(rowsOf<{ moved: number }>(result)[0].moved);
}

/** Moves the addresses; one of the source's stays a default only where the target has no default of that kind. */
export async function moveAddresses(tx: Tx, sourceId: string, targetId: string): Promise<number> {
  const result = await tx.execute(sql`
    with target_defaults as (
      select bool_or(is_default_shipping) as shipping, bool_or(is_default_billing) as billing
      from customer_addresses where customer_id = ${targetId}
    )
    update customer_addresses a
    set customer_id = ${targetId},
        is_default_shipping = a.is_default_shipping and not coalesce(d.shipping, false),
        is_default_billing = a.is_default_billing and not coalesce(d.billing, false),
        updated_at = now()
    from target_defaults d
    where a.customer_id = ${sourceId}
    returning a.id`);
  return rowsOf(result).length;
}

/**
 * Moves the timeline, suggestions, discount redemptions and campaign deliveries. Where the target already has the one
 * row a table allows (an open suggestion; a delivery of the same campaign), the source's is left to go with it.
 */
export async function moveHistory(tx: Tx, sourceId: string, targetId: string): Promise<void> {
  await tx.execute(sql`update customer_events set customer_id = ${targetId} where customer_id = ${sourceId}`);
  await tx.execute(sql`
    update classification_suggestions s set customer_id = ${targetId}
    where s.customer_id = ${sourceId}
      and (s.status <> 'pending' or not exists (select 1 from classification_suggestions t where t.customer_id = ${targetId} and t.status = 'pending'))`);
  await tx.execute(sql`update discount_redemptions set customer_id = ${targetId} where customer_id = ${sourceId}`);
  await tx.execute(sql`
    update campaign_deliveries s set customer_id = ${targetId}
    where s.customer_id = ${sourceId}
      and not exists (select 1 from campaign_deliveries t where t.campaign_id = s.campaign_id and t.customer_id = ${targetId})`);
  // Old links to customers merged into the source now lead to the target.
  await tx.execute(sql`update customer_merges set target_id = ${targetId} where target_id = ${sourceId}`);
}
