import { eq } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';
import { customerMerges } from '@/db/schema';

import { NotFoundError } from '../errors';

const NOT_FOUND_MESSAGE = 'No customer with this id';

/** The customer that `id` was merged into, if it was (chains are flattened when merged again, so one lookup). */
export async function findMergeTarget(db: Db | Tx, id: string): Promise<string | null> {
  const [row] = await db.select({ targetId: customerMerges.targetId }).from(customerMerges).where(eq(customerMerges.sourceId, id));
  return row?.targetId ?? null;
}

/** The NotFoundError for a missing customer: naming the customer it was merged into (`mergedInto`), when it was. */
export async function customerNotFound(db: Db | Tx, id: string): Promise<NotFoundError> {
  const targetId = await findMergeTarget(db, id);
  if (!targetId) return new NotFoundError(NOT_FOUND_MESSAGE);
  return new NotFoundError(`This customer was merged into customer ${targetId}`, { mergedInto: targetId });
}
