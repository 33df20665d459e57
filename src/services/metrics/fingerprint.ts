import { sql } from 'drizzle-orm';

import { queryRows, type Db, type Tx } from '@/db/client';

/**
 * A cheap number that changes whenever orders are inserted, updated or deleted: PostgreSQL's running count of row
 * changes to the orders table (pg_stat_user_tables), read without scanning a row. It is not transactional, may lag a
 * few seconds, and resets with the server's statistics; each of those only causes an extra run or a later one.
 */
export async function ordersFingerprint(db: Db | Tx): Promise<string> {
  const rows = await queryRows<{ changes: string | null }>(
    db,
    sql`select (n_tup_ins + n_tup_upd + n_tup_del)::text as changes from pg_stat_user_tables where relid = 'orders'::regclass`,
  );
  return rows[0]?.changes ?? 'unknown';
}
