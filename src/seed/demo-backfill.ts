import { sql } from 'drizzle-orm';

import { getDb, queryRows, type Db } from '@/db/client';
import { SHOP_CURRENCY } from '@/lib/config';

import { demoOrdersRng } from './demo-generator';
import { insertDemoOrderRows } from './demo-insert-orders';
import type { DemoBuyerKind } from './demo-order-pricing';
import { addDemoOrders, DEFAULT_ORDERS_PER_CUSTOMER, type DemoOrders } from './demo-orders';

export interface SeedDemoOrdersOptions {
  /** Average orders per customer (default 7.5). */
  ordersPerCustomer?: number;
  seed?: number;
  /** Orders are placed between each customer's creation and this moment (default: now). */
  now?: Date;
  /** Customers per transaction. */
  batchSize?: number;
  onProgress?: (progress: { customers: number; orders: number }) => void;
}

interface BuyerRow {
  id: string;
  created_at: string | Date;
  group_name: string | null;
  country_code: string | null;
}

const KINDS: Record<string, DemoBuyerKind> = { wholesaler: 'wholesaler', vip: 'vip', retail: 'retail' };

/**
 * Gives demo order histories to the customers that have no orders yet, for a database seeded before orders existed
 * (new demo customers get theirs from seedDemoData). Customers go in id order, `batchSize` per transaction, each batch
 * with its orders, events and stats. The same customers and seed give the same orders. Some customers are meant to
 * have none, so a second run gives those some: run it once.
 */
export async function seedDemoOrders(options: SeedDemoOrdersOptions = {}): Promise<{ customers: number; orders: number }> {
  const ordersPerCustomer = options.ordersPerCustomer ?? DEFAULT_ORDERS_PER_CUSTOMER;
  if (!Number.isFinite(ordersPerCustomer) || ordersPerCustomer < 0) {
    throw new RangeError(`seedDemoOrders: ordersPerCustomer must be a number ≥ 0, got ${ordersPerCustomer}`);
  }
  const db = getDb();
  const rng = demoOrdersRng(options.seed ?? 1);
  const staffIds = (await queryRows<{ id: string }>(db, sql`select id from staff_members order by created_at, id limit 1000`)).map((row) => row.id);
  const context = { now: options.now ?? new Date(), currency: SHOP_CURRENCY, ordersPerCustomer, staffIds };
  const done = { customers: 0, orders: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  let previous: Promise<void> | undefined;
  for (;;) {
    const buyers = await buyersWithoutOrders(db, after, options.batchSize ?? 2_000);
    if (buyers.length === 0) break;
    after = buyers[buyers.length - 1].id;
    const batch: DemoOrders = { orders: [], items: [], refunds: [] };
    for (const row of buyers) {
      const buyer = { id: row.id, kind: KINDS[row.group_name ?? ''] ?? 'none', createdMs: new Date(row.created_at).getTime(), countryCode: row.country_code ?? 'GB' };
      addDemoOrders(batch, rng, buyer, context);
    }
    // One batch in the database while the next is read and generated.
    await previous;
    previous = db.transaction((tx) => insertDemoOrderRows(tx, batch)).then(() => {
      done.customers += buyers.length;
      done.orders += batch.orders.length;
      options.onProgress?.({ ...done });
    });
    // Awaited before the next insert and at the end; this only keeps a failure from counting as unhandled meanwhile.
    previous.catch(() => undefined);
  }
  await previous;
  return done;
}

// The next customers by id that have no orders, with what their history depends on: group, sign-up, country.
async function buyersWithoutOrders(db: Db, after: string, limit: number): Promise<BuyerRow[]> {
  return queryRows<BuyerRow>(db, sql`
    select c.id, c.created_at, lower(g.name) as group_name, a.country_code
    from customers c
    left join customer_groups g on g.id = c.customer_group_id
    left join customer_addresses a on a.customer_id = c.id and a.is_default_shipping
    where c.id > ${after}::uuid and c.erased_at is null and not exists (select 1 from orders o where o.customer_id = c.id)
    order by c.id
    limit ${limit}`);
}
