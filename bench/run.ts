// npm run bench -- [--customers 100000] [--orders-per-customer 5] [--completions 2000] [--iterations 50] [--pglite-dir DIR] [--explain-all]
// Latency of the customer list, search, filters and lookups, of purchase histories, the order list, the dashboard
// overview and the staff pages at scale, the throughput of order completion, and the CSV export of every customer
// (time to first byte, total, rows/s, peak memory), on the configured database.
import { sql } from 'drizzle-orm';

import { listCustomers } from '@/services/customers';

import { BENCH_USAGE, parseBenchArgs } from './args';
import { buildCases, DEEP_ROW } from './cases';
import { measureCompletions } from './completions';
import { measureCustomerImport } from './customer-import';
import { buildDashboardCases, ensureStaffCreators } from './dashboard-cases';
import { ensureCustomers, openBenchDatabase, rowsOf } from './database';
import { captureLastQuery, explain } from './explain';
import { formatExport, measureExport } from './export-case';
import { measure } from './measure';
import { buildOrderCases } from './order-cases';
import { ensureHistoryCustomer, ensureOrders, HISTORY_ORDERS } from './orders-data';
import { formatResults, formatThroughput, type CaseResult } from './report';
import { measureWebhooks } from './webhooks';

const COMPLETION_WORKERS = [1, 8, 32];

const log = (line = '') => console.log(line);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return log(BENCH_USAGE);
  const args = parseBenchArgs(process.argv.slice(2).filter((arg, index, all) => arg !== '--webhooks' && all[index - 1] !== '--webhooks'));
  const database = await openBenchDatabase(args.pgliteDir);
  const { handle } = database;
  try {
    log(`Database: ${database.description}`);
    const webhooksAt = process.argv.indexOf('--webhooks');
    if (webhooksAt > 0) return await measureWebhooks(Number(process.argv[webhooksAt + 1] ?? 10_000) || 10_000, log);
    if (args.isImportOnly) return await measureCustomerImport(args.importRows || 100_000, log);
    const seeding = await ensureCustomers(handle, args.customers, args.ordersPerCustomer, args.seed, log);
    if (seeding.added) {
      const { customers, orders, strategy } = seeding.added;
      log(`Seeded ${customers.toLocaleString('en')} customers with ${orders.toLocaleString('en')} orders (${strategy}) in ${seeding.seconds.toFixed(1)} s.`);
    }
    const backfill = await ensureOrders(handle, args.ordersPerCustomer, args.seed, log);
    if (backfill.added) log(`Gave ${backfill.added.toLocaleString('en')} orders to customers without any in ${backfill.seconds.toFixed(1)} s.`);
    const history = await ensureHistoryCustomer(handle, args.seed);
    if (history.created) log(`Created a customer with ${HISTORY_ORDERS.toLocaleString('en')} orders.`);
    const createdByStaff = await ensureStaffCreators(handle);
    if (createdByStaff) log(`Gave ${createdByStaff.toLocaleString('en')} customers a creator among 4 staff members.`);

    // Seeding rewrote rows (customer stats are set after their orders): VACUUM so that index-only scans see clean pages.
    const isFresh = Boolean(seeding.added || backfill.added || history.created || createdByStaff);
    const analyzeStarted = performance.now();
    await handle.db.execute(isFresh ? sql`vacuum analyze` : sql`analyze`);
    log(`${isFresh ? 'VACUUM ANALYZE' : 'ANALYZE'} took ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s.`);

    const walkStarted = performance.now();
    const { cases, deepCursors } = await buildCases(handle, args.iterations);
    cases.push(...(await buildOrderCases(history.id)), ...buildDashboardCases());
    log(`Prepared ${cases.length} cases (cursor walks to row ${DEEP_ROW.toLocaleString('en')} included) in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s.`);

    const results: CaseResult[] = [];
    for (const benchCase of cases) results.push({ name: benchCase.name, timing: await measure(args.iterations, benchCase.run) });

    const [{ count, orders }] = await rowsOf<{ count: number; orders: number }>(
      handle,
      sql`select (select count(*)::int from customers) as count, (select count(*)::int from orders) as orders`,
    );
    log();
    log(`${handle.kind} — ${database.description} — ${count.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders — ${args.iterations} iterations per case`);
    log(formatResults(results));

    log();
    log(`Completion throughput: completeOrder on ${args.completions.toLocaleString('en')} pending orders of as many random customers per run (placed beforehand, not timed):`);
    log(formatThroughput(await measureCompletions(handle, args.completions, COMPLETION_WORKERS)));
    if (handle.kind === 'pglite') {
      log('PGlite runs one statement at a time inside this process, so only the 1-worker figure is meaningful: more workers only queue.');
    }

    log();
    log(`CSV export of every customer to /dev/null through the download stream (GET /customers/export.csv), newest first:`);
    for (const format of ['shopify', 'full'] as const) log(formatExport(await measureExport(format)));

    const deepSort = 'createdAt:desc';
    const deepCursor = deepCursors.get(deepSort);
    if (deepCursor) {
      log();
      log(`EXPLAIN (ANALYZE, BUFFERS) of listCustomers({ sort: '${deepSort}', limit: 50, cursor: <row ${DEEP_ROW.toLocaleString('en')}> }):`);
      const query = await captureLastQuery(handle, () => listCustomers({ sort: deepSort, limit: 50, cursor: deepCursor }));
      log(query.text);
      log(`params: ${JSON.stringify(query.params)}`);
      (await explain(handle, query)).forEach((line) => log(`  ${line}`));
    }
    if (args.importRows) {
      log();
      await measureCustomerImport(args.importRows, log);
    }
    if (args.isExplainAll) {
      for (const benchCase of cases) {
        const query = await captureLastQuery(handle, () => benchCase.run(0));
        log();
        log(`EXPLAIN ${benchCase.name}:`);
        (await explain(handle, query)).forEach((line) => log(`  ${line}`));
      }
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
