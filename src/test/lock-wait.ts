import { sql } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';

/**
 * Resolves once another session of the test database waits for a lock (PostgreSQL only), so that a test holding a
 * transaction open knows the racing call has reached the locked row before it commits.
 */
export async function waitForALockWait(): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const [{ waiting }] = await queryRows<{ waiting: number }>(getDb(), sql`
      select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('No session waited for a lock');
}
