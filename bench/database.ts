import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';

import { openDatabase, poolSizeFromEnv, setDatabase, type DatabaseHandle } from '@/db/client';
import { customers } from '@/db/schema';
import { seedDemoData, type SeedDemoResult } from '@/seed/demo';

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** e.g. "PostgreSQL 15.20" or "PGlite (PostgreSQL 17.5) in /tmp/…" */
  description: string;
  dispose(): Promise<void>;
}

/** Opens DATABASE_URL, or PGlite in `pgliteDir` (default: a fresh temporary folder, so ./data is never touched). */
export async function openBenchDatabase(pgliteDir: string | undefined): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  const temporaryDir = !url && !pgliteDir ? mkdtempSync(path.join(tmpdir(), 'customers-bench-')) : undefined;
  const dataDir = pgliteDir ?? temporaryDir;
  const handle = url ? openDatabase({ url }) : openDatabase({ dataDir });
  setDatabase(handle);
  await handle.migrate();
  // The server's memory for pages and its WAL between checkpoints decide how fast a million customers' writes go
  // (the metrics run's next day: 15-18 s at the defaults, 10 s with 2 GB and 4 GB), so each figure carries them.
  const [{ version, sharedBuffers, maxWalSize }] = await rowsOf<{ version: string; sharedBuffers: string; maxWalSize: string }>(
    handle,
    sql`select current_setting('server_version') as version, current_setting('shared_buffers') as "sharedBuffers",
          current_setting('max_wal_size') as "maxWalSize"`,
  );
  // The app's own bounded pool (DATABASE_POOL_SIZE): the 32-worker runs queue for a connection as the app's requests do.
  const description = url
    ? `PostgreSQL ${version} (${new URL(url).pathname.slice(1)}, shared_buffers ${sharedBuffers}, max_wal_size ${maxWalSize}), pool of ${poolSizeFromEnv()} connections`
    : `PGlite (PostgreSQL ${version}) in ${dataDir}`;
  return {
    handle,
    description,
    async dispose() {
      setDatabase(undefined);
      await handle.close();
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
    },
  };
}

/**
 * Seeds demo customers, with about `ordersPerCustomer` orders each, until there are at least `target`; returns what
 * was added (null when nothing was needed).
 */
export async function ensureCustomers(
  handle: DatabaseHandle,
  target: number,
  ordersPerCustomer: number,
  seed: number,
  log: (line: string) => void,
): Promise<{ existing: number; added: SeedDemoResult | null; seconds: number }> {
  const [{ count }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(customers);
  if (count >= target) return { existing: count, added: null, seconds: 0 };
  const started = performance.now();
  let lastLog = 0;
  const added = await seedDemoData({
    customers: target - count,
    seed,
    ordersPerCustomer,
    onProgress: ({ phase, inserted, total }) => {
      if (phase === 'indexing') return log(`  inserted ${inserted.toLocaleString('en')}; rebuilding indexes…`);
      if (inserted < total && performance.now() - lastLog < 2000) return;
      lastLog = performance.now();
      log(`  seeded ${inserted.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    },
  });
  return { existing: count, added, seconds: (performance.now() - started) / 1000 };
}

/**
 * Brings the planner's statistics up to date: after seeding, VACUUM ANALYZE, since seeding rewrote rows (customer stats
 * are set after their orders) and until the visibility map is set an index-only scan reads the table for every entry
 * (the metrics' aggregate at a million: 10.9 s instead of 5.8); else ANALYZE. Returns the statement it ran.
 */
export async function settleStatistics(handle: DatabaseHandle, seeded: boolean): Promise<'VACUUM ANALYZE' | 'ANALYZE'> {
  await handle.db.execute(seeded ? sql`vacuum analyze` : sql`analyze`);
  return seeded ? 'VACUUM ANALYZE' : 'ANALYZE';
}

export async function rowsOf<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  // Db is typed for either driver, whose raw results differ; both carry `rows`.
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}
