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
