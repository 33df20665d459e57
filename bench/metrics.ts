// npx tsx bench/metrics.ts [--customers 100000] [--orders-per-customer 5] [--runs 2] [--new-day] [--read-all-orders] [--pglite-dir DIR]
// Time to recompute every customer's engagement metrics (computeAllCustomerMetrics) on the configured database
// (DATABASE_URL, else PGlite), seeding demo customers first when there are fewer than --customers. With --new-day each
// run is as of the day after the run before, ending today, as the daily run goes: the first is as of an earlier day
// than the stored run, so it reads every order; the next ones carry the rows whose orders did not move
// (carried-base.ts). With --read-all-orders every run reads every order. Without --new-day, runs after the first find
// most rows as they were.
import { parseArgs } from 'node:util';

import { sql } from 'drizzle-orm';

import type { Actor } from '@/lib/types';
import { computeAllCustomerMetrics } from '@/services/metrics';

import { formatRun } from '../scripts/cli/metrics';
import { ensureCustomers, openBenchDatabase, rowsOf, settleStatistics } from './database';

const OWNER: Actor = { type: 'system', id: null, role: 'owner', name: 'bench' };
const log = (line = '') => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      'orders-per-customer': { type: 'string', default: '5' },
      runs: { type: 'string', default: '2' },
      'new-day': { type: 'boolean', default: false },
      'read-all-orders': { type: 'boolean', default: false },
      'pglite-dir': { type: 'string' },
    },
  });
  const database = await openBenchDatabase(values['pglite-dir']);
  try {
    log(`Database: ${database.description}`);
    const seeding = await ensureCustomers(database.handle, Number(values.customers), Number(values['orders-per-customer']), 1, log);
    if (seeding.added) log(`Seeded ${seeding.added.customers.toLocaleString('en')} customers in ${seeding.seconds.toFixed(1)} s.`);
    await settleStatistics(database.handle, Boolean(seeding.added));
    const [{ customers, orders }] = await rowsOf<{ customers: number; orders: number }>(
      database.handle,
      sql`select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders`,
    );
    log(`${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`);
    // The first run inserts a row per customer (when none exist yet); later runs update them in place.
    const runs = Number(values.runs);
    for (let run = 1; run <= runs; run += 1) {
      const started = performance.now();
      const asOf = values['new-day'] ? dayBefore(runs - run) : undefined;
      const result = await computeAllCustomerMetrics({ actor: OWNER, asOf, readAllOrders: values['read-all-orders'] });
      log();
      log(`Run ${run}${asOf ? ` (as of ${asOf})` : ''}: ${((performance.now() - started) / 1000).toFixed(1)} s wall clock`);
      if (result) formatRun(result).forEach((line) => log(line));
    }
  } finally {
    await database.dispose();
  }
}

/** YYYY-MM-DD, `days` days before today (UTC). */
function dayBefore(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
