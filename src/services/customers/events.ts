import { sql, type Placeholder, type SQL } from 'drizzle-orm';

import { customerEvents } from '@/db/schema';
import type { Db, Tx } from '@/db/client';
import type { Actor } from '@/lib/types';

/** Appends to a customer's timeline, inside the caller's transaction so the event and the change land together. */
export async function recordCustomerEvent(
  tx: Db | Tx,
  actor: Actor,
  customerId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(customerEvents).values({ customerId, type, actorType: actor.type, actorId: actor.id, data });
}

/** Who an event is by: an Actor, or placeholders for its type and id in a statement built once (db/client.ts preparedStatement). */
export type EventActor = Pick<Actor, 'type' | 'id'> | { type: Placeholder; id: Placeholder };

/** Placeholders for the actor of a statement built once, and the values to run it with. */
export const ACTOR_PLACEHOLDERS = { type: sql.placeholder('actorType'), id: sql.placeholder('actorId') } satisfies EventActor;
export const actorValues = (actor: Actor) => ({ actorType: actor.type, actorId: actor.id });

/**
 * The same append as an INSERT for a WITH item of the statement that makes the change: one event of `type` per row
 * of `source` (a query giving customer_id and data jsonb), so the event lands with the change in one round trip.
 */
export function customerEventsSql(actor: EventActor, type: string, source: SQL): SQL {
  return sql`insert into ${customerEvents} (customer_id, type, actor_type, actor_id, data)
    select s.customer_id, ${type}::text, ${actor.type}::text, ${actor.id}::text, s.data from (${source}) s`;
}
