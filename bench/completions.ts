import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { DEMO_PRODUCTS } from '@/seed/demo-products';
import type { Actor } from '@/lib/types';
import { completeOrder, createOrder } from '@/services/orders';

import { rowsOf } from './database';

export interface ThroughputResult {
  workers: number;
  orders: number;
  seconds: number;
  /** Orders that completeOrder reported as not applied (should be 0: each order is completed once). */
  notApplied: number;
}

const BENCH_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'bench' };
const CREATE_WORKERS = 8;

/** Runs `task(i)` for i in [0, count) on `workers` concurrent loops; returns the wall-clock seconds. */
async function runConcurrently(count: number, workers: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(workers, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Completion throughput: for each worker count, places `count` pending orders for as many different random customers
 * (with createOrder, not timed), then completes them all with completeOrder from `workers` concurrent loops.
 */
export async function measureCompletions(handle: DatabaseHandle, count: number, workerCounts: number[]): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  for (const workers of workerCounts) {
    const customers = await rowsOf<{ id: string }>(handle, sql`select id from customers where erased_at is null order by random() limit ${count}`);
    const ids: string[] = [];
    await runConcurrently(customers.length, handle.kind === 'postgres' ? CREATE_WORKERS : 1, async (i) => {
      const product = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length];
      const order = await createOrder({
        actor: BENCH_ACTOR,
        input: { customerId: customers[i].id, items: [{ sku: product.sku, name: product.name, quantity: 1 + (i % 3), unitPrice: product.price }], shippingTotal: 395 },
      });
      ids.push(order.id);
    });
    let notApplied = 0;
    const seconds = await runConcurrently(ids.length, workers, async (i) => {
      const { applied } = await completeOrder({ actor: BENCH_ACTOR, id: ids[i] });
      if (!applied) notApplied++;
    });
    results.push({ workers, orders: ids.length, seconds, notApplied });
  }
  return results;
}
