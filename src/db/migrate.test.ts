import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { sql } from 'drizzle-orm';

import { dropDatabaseWhenLeft } from '@/test/database';

import { openDatabase, queryRows } from './client';

const serverUrl = process.env.TEST_DATABASE_URL;

// PGlite is one process per data folder: instances starting at once exist only on PostgreSQL.
describe.skipIf(!serverUrl)('migrations run by several instances starting at once (postgres)', () => {
  it('all succeed, each migration applied once', async () => {
    const name = `customers_migrate_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const instances = [1, 2, 3].map(() => openDatabase({ url: url.toString(), poolSize: 2 }));
    try {
      await Promise.all(instances.map((instance) => instance.migrate()));
      const [{ applied }] = await queryRows<{ applied: number }>(instances[0].db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
      const journal = (await import('./migrations/meta/_journal.json')).default as { entries: unknown[] };
      expect(applied).toBe(journal.entries.length);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await dropDatabaseWhenLeft(admin, name);
      await admin.end();
    }
  });
});
