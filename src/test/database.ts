import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, inject } from 'vitest';

import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';

import { createThrowawayDatabase } from './server-database';

/** Which database the suite runs on: real PostgreSQL when TEST_DATABASE_URL is set, otherwise in-memory PGlite. */
export const TEST_DB_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * Gives the calling test file a fresh, migrated database of its own and points getDb() at it.
 * On PostgreSQL it creates a throw-away database on the TEST_DATABASE_URL server and drops it afterwards.
 */
export function withTestDatabase(): { handle: () => DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      // Copied from the migrated template of src/test/global-setup.ts when there is one.
      const database = await createThrowawayDatabase(serverUrl, 'customers_test', inject('postgresTemplate') || undefined);
      handle = openDatabase({ url: database.url, poolSize: 60 });
      dropDatabase = database.drop;
    } else {
      const snapshot = inject('pgliteSnapshot');
      handle = openDatabase({ dataDir: 'memory://', loadDataDir: snapshot ? new Blob([readFileSync(snapshot)]) : undefined });
    }
    await handle.migrate();
    setDatabase(handle);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await handle?.close();
    await dropDatabase?.();
  });

  return {
    handle: () => {
      if (!handle) throw new Error('withTestDatabase: the database is opened in beforeAll');
      return handle;
    },
  };
}
