// npm run bench -- [options] (--help lists them)
// Latency of the customer list, search, filters and lookups, of purchase histories, the order list, the dashboard
// overview and the staff pages at scale, each beside its floor (the best single SQL statement for the same answer,
// measured in the same run); the write paths (update, order creation, refund) and the completion throughput against
// one-statement floors; the CSV export; the duplicate scan; an EXPLAIN sweep of every list filter × sort; and the
// customer CSV import. --json writes it all with the machine's facts; --compare prints the change against such a file.
import { sql } from 'drizzle-orm';

import { listCustomers, listDuplicateCustomers } from '@/services/customers';

import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './args';
import { buildCases, DEEP_ROW, type BenchCase } from './cases';
import { formatComparison } from './compare';
import { measureCompletions } from './completions';
import { measureCustomerImport } from './customer-import';
import { buildDashboardCases, ensureStaffCreators } from './dashboard-cases';
import { ensureCustomers, openBenchDatabase, rowsOf, settleStatistics, type BenchDatabase } from './database';
import { captureLastQuery, explain } from './explain';
import { formatExport, measureExport } from './export-case';
import { measureCase } from './measure';
import { buildOrderCases } from './order-cases';
import { ensureHistoryCustomer, ensureOrders, HISTORY_ORDERS } from './orders-data';
import { READ_RATIO_LIMIT } from './plan-rows';
import { formatFigures, formatSweep, formatThroughput, WRITE_FLOOR_GOAL } from './report';
import { gitState, hostFacts, readRun, RESULTS_VERSION, writeRun, type BenchRun, type Figure, type FigureSection, type SweepRow } from './results';
import { sweepPlans } from './sweep';
import { measureWebhooks } from './webhooks';
import { buildWriteCases } from './write-cases';

const COMPLETION_WORKERS = [1, 8, 32];
// Sweep rows slower than this are printed even when their plan reads little.
const SWEEP_SLOW_MS = 100;

const log = (line = '') => console.log(line);
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return log(BENCH_USAGE);
  const args = parseBenchArgs(process.argv.slice(2));
  // Read first, so that a wrong path fails before minutes of benching.
  const previous = args.compareFile ? readRun(args.compareFile) : null;
  if (previous && args.againstFile) return log(formatComparison(previous, readRun(args.againstFile)));
  const git = gitState();
  const database = await openBenchDatabase(args.pgliteDir);
  try {
    log(`Database: ${database.description}`);
    if (args.webhookEvents !== null) return await measureWebhooks(args.webhookEvents, log);
    if (args.isImportOnly) return void (await measureCustomerImport(args.importRows || 100_000, log));
    const run = await benchEverything(database, args, git);
    if (args.jsonFile) {
      writeRun(args.jsonFile, run);
      log();
      log(`Wrote the results to ${args.jsonFile}.`);
    }
    if (previous) {
      log();
      log(`Change against ${args.compareFile} (p50; more than 10% slower is marked):`);
      log(formatComparison(previous, run));
    }
  } finally {
    await database.dispose();
  }
}

