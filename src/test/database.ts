import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';

import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';

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
      const name = `customers_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      // Copied from the migrated template of src/test/global-setup.ts when there is one.
      const template = inject('postgresTemplate');
      await admin.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      handle = openDatabase({ url: url.toString(), poolSize: 60 });
      dropDatabase = async () => {
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await dropDatabaseWhenLeft(cleanup, name);
        await cleanup.end();
      };
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

/**
 * Drops a throw-away test database once its connections have gone. pool.end() resolves before the server has seen
 * every client leave; forcing the drop while one is still saying goodbye kills it, which surfaces as an unhandled
 * 57P01 ("terminating connection due to administrator command") and fails the run. A busy machine makes that likely.
 */
export async function dropDatabaseWhenLeft(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt += 1) {
    const { rows } = await admin.query<{ open: number }>('select count(*)::int as open from pg_stat_activity where datname = $1', [name]);
    if (rows[0].open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
}
