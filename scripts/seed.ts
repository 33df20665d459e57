// npm run db:seed -- --customers N [--orders-per-customer 7.5] [--seed S] [--batch-size B] [--strategy auto|incremental|bulk]
// Migrates the configured database (DATABASE_URL, else PGlite in PGLITE_DATA_DIR or ./data/pglite) and adds N
// deterministic demo customers, with their order histories, to whatever is already there.
import { parseArgs } from 'node:util';

import { getDatabase } from '@/db/client';
import { DEFAULT_DEMO_SEED, DEFAULT_ORDERS_PER_CUSTOMER, seedDemoData } from '@/seed/demo';

const USAGE =
  'Usage: npm run db:seed -- --customers N [--orders-per-customer X] [--seed S] [--batch-size B] [--strategy auto|incremental|bulk]\n' +
  `  --orders-per-customer: average orders of each new customer (default ${DEFAULT_ORDERS_PER_CUSTOMER}; 0 for none)`;
const STRATEGIES = ['auto', 'incremental', 'bulk'] as const;

function positiveInteger(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a whole number ≥ 0 (got ${value ?? 'nothing'})`);
  return number;
}

function nonNegativeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`--${name} must be a number ≥ 0 (got ${value})`);
  return number;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      'orders-per-customer': { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      strategy: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = positiveInteger(values.customers, 'customers');
  const seed = positiveInteger(values.seed, 'seed', DEFAULT_DEMO_SEED);
  const ordersPerCustomer = nonNegativeNumber(values['orders-per-customer'], 'orders-per-customer', DEFAULT_ORDERS_PER_CUSTOMER);
  const batchSize = values['batch-size'] ? Math.max(1, positiveInteger(values['batch-size'], 'batch-size')) : undefined;
  const strategy = STRATEGIES.find((s) => s === (values.strategy ?? 'auto'));
  if (!strategy) throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')} (got ${values.strategy})`);

  const database = getDatabase();
  try {
    await database.migrate();
    console.log(`Seeding ${count.toLocaleString('en')} demo customers with about ${ordersPerCustomer} orders each (seed ${seed}) into ${database.kind}…`);
    const started = performance.now();
    let lastReport = 0;
    const result = await seedDemoData({
      customers: count,
      seed,
      batchSize,
      strategy,
      ordersPerCustomer,
      onProgress: ({ phase, inserted, total }) => {
        const now = performance.now();
        if (phase === 'indexing') {
          console.log(`  Inserted in ${((now - started) / 1000).toFixed(1)} s; rebuilding indexes…`);
          return;
        }
        if (inserted < total && now - lastReport < 1000) return;
        lastReport = now;
        const rate = Math.round(inserted / ((now - started) / 1000));
        console.log(`  ${inserted.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((inserted / total) * 100)}%, ${rate.toLocaleString('en')}/s)`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Added ${result.customers.toLocaleString('en')} customers, ${result.addresses.toLocaleString('en')} addresses, ` +
        `${result.orders.toLocaleString('en')} orders and ${result.refunds.toLocaleString('en')} refunds ` +
        `(emails from #${result.firstNumber}, ${result.strategy}) in ${seconds.toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
