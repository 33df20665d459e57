import { sql } from 'drizzle-orm';

import type { Tx } from '@/db/client';

import { customerStatsFromOrders } from '../orders/customer-stats';

/**
 * Sets the given customers' stats from all their orders, in one statement, by the rule of orders/customer-stats.ts
 * (customerStatsFromOrders, which reconcile checks against). Recomputing rather than adding keeps a re-run or an
 * interrupted import exact. A customer without orders is left as it is.
 */
export async function recomputeCustomerStats(tx: Tx, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb)::uuid)`;
  // A completion in flight holds its customer's row until it commits. Waiting for those rows in a statement of its
  // own lets the UPDATE below read the orders after that commit; waiting inside the UPDATE would keep its older
  // snapshot and overwrite the completion. Locked in id order, like reconcile, so the two cannot deadlock.
  await tx.execute(sql`select id from customers where id in ${ids} order by id for update`);
  await tx.execute(sql`
    update customers c
    set total_spend = a.total_spend,
        order_count = a.order_count,
        first_order_date = a.first_order_date,
        last_order_date = a.last_order_date,
        updated_at = now()
    from (${customerStatsFromOrders(sql`o.customer_id in ${ids}`)}) a
    where c.id = a.customer_id`);
}
