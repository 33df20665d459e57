import { asc, sql } from 'drizzle-orm';

import { getDatabase, getDb, type Db } from '@/db/client';
import { customerGroups, customers, staffMembers } from '@/db/schema';

import { generateDemoBatches, type DemoContext } from './demo-generator';
import { insertDemoBatch } from './demo-insert';
import { DEMO_EMAIL_NUMBER_PATTERN } from './demo-vocabulary';

export const DEFAULT_DEMO_SEED = 1;
const DEFAULT_BATCH_SIZE = 2_000;
const MAX_STAFF_CREATORS = 1_000;

export interface SeedDemoProgress {
  inserted: number;
  total: number;
}

export interface SeedDemoOptions {
  customers: number;
  /** Same seed, same people. */
  seed?: number;
  onProgress?: (progress: SeedDemoProgress) => void;
  /** Customers per INSERT (and per transaction). */
  batchSize?: number;
  /** Batches in flight at once; PGlite runs one statement at a time, so only PostgreSQL gains from more than 1. */
  concurrency?: number;
  /** Customers are created over the two years before this moment (default: now). */
  now?: Date;
}

export interface SeedDemoResult {
  customers: number;
  addresses: number;
  /** Running number of the first new customer (the suffix of its email). */
  firstNumber: number;
}

/** True when the shop has no customers yet (first start). */
export async function isShopEmpty(): Promise<boolean> {
  const [row] = await getDb().select({ any: sql<boolean>`exists(select 1 from ${customers})` }).from(sql`(select 1) as one`);
  return !row.any;
}

/**
 * Adds `customers` deterministic demo customers (addresses and a 'customer.created' event each) to the configured
 * database, in batches that each commit atomically; a failure stops the run and leaves earlier batches in place.
 * Emails continue after the highest demo email number already stored, so repeated runs never collide.
 * Not meant to run twice at the same moment against one database.
 */
export async function seedDemoData(options: SeedDemoOptions): Promise<SeedDemoResult> {
  if (!Number.isInteger(options.customers) || options.customers < 0) {
    throw new RangeError(`seedDemoData: customers must be a whole number ≥ 0, got ${options.customers}`);
  }
  const database = getDatabase();
  const context = await loadDemoContext(database.db, options.seed ?? DEFAULT_DEMO_SEED, options.now ?? new Date());
  const total = options.customers;
  const concurrency = Math.max(1, options.concurrency ?? (database.kind === 'postgres' ? 3 : 1));
  const result: SeedDemoResult = { customers: 0, addresses: 0, firstNumber: context.firstNumber };

  // Generation (CPU, this process) overlaps with inserts (I/O, the server) by keeping a few batches in flight.
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const batch of generateDemoBatches(context, total, options.batchSize ?? DEFAULT_BATCH_SIZE)) {
    if (failure) break;
    const insert: Promise<void> = insertDemoBatch(database.db, batch)
      .then(
        () => {
          result.customers += batch.customers.length;
          result.addresses += batch.addresses.length;
          options.onProgress?.({ inserted: result.customers, total });
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => pending.delete(insert));
    pending.add(insert);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
  return result;
}

async function loadDemoContext(db: Db, seed: number, now: Date): Promise<DemoContext> {
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
  };
}
