import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { seedDemoOrders } from '@/seed/demo-backfill';
import { demoOrdersRng } from '@/seed/demo-generator';
import { insertDemoOrderRows } from '@/seed/demo-insert-orders';
import { DAY_MS, orderMoment } from '@/seed/demo-order-calendar';
import { addDemoOrder, type DemoOrders } from '@/seed/demo-orders';
import { SHOP_CURRENCY } from '@/lib/config';

import { rowsOf } from './database';

export const HISTORY_ORDERS = 1_000;
// Not a demo email (no running number), so demo seeding never counts it or collides with it.
const HISTORY_EMAIL = 'bench-history@example.com';

/**
 * Gives orders to customers seeded before orders existed: when the database holds fewer than half the orders that
 * `ordersPerCustomer` implies, the customers without any get demo histories. Returns how many orders were added.
 */
export async function ensureOrders(handle: DatabaseHandle, ordersPerCustomer: number, seed: number, log: (line: string) => void): Promise<{ added: number; seconds: number }> {
  const [{ customers, orders }] = await rowsOf<{ customers: number; orders: number }>(
    handle,
    sql`select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders`,
  );
  if (orders >= (customers * ordersPerCustomer) / 2) return { added: 0, seconds: 0 };
  log(`Only ${orders.toLocaleString('en')} orders for ${customers.toLocaleString('en')} customers: giving ${ordersPerCustomer} a customer to those without any…`);
  const started = performance.now();
  let lastLog = 0;
  const result = await seedDemoOrders({
    ordersPerCustomer,
    seed,
    onProgress: (progress) => {
      if (performance.now() - lastLog < 2000) return;
      lastLog = performance.now();
      log(`  ${progress.customers.toLocaleString('en')} customers, ${progress.orders.toLocaleString('en')} orders`);
    },
  });
  return { added: result.orders, seconds: (performance.now() - started) / 1000 };
}

/** The id of a customer with HISTORY_ORDERS orders over two years, created (set-based, in one transaction) if missing. */
export async function ensureHistoryCustomer(handle: DatabaseHandle, seed: number): Promise<{ id: string; created: boolean }> {
  const [existing] = await rowsOf<{ id: string; orders: number }>(
    handle,
    sql`select c.id, (select count(*)::int from orders o where o.customer_id = c.id) as orders from customers c where c.email = ${HISTORY_EMAIL}`,
  );
  if (existing && existing.orders >= HISTORY_ORDERS) return { id: existing.id, created: false };
  const now = new Date();
  const createdMs = now.getTime() - 730 * DAY_MS;
  const id = await handle.db.transaction(async (tx) => {
    const customerId = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      await tx.execute(sql`
        insert into customers (id, first_name, last_name, email, notes, created_at, updated_at)
        values (${customerId}, 'Hattie', 'Historian', ${HISTORY_EMAIL}, 'Bench customer with a long purchase history.', ${new Date(createdMs).toISOString()}, now())`);
    }
    const rng = demoOrdersRng(seed);
    const buyer = { id: customerId, kind: 'vip' as const, createdMs, countryCode: 'GB' };
    const context = { now, currency: SHOP_CURRENCY, ordersPerCustomer: 0, staffIds: [] };
    const batch: DemoOrders = { orders: [], items: [], refunds: [] };
    const moments = Array.from({ length: HISTORY_ORDERS - (existing?.orders ?? 0) }, () => orderMoment(rng, createdMs, now.getTime())).sort((a, b) => a - b);
    for (const placedMs of moments) addDemoOrder(batch, rng, buyer, context, placedMs);
    await insertDemoOrderRows(tx, batch);
    return customerId;
  });
  return { id, created: true };
}
