import { sql } from 'drizzle-orm';

import { queryRows, type Db, type Tx } from '@/db/client';

import type { DemoBatch } from './demo-generator';
import { insertDemoBatch, insertDemoRows } from './demo-insert';

const SEEDED_TABLES = ['customers', 'customer_addresses', 'customer_events', 'orders', 'order_items', 'order_refunds'];

/**
 * Inserts batches as they are generated, each in its own transaction, with up to `concurrency` in flight. The next
 * batch is generated (CPU here) while earlier ones are inserted (I/O and CPU on the server).
 */
export async function loadIncrementally(db: Db, batches: Iterable<DemoBatch>, concurrency: number, onBatch: (batch: DemoBatch) => void): Promise<void> {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const batch of batches) {
    while (pending.size >= concurrency && !failure) await Promise.race(pending);
    if (failure) break;
    const insert: Promise<void> = insertDemoBatch(db, batch)
      .then(
        () => onBatch(batch),
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => pending.delete(insert));
    pending.add(insert);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
}

/**
 * Loads everything in one transaction with the tables' non-unique indexes dropped, then rebuilds them from their own
 * catalog definitions: building an index once is far cheaper than maintaining it row by row at a million rows.
 * Unique indexes (ids, emails, one default address of each kind) stay, so every constraint is still checked. The
 * tables are locked (ACCESS EXCLUSIVE) until the end, and a failure rolls everything back, indexes included.
 */
export async function loadInBulk(
  db: Db,
  batches: Iterable<DemoBatch>,
  onBatch: (batch: DemoBatch) => void,
  onIndexing: () => void,
  kind: 'pglite' | 'postgres',
): Promise<void> {
  await db.transaction(async (tx) => {
    const indexes = await droppableIndexes(tx);
    for (const index of indexes) await tx.execute(sql`drop index ${sql.identifier(index.indexname)}`);
    let previous: Promise<void> | undefined;
    for (const batch of batches) {
      // One statement at a time on the transaction's connection, but the next batch is generated meanwhile.
      await previous;
      previous = insertDemoRows(tx, batch).then(() => onBatch(batch));
    }
    await previous;
    onIndexing();
    // PGlite lives in this process's (WASM) memory, so it keeps its default.
    if (kind === 'postgres') await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.indexdef));
    // The pairs' triggers queued every new customer for the one-at-a-time refresh at commit; one join per reason
    // builds them all instead (migration 0032).
    await tx.execute(sql`select customer_duplicate_pairs_rebuild()`);
  });
}

async function droppableIndexes(tx: Tx): Promise<{ indexname: string; indexdef: string }[]> {
  return queryRows<{ indexname: string; indexdef: string }>(tx, sql`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(SEEDED_TABLES.map((t) => sql`${t}`), sql`, `)})
      and indexdef not like 'CREATE UNIQUE INDEX%'
    order by tablename, indexname`);
}
