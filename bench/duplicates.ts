// npx tsx bench/duplicates.ts [--customers 1000000] [--orders-per-customer 0] [--pages 20] [--pglite-dir DIR]
// Time of the duplicate scan (listDuplicateCustomers) at scale: the first page, pages further on, and a walk through
// every pair, on the configured database (DATABASE_URL, else PGlite), after seeding demo customers and planting pairs.
import { parseArgs } from 'node:util';

import { sql } from 'drizzle-orm';

import { listDuplicateCustomers } from '@/services/customers';

import { ensureCustomers, openBenchDatabase, rowsOf } from './database';
import { ensurePlantedDuplicates } from './duplicates-data';
import { captureLastQuery, explain } from './explain';
import { measure } from './measure';

const log = (line = '') => console.log(line);
const PAGE = 25;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      'orders-per-customer': { type: 'string', default: '0' },
      iterations: { type: 'string', default: '10' },
      'pglite-dir': { type: 'string' },
    },
  });
  const database = await openBenchDatabase(values['pglite-dir']);
  const { handle } = database;
  try {
    log(`Database: ${database.description}`);
    const seeding = await ensureCustomers(handle, Number(values.customers), Number(values['orders-per-customer']), 1, log);
    if (seeding.added) log(`Seeded ${seeding.added.customers.toLocaleString('en')} customers in ${seeding.seconds.toFixed(1)} s.`);
    const planted = await ensurePlantedDuplicates(handle);
    if (planted) log(`Planted ${planted.toLocaleString('en')} customers that duplicate others.`);
    await handle.db.execute(sql`vacuum analyze customers`);
    await handle.db.execute(sql`vacuum analyze customer_addresses`);
    const [{ customers, addresses }] = await rowsOf<{ customers: number; addresses: number }>(
      handle,
      sql`select (select count(*)::int from customers) as customers, (select count(*)::int from customer_addresses) as addresses`,
    );
    log(`${customers.toLocaleString('en')} customers, ${addresses.toLocaleString('en')} addresses`);

    const walkStarted = performance.now();
    let pairs = 0;
    let pages = 0;
    const cursors: string[] = [];
    const reasons = new Map<string, number>();
    for (let cursor: string | null = null; ; pages++) {
      const page = await listDuplicateCustomers({ limit: 100, cursor });
      pairs += page.data.length;
      for (const pair of page.data) for (const reason of pair.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      cursors.push(cursor);
    }
    const walkSeconds = (performance.now() - walkStarted) / 1000;
    log(`Every pair, 100 a page: ${pairs.toLocaleString('en')} pairs (${[...reasons].map(([r, c]) => `${r} ${c.toLocaleString('en')}`).join(', ')}) in ${pages + 1} pages, ${walkSeconds.toFixed(1)} s (${((walkSeconds * 1000) / (pages + 1)).toFixed(0)} ms a page)`);

    const iterations = Number(values.iterations);
    const middle = cursors[Math.floor(cursors.length / 2)] ?? null;
    for (const [name, cursor] of [['first page', null], ['middle page', middle]] as const) {
      const timing = await measure(iterations, async () => (await listDuplicateCustomers({ limit: PAGE, cursor })).data.length);
      log(`${name} (${PAGE} pairs): p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms, ${timing.rows} rows`);
    }
    log();
    log('EXPLAIN (ANALYZE, BUFFERS) of the first page:');
    const query = await captureLastQuery(handle, () => listDuplicateCustomers({ limit: PAGE }));
    (await explain(handle, query)).forEach((line) => log(`  ${line}`));
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
