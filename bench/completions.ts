import type { DatabaseHandle } from '@/db/client';
import { completeOrder } from '@/services/orders';

import type { ThroughputRow } from './report';
import { BENCH_ACTOR } from './write-cases';
import { completeOrderFloor, placePendingOrders } from './write-floors';

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
 * Completion throughput: for each worker count, completes `count` pending orders of as many random customers with
 * completeOrder from `workers` concurrent loops, then (unless `isWithoutFloor`) `count` others with the floor: the same
 * work (lock the order, complete it, add it to the customer's stats, write the timeline event) as one statement. Both
 * sides' orders are placed alike beforehand, in one statement (not timed): a line each, no addresses.
 */
export async function measureCompletions(handle: DatabaseHandle, count: number, workerCounts: number[], isWithoutFloor = false): Promise<ThroughputRow[]> {
  const results: ThroughputRow[] = [];
  for (const workers of workerCounts) {
    const ids = await placePendingOrders(handle, count);
    let notApplied = 0;
    const seconds = await runConcurrently(ids.length, workers, async (i) => {
      const { applied } = await completeOrder({ actor: BENCH_ACTOR, id: ids[i] });
      if (!applied) notApplied++;
    });
    let floorSeconds: number | null = null;
    let floorNotApplied = 0;
    if (!isWithoutFloor) {
      const floorIds = await placePendingOrders(handle, ids.length);
      floorSeconds = await runConcurrently(floorIds.length, workers, async (i) => {
        if (!(await completeOrderFloor(handle, floorIds[i]))) floorNotApplied++;
      });
    }
    results.push({ workers, orders: ids.length, seconds, floorSeconds, notApplied, floorNotApplied });
  }
  return results;
}
