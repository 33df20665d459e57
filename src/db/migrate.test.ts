import { describe, expect, it } from 'vitest';

import { sql } from 'drizzle-orm';

import { createThrowawayDatabase } from '@/test/server-database';

import { openDatabase, queryRows } from './client';

const serverUrl = process.env.TEST_DATABASE_URL;

// PGlite is one process per data folder: instances starting at once exist only on PostgreSQL.
describe.skipIf(!serverUrl)('migrations run by several instances starting at once (postgres)', () => {
  it('all succeed, each migration applied once', async () => {
    const database = await createThrowawayDatabase(serverUrl!, 'customers_migrate');
    const instances = [1, 2, 3].map(() => openDatabase({ url: database.url, poolSize: 2 }));
    try {
      await Promise.all(instances.map((instance) => instance.migrate()));
      const [{ applied }] = await queryRows<{ applied: number }>(instances[0].db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
      const journal = (await import('./migrations/meta/_journal.json')).default as { entries: unknown[] };
      expect(applied).toBe(journal.entries.length);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await database.drop();
    }
  });
});
