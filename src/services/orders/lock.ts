import { sql, type Placeholder, type SQL } from 'drizzle-orm';

import { customers, orders } from '@/db/schema';

import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';

const NOT_FOUND = 'No order with this id';
// A merge moves an order at most once per attempt; more moves than this in the blink between two reads is not a race.
const ATTEMPTS = 5;

/**
 * The WITH items that lock an order and its customer for a status change (complete, refund, cancel), for the statement
 * that makes the change: the customer's row first, then the order's, the order a merge takes them in (customers, then
 * their orders), so the two queue and never deadlock. `locked_customer` (id, first_name, last_name, email,
 * total_spend) and `locked_order` (the order's columns) hold the rows as they are once locked, not as the statement's
 * snapshot had them: a row lock waits for the change before it and returns the row that change committed.
 *
 * NO KEY UPDATE is what the stats UPDATE takes anyway; it waits for a merge's FOR UPDATE, not for new orders' KEY SHARE.
 * A merge that moved the order meanwhile deleted the customer read first, so locked_customer is empty; or the order,
 * once locked, is under another customer, so locked_order is empty. Either way the statement changes nothing, and
 * lockedOrderStatement runs it again, with a new snapshot that finds the order under its new customer. So a change
 * lands before a merge (and is moved with the order) or after it (on the target), never on a deleted row.
 */
export function lockOrderCtes(id: string | Placeholder): SQL {
  return sql`order_owner as (
      select customer_id from ${orders} where id = ${id}
    ),
    locked_customer as (
      select id, first_name, last_name, email, total_spend from ${customers}
      where id = (select customer_id from order_owner)
      for no key update
    ),
    locked_order as (
      -- The customer's id comes from locked_customer, so its lock is taken before this one.
      select * from ${orders} where id = ${id} and customer_id = (select id from locked_customer)
      for update
    )`;
}

/** The columns that tell lockedOrderStatement what became of the lock: add them to the statement's SELECT list. */
export const LOCK_OUTCOME = sql`exists (select 1 from order_owner) as found, exists (select 1 from locked_order) as locked`;

export interface LockOutcome {
  found: boolean;
  locked: boolean;
}

/**
 * Runs `run`, a statement built on lockOrderCtes(id) that returns LOCK_OUTCOME, until it locked the order: again when a
 * merge moved the order meanwhile (nothing was changed). Throws NotFoundError, ConflictError (moved again and again).
 */
export async function lockedOrderStatement<Row extends LockOutcome>(id: string, run: () => Promise<Row>): Promise<Row> {
  assertUuid(id, NOT_FOUND);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await run();
    if (!row.found) throw new NotFoundError(NOT_FOUND);
    if (row.locked) return row;
  }
  throw new ConflictError('This order moved to another customer while it was being changed; try again');
}
