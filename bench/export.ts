// npx tsx bench/export.ts [--customers 1000000] [--orders-per-customer 2] [--format shopify|full|both] [--pglite-dir DIR]
// The CSV export of every customer to /dev/null on the configured database (DATABASE_URL, else PGlite), seeding demo
// customers first when there are fewer than --customers: time to first byte, total time, rows/s and peak memory.
// `npm run bench` runs the same export at the end of its cases.
import { parseArgs } from 'node:util';

import { sql } from 'drizzle-orm';

import { ensureCustomers, openBenchDatabase, rowsOf, settleStatistics } from './database';
import { formatExport, measureExport } from './export-case';

const log = (line = '') => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000000' },
      'orders-per-customer': { type: 'string', default: '2' },
      format: { type: 'string', default: 'both' },
      'pglite-dir': { type: 'string' },
    },
  });
  const formats = values.format === 'both' ? (['shopify', 'full'] as const) : ([values.format] as ['shopify' | 'full']);
  if (!formats.every((format) => format === 'shopify' || format === 'full')) throw new Error('--format is shopify, full or both');
  const database = await openBenchDatabase(values['pglite-dir']);
  try {
    log(`Database: ${database.description}`);
    const seeding = await ensureCustomers(database.handle, Number(values.customers), Number(values['orders-per-customer']), 1, log);
    if (seeding.added) log(`Seeded ${seeding.added.customers.toLocaleString('en')} customers in ${seeding.seconds.toFixed(1)} s.`);
    await settleStatistics(database.handle, Boolean(seeding.added));
    const [{ customers, addresses }] = await rowsOf<{ customers: number; addresses: number }>(
      database.handle,
      sql`select (select count(*)::int from customers) as customers, (select count(*)::int from customer_addresses) as addresses`,
    );
    log(`${customers.toLocaleString('en')} customers, ${addresses.toLocaleString('en')} addresses. CSV export of all of them to /dev/null, newest first:`);
    for (const format of formats) log(formatExport(await measureExport(format)));
    log(`Process peak RSS (getrusage): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await database.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
