import { parseArgs } from 'node:util';

export interface BenchArgs {
  customers: number;
  iterations: number;
  seed: number;
  /** PGlite folder given by the user; undefined means a fresh temporary one. */
  pgliteDir?: string;
  /** Print the plan of every case, not only the deep page. */
  isExplainAll: boolean;
}

export const BENCH_USAGE =
  'Usage: npm run bench -- [--customers 100000] [--iterations 50] [--seed 1] [--pglite-dir DIR] [--explain-all]\n' +
  '  Runs on PostgreSQL when DATABASE_URL is set, otherwise on PGlite in DIR (default: a fresh temporary folder, removed afterwards).';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '100000' },
      iterations: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      'pglite-dir': { type: 'string' },
      'explain-all': { type: 'boolean', default: false },
    },
  });
  return {
    customers: wholeNumber(values.customers, 'customers', 1),
    iterations: wholeNumber(values.iterations, 'iterations', 1),
    seed: wholeNumber(values.seed, 'seed', 0),
    pgliteDir: values['pglite-dir'],
    isExplainAll: values['explain-all'] ?? false,
  };
}

function wholeNumber(value: string, name: string, min: number): number {
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${value})\n${BENCH_USAGE}`);
  return number;
}
