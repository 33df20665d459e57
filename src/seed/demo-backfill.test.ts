import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import type { Actor } from '@/lib/types';
import { completeOrder, createOrder } from '@/services/orders';
import { reconcileCustomerStats } from '@/services/reconcile';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { seedDemoData } from './demo';
import { seedDemoOrders } from './demo-backfill';

withTestDatabase();

const N = 400;
const NOW = new Date('2025-06-01T12:00:00.000Z');
const SYSTEM: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;
}

describe(`seedDemoOrders (${TEST_DB_KIND})`, () => {
  it('gives order histories to customers that have none, leaves the others alone, and keeps every stat exact', async () => {
    await seedDemoData({ customers: N, seed: 3, now: NOW, ordersPerCustomer: 0 });
    const [buyer] = await rows<{ id: string }>(sql`select id from customers order by id desc limit 1`);
    const own = await createOrder({ actor: SYSTEM, input: { customerId: buyer.id, items: [{ sku: 'MUG-201', name: 'Mug', quantity: 2, unitPrice: 1200 }] } });
    await completeOrder({ actor: SYSTEM, id: own.id });

    const progress: number[] = [];
    const result = await seedDemoOrders({ ordersPerCustomer: 5, seed: 3, now: NOW, batchSize: 150, onProgress: (p) => progress.push(p.customers) });

    expect(result.customers).toBe(N - 1);
    expect(progress.at(-1)).toBe(N - 1);
    // Customers go in id order, and ids are random, so the total varies from run to run more than seedDemoData's.
    expect(result.orders).toBeGreaterThan((N - 1) * 3);
    expect(result.orders).toBeLessThan((N - 1) * 7);
    const [counts] = await rows<{ orders: number; buyer_orders: number; wholesale_lines: number; retail_lines: number }>(sql`
      select (select count(*)::int from orders) as orders,
             (select count(*)::int from orders where customer_id = ${buyer.id}) as buyer_orders,
             (select avg(lines)::float from (select count(*) as lines from order_items i join customers c on c.id = i.customer_id
                join customer_groups g on g.id = c.customer_group_id where g.name = 'Wholesaler' group by i.order_id) t) as wholesale_lines,
             (select avg(lines)::float from (select count(*) as lines from order_items i join customers c on c.id = i.customer_id
                join customer_groups g on g.id = c.customer_group_id where g.name = 'Retail' group by i.order_id) t) as retail_lines`);
    expect(counts.orders).toBe(result.orders + 1);
    expect(counts.buyer_orders).toBe(1);
    // The customers' groups shape their histories here too.
    expect(counts.wholesale_lines).toBeGreaterThan(3 * counts.retail_lines);
    expect(await reconcileCustomerStats({ actor: SYSTEM })).toMatchObject({ customersChecked: N, driftCount: 0 });
  });
});
