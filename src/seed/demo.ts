import { asc, sql } from 'drizzle-orm';

import { getDatabase, getDb, type Db } from '@/db/client';
import { customerGroups, customers, staffMembers } from '@/db/schema';
// A constant of the shop, not a service call: orders are recorded in the shop currency, as createOrder requires.
import { SHOP_CURRENCY } from '@/lib/config';

import { generateDemoBatches, type DemoBatch, type DemoContext } from './demo-generator';
import { loadIncrementally, loadInBulk } from './demo-load';
import { DEFAULT_ORDERS_PER_CUSTOMER } from './demo-orders';
import { DEMO_EMAIL_NUMBER_PATTERN } from './demo-vocabulary';

export { DEFAULT_ORDERS_PER_CUSTOMER } from './demo-orders';
export const DEFAULT_DEMO_SEED = 1;
const DEFAULT_BATCH_SIZE = 2_000;
const MAX_STAFF_CREATORS = 1_000;
// Measured (shared 2-CPU box): at 100k, PGlite bulk 33 s vs incremental 79 s; PostgreSQL about even at 100k-200k
// (incremental uses 3 connections), bulk ahead at 1M (622 s vs 941 s) once indexes outgrow shared_buffers.
const BULK_THRESHOLD = { pglite: 50_000, postgres: 250_000 } as const;

export interface SeedDemoProgress {
  /** 'indexing' comes once, after the last insert, when the bulk strategy rebuilds indexes. */
  phase: 'inserting' | 'indexing';
  inserted: number;
  total: number;
}

/**
 * 'incremental': batches commit one by one while the shop stays usable. 'bulk': one transaction that drops and rebuilds
 * the non-unique indexes, locking the customer tables meanwhile; several times faster at a million rows.
 * 'auto' (default): bulk for big loads (50,000 customers on PGlite, 250,000 on PostgreSQL) that at least double the
 * table, else incremental.
 */
export type SeedDemoStrategy = 'incremental' | 'bulk';

export interface SeedDemoOptions {
  customers: number;
  /** Same seed, same people. */
  seed?: number;
  onProgress?: (progress: SeedDemoProgress) => void;
  /** Customers per INSERT (and per transaction). */
  batchSize?: number;
  /** Incremental batches in flight at once; PGlite runs one statement at a time, so only PostgreSQL gains from more than 1. */
  concurrency?: number;
  /** Customers are created, and their orders placed, over the two years before this moment (default: now). */
  now?: Date;
  strategy?: SeedDemoStrategy | 'auto';
  /**
   * Average orders per new customer (default 7.5; 0 for none). The mix stays realistic at any value: some customers
   * never order, many once, VIPs often, wholesalers a few large orders.
   */
  ordersPerCustomer?: number;
}

export interface SeedDemoResult {
  customers: number;
  addresses: number;
  orders: number;
  refunds: number;
  /** Running number of the first new customer (the suffix of its email). */
  firstNumber: number;
  strategy: SeedDemoStrategy;
}

/** True when the shop has no customers yet (first start). */
export async function isShopEmpty(): Promise<boolean> {
  const [row] = await getDb().select({ any: sql<boolean>`exists(select 1 from ${customers})` }).from(sql`(select 1) as one`);
  return !row.any;
}

/**
 * Adds `customers` deterministic demo customers (addresses and a 'customer.created' event each) with their order
 * histories (items, refunds, timeline events, and the stats the orders give) to the configured database.
 * Incrementally, each batch commits atomically and a failure leaves earlier batches in place; in bulk, all or nothing
 * (see SeedDemoStrategy).
 * Emails continue after the highest demo email number already stored, so repeated runs never collide.
 * Not meant to run twice at the same moment against one database.
 */
export async function seedDemoData(options: SeedDemoOptions): Promise<SeedDemoResult> {
  if (!Number.isInteger(options.customers) || options.customers < 0) {
    throw new RangeError(`seedDemoData: customers must be a whole number ≥ 0, got ${options.customers}`);
  }
  const ordersPerCustomer = options.ordersPerCustomer ?? DEFAULT_ORDERS_PER_CUSTOMER;
  if (!Number.isFinite(ordersPerCustomer) || ordersPerCustomer < 0) {
    throw new RangeError(`seedDemoData: ordersPerCustomer must be a number ≥ 0, got ${ordersPerCustomer}`);
  }
  const database = getDatabase();
  const context = await loadDemoContext(database.db, options.seed ?? DEFAULT_DEMO_SEED, options.now ?? new Date(), ordersPerCustomer);
  const total = options.customers;
  const result: SeedDemoResult = { customers: 0, addresses: 0, orders: 0, refunds: 0, firstNumber: context.firstNumber, strategy: 'incremental' };
  if (total === 0) return result;
  result.strategy = options.strategy === 'auto' || !options.strategy ? await chooseStrategy(database.db, total, BULK_THRESHOLD[database.kind]) : options.strategy;

  const batches = generateDemoBatches(context, total, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const onBatch = (batch: DemoBatch) => {
    result.customers += batch.customers.length;
    result.addresses += batch.addresses.length;
    result.orders += batch.orders.length;
    result.refunds += batch.refunds.length;
    options.onProgress?.({ phase: 'inserting', inserted: result.customers, total });
  };
  if (result.strategy === 'bulk') {
    const onIndexing = () => options.onProgress?.({ phase: 'indexing', inserted: result.customers, total });
    await loadInBulk(database.db, batches, onBatch, onIndexing, database.kind);
  } else {
    const concurrency = Math.max(1, options.concurrency ?? (database.kind === 'postgres' ? 3 : 1));
    await loadIncrementally(database.db, batches, concurrency, onBatch);
  }
  return result;
}

// Rebuilding indexes pays off when the load dwarfs what is there: a fresh database, a bench, a big demo.
async function chooseStrategy(db: Db, count: number, threshold: number): Promise<SeedDemoStrategy> {
  if (count < threshold) return 'incremental';
  const [{ existing }] = await db.select({ existing: sql<number>`count(*)::int` }).from(customers);
  return count >= existing ? 'bulk' : 'incremental';
}

async function loadDemoContext(db: Db, seed: number, now: Date, ordersPerCustomer: number): Promise<DemoContext> {
  const [groups, staff, [numbers]] = await Promise.all([
    db
      .select({ id: customerGroups.id, name: sql<string>`lower(${customerGroups.name})` })
      .from(customerGroups)
      .where(sql`lower(${customerGroups.name}) in ('retail', 'wholesaler', 'vip')`),
    db.select({ id: staffMembers.id }).from(staffMembers).orderBy(asc(staffMembers.createdAt), asc(staffMembers.id)).limit(MAX_STAFF_CREATORS),
    db
      .select({ max: sql<string | null>`max(substring(${customers.email} from ${DEMO_EMAIL_NUMBER_PATTERN})::bigint)` })
      .from(customers)
      .where(sql`${customers.email} like '%@example.%'`),
  ]);
  const groupId = (name: string) => groups.find((group) => group.name === name)?.id ?? null;
  return {
    seed,
    firstNumber: Number(numbers?.max ?? 0) + 1,
    groupIds: { retail: groupId('retail'), wholesaler: groupId('wholesaler'), vip: groupId('vip') },
    staffIds: staff.map((member) => member.id),
    now,
    currency: SHOP_CURRENCY,
    ordersPerCustomer,
  };
}
