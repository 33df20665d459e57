import { sql } from 'drizzle-orm';

import { arrayParam } from '@/db/array-param';
import { getDb, queryRows, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';

import { customerStatsFromOrders } from './orders/customer-stats';
import { assertCan } from './permissions';

/** What a customer's stats columns say, and what the orders say they should be. */
export interface StatDrift {
  customerId: string;
  email: string;
  stored: CustomerStats;
  actual: CustomerStats;
}

export interface CustomerStats {
  totalSpend: number;
  orderCount: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
}

export interface ReconcileReport {
  customersChecked: number;
  driftCount: number;
  /** The first `reportLimit` drifts, in customer id order. */
  drifts: StatDrift[];
  fixed: number;
}

export interface ReconcileOptions {
  actor: Actor;
  fix?: boolean;
  /** Customers per transaction; each chunk reads only its own range of the orders' (customer_id, id) key. */
  chunkSize?: number;
  reportLimit?: number;
  onProgress?: (progress: { customersChecked: number; driftCount: number }) => void;
}

// What each customer's stats should be, by the one rule (orders/customer-stats.ts).
// The customer range is (after, upTo]; the orders range is the same, so each chunk reads its slice of the key.
const actualStats = (after: string, upTo: string) => customerStatsFromOrders(sql`o.customer_id > ${after}::uuid and o.customer_id <= ${upTo}::uuid`);

interface DriftRow {
  id: string;
  email: string;
  stored_spend: string | number;
  stored_count: number;
  stored_first: string | Date | null;
  stored_last: string | Date | null;
  actual_spend: string | number;
  actual_count: number;
  actual_first: string | Date | null;
  actual_last: string | Date | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

function toDrift(row: DriftRow): StatDrift {
  return {
    customerId: row.id,
    email: row.email,
    stored: { totalSpend: Number(row.stored_spend), orderCount: row.stored_count, firstOrderDate: iso(row.stored_first), lastOrderDate: iso(row.stored_last) },
    actual: { totalSpend: Number(row.actual_spend), orderCount: row.actual_count, firstOrderDate: iso(row.actual_first), lastOrderDate: iso(row.actual_last) },
  };
}

async function findDrifts(tx: Tx, after: string, upTo: string): Promise<DriftRow[]> {
  return queryRows<DriftRow>(tx, sql`
    with actual as (${actualStats(after, upTo)})
    select c.id, c.email,
           c.total_spend as stored_spend, c.order_count as stored_count, c.first_order_date as stored_first, c.last_order_date as stored_last,
           coalesce(a.total_spend, 0) as actual_spend, coalesce(a.order_count, 0) as actual_count,
           a.first_order_date as actual_first, a.last_order_date as actual_last
    from customers c
    left join actual a on a.customer_id = c.id
    where c.id > ${after}::uuid and c.id <= ${upTo}::uuid
      and (c.total_spend <> coalesce(a.total_spend, 0)
        or c.order_count <> coalesce(a.order_count, 0)
        or c.first_order_date is distinct from a.first_order_date
        or c.last_order_date is distinct from a.last_order_date)
    order by c.id`);
}

/**
 * Repairs the drifted customers of one chunk. Their rows are locked first, and the stats are recomputed by a later
 * statement: under READ COMMITTED that statement sees every order change committed before the locks were taken,
 * and a completion still in flight (it updates the customer row after its order row) waits for our commit and
 * then adds its amount on top of the repaired figure, so nothing is lost either way.
 */
async function repair(tx: Tx, actor: Actor, drifts: DriftRow[], after: string, upTo: string): Promise<void> {
  const ids = arrayParam(drifts.map((drift) => drift.id), 'uuid');
  await tx.execute(sql`select id from customers where id = any(${ids}) order by id for update`);
  await tx.execute(sql`
    with actual as (${actualStats(after, upTo)})
    update customers c
    set total_spend = coalesce(a.total_spend, 0),
        order_count = coalesce(a.order_count, 0),
        first_order_date = a.first_order_date,
        last_order_date = a.last_order_date,
        updated_at = now()
    from unnest(${ids}) as target(id)
    left join actual a on a.customer_id = target.id
    where c.id = target.id`);
  // The timeline says why the figures moved, with the figures before and after.
  await tx.execute(sql`
    insert into customer_events (customer_id, type, actor_type, actor_id, data)
    select (d->>'customerId')::uuid, 'stats.reconciled', ${actor.type}, ${actor.id}, jsonb_build_object('stored', d->'stored', 'actual', d->'actual')
    from jsonb_array_elements(${JSON.stringify(drifts.map(toDrift))}::jsonb) d`);
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Recomputes every customer's stats from their orders in set-based SQL, a chunk of customers (by id) at a time,
 * reports each drift, and with `fix` repairs them. Throws ForbiddenError for roles other than owner/admin.
 */
export async function reconcileCustomerStats(options: ReconcileOptions): Promise<ReconcileReport> {
  const { actor, fix = false, chunkSize = 20_000, reportLimit = 100, onProgress } = options;
  assertCan(actor, 'customers:reconcile');
  const report: ReconcileReport = { customersChecked: 0, driftCount: 0, drifts: [], fixed: 0 };
  let after = NIL_UUID;
  for (;;) {
    const chunk = await getDb().transaction(async (tx) => {
      const bounds = await queryRows<{ up_to: string; customers: number }>(tx, sql`
        select id::text as up_to, (count(*) over ())::int as customers
        from (select id from customers where id > ${after}::uuid order by id limit ${chunkSize}) chunk
        order by id desc
        limit 1`);
      if (bounds.length === 0) return null;
      const { up_to: upTo, customers } = bounds[0];
      const drifts = await findDrifts(tx, after, upTo);
      if (fix && drifts.length > 0) await repair(tx, actor, drifts, after, upTo);
      return { upTo, customers, drifts };
    });
    if (!chunk) break;
    after = chunk.upTo;
    report.customersChecked += chunk.customers;
    report.driftCount += chunk.drifts.length;
    if (fix) report.fixed += chunk.drifts.length;
    for (const row of chunk.drifts) if (report.drifts.length < reportLimit) report.drifts.push(toDrift(row));
    onProgress?.({ customersChecked: report.customersChecked, driftCount: report.driftCount });
  }
  return report;
}