async function benchEverything(database: BenchDatabase, args: BenchArgs, git: { commit: string; isDirty: boolean }): Promise<BenchRun> {
  const { handle } = database;
  const started = performance.now();
  const date = new Date().toISOString();
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

  const analyzeStarted = performance.now();
  const settled = await settleStatistics(handle, Boolean(seeding.added || backfill.added || history.created || createdByStaff));
  log(`${settled} took ${seconds(analyzeStarted)} s.`);
  const [{ endpoints }] = await rowsOf<{ endpoints: number }>(handle, sql`select count(*)::int as endpoints from webhook_endpoints where enabled`);
  if (endpoints) log(`Warning: ${endpoints} enabled webhook endpoint(s): the write cases also write outbox rows, which their floors do not.`);

  const figures: Figure[] = [];
  const isWithoutFloor = args.skip.has('floors');
  const measureAll = async (cases: BenchCase[], section: FigureSection) => {
    const measured: Figure[] = [];
    for (const benchCase of cases) measured.push(await measureCase(benchCase, section, args.iterations, isWithoutFloor));
    figures.push(...measured);
    return measured;
  };

  const walkStarted = performance.now();
  const { cases, deepCursors } = await buildCases(handle, args.iterations);
  cases.push(...(await buildOrderCases(handle, history.id)), ...buildDashboardCases(handle));
  log(`Prepared ${cases.length} read cases (cursor walks to row ${DEEP_ROW.toLocaleString('en')} included) in ${seconds(walkStarted)} s.`);
  const [counts] = await rowsOf<{ customers: number; orders: number; size: number }>(
    handle,
    sql`select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders, pg_database_size(current_database())::float8 as size`,
  );
  log();
  log(`${handle.kind} — ${database.description} — ${counts.customers.toLocaleString('en')} customers, ${counts.orders.toLocaleString('en')} orders — ${args.iterations} iterations per case and per floor`);
  log(formatFigures(await measureAll(cases, 'reads')));

  if (!args.skip.has('writes')) {
    log();
    log(`Writes: one call per iteration, each on a customer or order of its own; the floor does the same writes as one statement:`);
    log(formatFigures(await measureAll(await buildWriteCases(handle, args.iterations), 'writes')));
  }

  if (!args.skip.has('completions')) {
    log();
    log(
      `Completion throughput: completeOrder on ${args.completions.toLocaleString('en')} pending orders of as many random customers per run (placed beforehand in one statement, not timed); ` +
        `the floor completes as many others with one statement each (lock, complete, add to the customer's stats, timeline event). Goal: within ${WRITE_FLOOR_GOAL}× at 1 and 8 workers.`,
    );
    const throughput = await measureCompletions(handle, args.completions, COMPLETION_WORKERS, isWithoutFloor);
    log(formatThroughput(throughput));
    if (handle.kind === 'pglite') log('PGlite runs one statement at a time inside this process, so only the 1-worker figure is meaningful: more workers only queue.');
    for (const row of throughput) {
      const ms = (s: number) => (s * 1000) / row.orders;
      figures.push({
        name: `completeOrder, ${row.workers} worker${row.workers === 1 ? '' : 's'} (wall ms per order)`,
        section: 'completions',
        p50: ms(row.seconds),
        p95: null,
        rows: row.orders,
        floorP50: row.floorSeconds === null ? null : ms(row.floorSeconds),
        floorRows: row.floorSeconds === null ? null : row.orders,
        ratio: row.floorSeconds ? row.seconds / row.floorSeconds : null,
        note: `${Math.round(row.orders / row.seconds)} orders/s`,
      });
    }
  }

  if (!args.skip.has('export')) {
    log();
    log(`CSV export of every customer to /dev/null through the download stream (GET /customers/export.csv), newest first:`);
    for (const format of ['shopify', 'full'] as const) {
      const result = await measureExport(format);
      log(formatExport(result));
      const figure = { section: 'export' as const, p95: null, rows: result.rows, floorP50: null, floorRows: null, ratio: null };
      figures.push({ ...figure, name: `export ${format}: first rows`, p50: result.firstRowsMs });
      figures.push({ ...figure, name: `export ${format}: every row`, p50: result.totalSeconds * 1000, note: `${Math.round(result.rows / result.totalSeconds)} rows/s, peak RSS ${result.peakRssMb} MB` });
    }
  }

  if (!args.skip.has('duplicates')) {
    log();
    figures.push(...(await measureDuplicateScan()));
  }

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

  let sweep: SweepRow[] = [];
  if (!args.skip.has('sweep')) {
    log();
    const sweepStarted = performance.now();
    sweep = await sweepPlans(handle, history.id, () => undefined);
    const shown = sweep.filter((row) => row.isFlagged || row.ms > SWEEP_SLOW_MS);
    const flagged = sweep.filter((row) => row.isFlagged);
    log(
      `EXPLAIN sweep: ${sweep.length} first pages (every filter × sort of the customer and order lists, one filter at a time) in ${seconds(sweepStarted)} s; ` +
        `${flagged.length} read more than ${READ_RATIO_LIMIT.toLocaleString('en')} rows per row returned${shown.length ? '; those and any slower than ' + SWEEP_SLOW_MS + ' ms:' : '.'}`,
    );
    if (shown.length) log(formatSweep(shown));
    for (const row of flagged) log(`  ${row.list} ${row.filter} ${row.sort}: ${row.plans.flatMap((plan) => plan.scans).join('; ')}`);
  }

  if (args.importRows && !args.skip.has('import')) {
    log();
    const imported = await measureCustomerImport(args.importRows, log);
    figures.push({
      name: `customer import ${imported.rows.toLocaleString('en')} rows`,
      section: 'import',
      p50: imported.seconds * 1000,
      p95: null,
      rows: imported.rows,
      floorP50: null,
      floorRows: null,
      ratio: null,
      note: `${Math.round(imported.rows / imported.seconds)} rows/s; upload ${imported.uploadSeconds.toFixed(1)} s`,
    });
  }

  const others = figures.filter((figure) => figure.section !== 'reads' && figure.section !== 'writes');
  if (others.length) {
    log();
    log('The other figures as the JSON and --compare hold them (one run each; completions: wall-clock ms per order):');
    log(formatFigures(others));
  }
  log();
  log(`The whole bench took ${seconds(started)} s.`);
  const [{ version }] = await rowsOf<{ version: string }>(handle, sql`select current_setting('server_version') as version`);
  return {
    version: RESULTS_VERSION,
    machine: {
      date,
      ...git,
      ...hostFacts(),
      database: { kind: handle.kind, version, sizeMb: Math.round(counts.size / 1_048_576), customers: counts.customers, orders: counts.orders },
    },
    options: { ...args, skip: [...args.skip] },
    figures,
    sweep,
  };
}

/**
 * The duplicate scan as the Duplicates page walks it: every pair, 100 a page, once, its first page timed apart. One
 * run: at 100k a page can take seconds when pairs are few and far apart (each page reads until it has its pairs).
 */
async function measureDuplicateScan(): Promise<Figure[]> {
  const figure = { section: 'duplicates' as const, p95: null, floorP50: null, floorRows: null, ratio: null };
  const started = performance.now();
  let firstMs = 0;
  let firstPairs = 0;
  let pairs = 0;
  let pages = 0;
  for (let cursor: string | null = null; ; ) {
    const page = await listDuplicateCustomers({ limit: 100, cursor });
    if (pages === 0) [firstMs, firstPairs] = [performance.now() - started, page.data.length];
    pairs += page.data.length;
    pages++;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const walkMs = performance.now() - started;
  log(`Duplicate scan: first page in ${firstMs.toFixed(0)} ms; every pair, 100 a page: ${pairs.toLocaleString('en')} pairs in ${pages} pages, ${(walkMs / 1000).toFixed(1)} s (${(walkMs / pages).toFixed(0)} ms a page).`);
  return [
    { ...figure, name: 'duplicate scan, first page (up to 100 pairs)', p50: firstMs, rows: firstPairs },
    { ...figure, name: 'duplicate scan, every pair (100 a page)', p50: walkMs, rows: pairs, note: `${pages} pages` },
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
