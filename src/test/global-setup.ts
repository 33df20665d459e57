import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { openDatabase } from '@/db/client';

import { createThrowawayDatabase } from './server-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data directory (a dump file) that each test file's database starts from. */
    pgliteSnapshot: string;
    /** A migrated, empty database on the TEST_DATABASE_URL server that each test file's database is copied from. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one database before the test files run, for each file's fresh database to start from: a test file runs in
 * a process of its own, where a new PGlite spends most of its start-up creating and migrating its data directory
 * (about 5 s, against 2 s to load a migrated one), and on PostgreSQL a copy of a template replaces the migrations.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = await createThrowawayDatabase(serverUrl, 'customers_template');
    // Two connections: migrate() holds one for its lock while the migrations run on the other.
    const handle = openDatabase({ url: template.url, poolSize: 2 });
    await handle.migrate();
    await handle.close();
    project.provide('postgresTemplate', template.name);
    project.provide('pgliteSnapshot', '');
    return template.drop;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'customers-test-pglite-'));
  const snapshot = path.join(dir, 'migrated.tar');
  const handle = openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  const client = (handle.db as unknown as { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } }).$client;
  writeFileSync(snapshot, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresTemplate', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}
