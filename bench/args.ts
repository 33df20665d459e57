import { parseArgs } from 'node:util';

export interface BenchArgs {
  customers: number;
  /** Average orders of each customer that the bench seeds (or backfills into customers without orders). */
  ordersPerCustomer: number;
  /** Pending orders created and completed at each concurrency of the completion throughput run. */
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
}

export const BENCH_USAGE =
  'Usage: npm run bench -- [--customers 100000] [--orders-per-customer 5] [--completions 2000] [--iterations 50] [--seed 1]\n' +
  '                        [--pglite-dir DIR] [--explain-all] [--import-rows 100000] [--import-only]\n' +
  '  Runs on PostgreSQL when DATABASE_URL is set, otherwise on PGlite in DIR (default: a fresh temporary folder, removed afterwards).\n' +
  '  Seeds what is missing: customers up to --customers, with orders; orders for customers seeded before orders existed;\n' +
  '  a customer with 1,000 orders. Each run adds 3 × --completions completed orders.\n' +
  '  Then imports a generated Shopify customer CSV of --import-rows rows (0 skips it); --import-only runs only that, on the\n' +
  '  database as it is (give it a fresh one for a clean figure).';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '100000' },
      'orders-per-customer': { type: 'string', default: '5' },
      completions: { type: 'string', default: '2000' },
      iterations: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      'pglite-dir': { type: 'string' },
      'explain-all': { type: 'boolean', default: false },
      'import-rows': { type: 'string', default: '100000' },
      'import-only': { type: 'boolean', default: false },
    },
  });
  return {
    customers: wholeNumber(values.customers, 'customers', 1),
    ordersPerCustomer: nonNegativeNumber(values['orders-per-customer'], 'orders-per-customer'),
    completions: wholeNumber(values.completions, 'completions', 1),
    iterations: wholeNumber(values.iterations, 'iterations', 1),
    seed: wholeNumber(values.seed, 'seed', 0),
    pgliteDir: values['pglite-dir'],
    isExplainAll: values['explain-all'] ?? false,
    importRows: values['import-rows'] === '0' ? 0 : wholeNumber(values['import-rows'] ?? '100000', 'import-rows', 1),
    isImportOnly: values['import-only'] ?? false,
  };
}

function wholeNumber(value: string, name: string, min: number): number {
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${value})\n${BENCH_USAGE}`);
  return number;
}

function nonNegativeNumber(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number ≥ 0 (got ${value})\n${BENCH_USAGE}`);
  return number;
}
