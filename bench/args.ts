import { parseArgs } from 'node:util';

/** Parts of the bench that --skip can leave out (the read cases always run: they are what the others compare with). */
export const BENCH_SECTIONS = ['writes', 'completions', 'export', 'duplicates', 'import', 'sweep', 'floors'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchArgs {
  customers: number;
  /** Average orders of each customer that the bench seeds (or backfills into customers without orders). */
  ordersPerCustomer: number;
  /** Pending orders created and completed at each concurrency of the completion throughput run (and as many by the floor). */
  completions: number;
  iterations: number;
  seed: number;
  /** PGlite folder given by the user; undefined means a fresh temporary one. */
  pgliteDir?: string;
  /** Print the plan of every case, not only the deep page. */
  isExplainAll: boolean;
  /** Rows of the generated Shopify customer CSV the import case imports (0: not run). */
  importRows: number;
  /** Only the import case: no seeding, no list cases. */
  isImportOnly: boolean;
  /** Only the webhook delivery bench, with this many events (null: not asked). */
  webhookEvents: number | null;
  /** Where to write the run's results as JSON (null: nowhere). */
  jsonFile: string | null;
  /** An earlier run's JSON to print the change against (null: none). */
  compareFile: string | null;
  /** A later run's JSON to compare with compareFile instead of running the bench (null: run it). */
  againstFile: string | null;
  skip: Set<BenchSection>;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]
  --customers N             customers to have, seeded when fewer (default 100000)
  --orders-per-customer N   average orders of each seeded customer (default 5)
  --iterations N            timed runs of each case, after up to 3 warm-up runs (default 50); a case slower than
                            3 s in all stops there, after at least 5 runs (the table notes how many)
  --completions N           orders completed at each of 1, 8 and 32 workers, by completeOrder and by the floor (default 1000)
  --import-rows N           rows of the generated Shopify customer CSV to import at the end (default 100000; 0 skips it)
  --import-only             only the import, on the database as it is (give it a fresh one for a clean figure)
  --webhooks N              only the webhook delivery bench, with N events (10000 is the usual)
  --seed N                  seed of the generated data (default 1)
  --pglite-dir DIR          PGlite folder when DATABASE_URL is not set (default: a fresh temporary one, removed afterwards)
  --skip LIST               leave out some of: ${BENCH_SECTIONS.join(', ')} (comma-separated)
  --explain-all             also print EXPLAIN ANALYZE of every read case
  --json FILE               write the whole run (machine facts, every figure, the EXPLAIN sweep) as JSON to FILE;
                            without it nothing is written
  --compare OLD.json        after the run, print each case's p50 against OLD.json's (a --json file of an earlier run),
                            marking cases more than 10% slower
  --against NEW.json        with --compare: compare two saved runs, without running the bench or opening a database
  --help                    this text

  Runs on PostgreSQL when DATABASE_URL is set, otherwise on PGlite. Seeds what is missing: customers up to --customers,
  with orders; a customer with 1,000 orders; a creator among 4 staff for every 10th customer. Each run adds orders
  (6 × --completions completed, a few hundred more), refunds and timeline events, and changes some customers' notes.

  Each case prints p50/p95 of the app's service call and, where there is one, p50 of its floor: the best single SQL
  statement giving the same answer, measured in the same run, and the ratio case/floor. Write cases time one call
  each on fresh rows; their floor does the same writes as one statement with data-modifying CTEs. Then the completion
  throughput against its floor, the CSV export, the duplicate scan (every pair, once), and an EXPLAIN sweep of every
  filter × sort of the customer list and of the order list, flagging plans that read more than 1,000 rows for each row
  they return. Figures are milliseconds (completions: wall-clock ms per order); lower is better.`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      customers: { type: 'string', default: '100000' },
      'orders-per-customer': { type: 'string', default: '5' },
      completions: { type: 'string', default: '1000' },
      iterations: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      'pglite-dir': { type: 'string' },
      'explain-all': { type: 'boolean', default: false },
      'import-rows': { type: 'string', default: '100000' },
      'import-only': { type: 'boolean', default: false },
      webhooks: { type: 'string' },
      json: { type: 'string' },
      compare: { type: 'string' },
      against: { type: 'string' },
      skip: { type: 'string', default: '' },
    },
  });
  if (values.against && !values.compare) throw new Error(`--against compares with the file of --compare; give both\n${BENCH_USAGE}`);
  return {
    customers: wholeNumber(values.customers, 'customers', 1),
    ordersPerCustomer: nonNegativeNumber(values['orders-per-customer'], 'orders-per-customer'),
    completions: wholeNumber(values.completions, 'completions', 1),
    iterations: wholeNumber(values.iterations, 'iterations', 1),
    seed: wholeNumber(values.seed, 'seed', 0),
    pgliteDir: values['pglite-dir'],
    isExplainAll: values['explain-all'] ?? false,
    importRows: wholeNumber(values['import-rows'], 'import-rows', 0),
    isImportOnly: values['import-only'] ?? false,
    webhookEvents: values.webhooks === undefined ? null : wholeNumber(values.webhooks, 'webhooks', 1),
    jsonFile: values.json || null,
    compareFile: values.compare || null,
    againstFile: values.against || null,
    skip: sections(values.skip),
  };
}

function sections(list: string): Set<BenchSection> {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`--skip takes ${BENCH_SECTIONS.join(', ')} (got ${unknown.join(', ')})\n${BENCH_USAGE}`);
  return new Set(names as BenchSection[]);
}

function wholeNumber(value: string, name: string, min: number): number {
  const number = Number(value.replace(/_/g, ''));
  if (value.trim() === '' || !Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${value})\n${BENCH_USAGE}`);
  return number;
}

function nonNegativeNumber(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number ≥ 0 (got ${value})\n${BENCH_USAGE}`);
  return number;
}
