// npm run bench -- [--customers 100000] [--iterations 50] [--pglite-dir DIR] [--explain-all]
// Latency of the customer list, search, filters and lookups at scale, on the configured database.
import { sql } from 'drizzle-orm';

import { listCustomers } from '@/services/customers';

import { BENCH_USAGE, parseBenchArgs } from './args';
import { buildCases, DEEP_ROW } from './cases';
import { ensureCustomers, openBenchDatabase, rowsOf } from './database';
import { captureLastQuery, explain } from './explain';
import { measure } from './measure';
import { formatResults, type CaseResult } from './report';

const log = (line = '') => console.log(line);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return log(BENCH_USAGE);
  const args = parseBenchArgs(process.argv.slice(2));
  const database = await openBenchDatabase(args.pgliteDir);
  const { handle } = database;
  try {
    log(`Database: ${database.description}`);
    const seeding = await ensureCustomers(handle, args.customers, args.seed, log);
    if (seeding.added) {
      log(`Seeded ${seeding.added.customers.toLocaleString('en')} customers (${seeding.added.strategy}) in ${seeding.seconds.toFixed(1)} s.`);
    }
    const analyzeStarted = performance.now();
    await handle.db.execute(sql`analyze`);
    log(`ANALYZE took ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s.`);

    const walkStarted = performance.now();
    const { cases, deepCursors } = await buildCases(handle, args.iterations);
    log(`Prepared ${cases.length} cases (cursor walks to row ${DEEP_ROW.toLocaleString('en')} included) in ${((performance.now() - walkStarted) / 1000).toFixed(1)} s.`);

    const results: CaseResult[] = [];
    for (const benchCase of cases) results.push({ name: benchCase.name, timing: await measure(args.iterations, benchCase.run) });

    const [{ count }] = await rowsOf<{ count: number }>(handle, sql`select count(*)::int as count from customers`);
    log();
    log(`${handle.kind} — ${database.description} — ${count.toLocaleString('en')} customers — ${args.iterations} iterations per case`);
    log(formatResults(results));

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
