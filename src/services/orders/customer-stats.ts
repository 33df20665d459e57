import { sql, type SQL } from 'drizzle-orm';

import { queryRows, type Tx } from '@/db/client';
import { customers, orders } from '@/db/schema';
import type { OrderStatus } from '@/lib/order-status';

import { ConflictError } from '../errors';

// The one rule for a customer's stats columns, and every writer of them: the set-based computation from the orders
// (import, demo seed, reconcile) and the incremental updates made when an order changes status (orders.ts).


/**
 * Orders that count as purchases: every completed order, including those refunded later in part or in full (a refund
 * gives money back; it does not undo the purchase: Shopify, RFM and BG/NBD count it so). orderCount counts
 * them, firstOrderDate/lastOrderDate span them, and totalSpend is their totals less refunds, so a full refund adds 0
 * spend but still one order. Pending orders and cancelled ones (never completed, or taken back whole) count for nothing.
 */
export const COUNTED_ORDER_STATUSES = ['completed', 'partially_refunded', 'refunded'] as const satisfies readonly OrderStatus[];

// The list above as SQL `('a', 'b')`, for `status in ${...}`. Literals rather than parameters: the values are members
// of the enum, never input, and the statements keep the text (and so the plans) they had with the list typed out.
const sqlList = (statuses: readonly OrderStatus[]): SQL => sql.raw(`(${statuses.map((status) => `'${status}'`).join(', ')})`);

export const COUNTED_STATUSES = sqlList(COUNTED_ORDER_STATUSES);

/**
 * The rule, set-based: a query giving one row per customer who has orders matching `ordersWhere` (a condition on
 * `orders o`), with customer_id, total_spend (bigint, minor units), order_count (int), first_order_date and
 * last_order_date. A customer without such orders has no row: the caller's outer join reads that as 0, 0, null, null.
 */
export function customerStatsFromOrders(ordersWhere: SQL): SQL {
  return sql`
    select o.customer_id,
           coalesce(sum(o.total - o.refunded_total) filter (where o.status in ${COUNTED_STATUSES}), 0)::bigint as total_spend,
           count(*) filter (where o.status in ${COUNTED_STATUSES})::int as order_count,
           min(o.placed_at) filter (where o.status in ${COUNTED_STATUSES}) as first_order_date,
           max(o.placed_at) filter (where o.status in ${COUNTED_STATUSES}) as last_order_date
    from orders o
    where ${ordersWhere}
    group by o.customer_id`;
}

// The incremental path, for one order changing status (complete, refund, cancel). Why not customerStatsFromOrders: each
// change moves the stats by that order's amount in one atomic UPDATE of the customer row, made by the statement that
// changes the order (the UPDATEs below are WITH items of that statement), so the two can never disagree. Concurrent
// changes for one customer queue on that row (orders/lock.ts locks it first) and each adds its own delta to the value
// committed before it (no read-modify-write, so none is lost), and a completion never rescans the customer's history.
// Only a cancelled order stops counting, and only then are the dates read back from the orders. It must land where
// customerStatsFromOrders would: customer-stats.test.ts runs both on the same orders.

// Each UPDATE below takes `source`: a relation (a WITH item's name, or a parenthesised query) with one row per
// customer: customer_id, amount (minor units) and, for a completion, placed_at.

/** The largest total spend a customer can have: Number.MAX_SAFE_INTEGER minor units, the most a JS number holds exactly. */
export const MAX_TOTAL_SPEND = Number.MAX_SAFE_INTEGER;

export const TOTAL_SPEND_LIMIT_MESSAGE = "The customer's total spend would exceed 9,007,199,254,740,991 minor units, more than can be recorded exactly";

/**
 * Whether adding `amount` keeps a total spend of `spend` recordable (a list sorted by it could not even write its
 * cursor past it). A completion checks it against the locked customer row before it changes the order, so a refused
 * one changes nothing; the caller throws ConflictError with TOTAL_SPEND_LIMIT_MESSAGE.
 */
export function fitsTotalSpend(spend: SQL, amount: SQL): SQL {
  return sql`${spend} + ${amount} <= ${MAX_TOTAL_SPEND}::bigint`;
}

/** Adds completed orders to their customers' stats: the total, one more order, and the dates widened to include it. */
export function addCompletedOrderSql(source: SQL): SQL {
  return sql`update ${customers} c set
      total_spend = c.total_spend + s.amount,
      order_count = c.order_count + 1,
      -- LEAST/GREATEST skip NULLs, so the first order sets both dates.
      first_order_date = least(c.first_order_date, s.placed_at),
      last_order_date = greatest(c.last_order_date, s.placed_at),
      updated_at = now()
    from ${source} s where c.id = s.customer_id
    returning c.id`;
}

/** Takes refunds off their customers' spend, and nothing else: the order, refunded in part or in full, still counts. */
export function takeBackRefundSql(source: SQL): SQL {
  return sql`update ${customers} c set total_spend = c.total_spend - s.amount, updated_at = now()
    from ${source} s where c.id = s.customer_id
    returning c.id`;
}

/**
 * Takes cancelled orders (`source` also has order_id) out of their customers' stats: `amount` (what was not refunded)
 * off the spend, one off the count, and the dates recomputed from the orders that still count. The statement's
 * snapshot still shows the cancelled order as counting (it is changed by the same statement), so it is left out by id.
 * The dates are read from the orders, not adjusted in place, so the statement must start after every other change of
 * this customer's counted orders has committed: each holds the customer row until it commits, so the caller takes that
 * lock in an earlier statement of its transaction, and this one's snapshot is taken after the wait.
 */
export function removeCancelledOrderSql(source: SQL): SQL {
  const counted = (pick: SQL) =>
    sql`(select ${pick} from ${orders} o where o.customer_id = s.customer_id and o.status in ${COUNTED_STATUSES} and o.id <> s.order_id)`;
  return sql`update ${customers} c set
      total_spend = c.total_spend - s.amount,
      order_count = c.order_count - 1,
      first_order_date = ${counted(sql`min(o.placed_at)`)},
      last_order_date = ${counted(sql`max(o.placed_at)`)},
      updated_at = now()
    from ${source} s where c.id = s.customer_id
    returning c.id`;
}

/**
 * Adds one completed order to its customer's stats, in the caller's transaction (tests that hold a completion open).
 * Throws ConflictError when the total spend would pass MAX_TOTAL_SPEND; the caller's transaction then rolls back.
 */
export async function addCompletedOrder(tx: Tx, customerId: string, amount: number, placedAt: Date): Promise<void> {
  const [fits] = await queryRows<{ fits: boolean }>(tx, sql`select ${fitsTotalSpend(sql`total_spend`, sql`${amount}::bigint`)} as fits from ${customers} where id = ${customerId} for no key update`);
  if (!fits?.fits) throw new ConflictError(TOTAL_SPEND_LIMIT_MESSAGE);
  await tx.execute(sql`${addCompletedOrderSql(sql`(select ${customerId}::uuid as customer_id, ${amount}::bigint as amount, ${placedAt.toISOString()}::timestamptz as placed_at)`)}`);
}
