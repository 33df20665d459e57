import type { Actor } from '@/lib/types';

import { NotFoundError } from '../errors';
import { assertCan } from '../permissions';

/**
 * Who may export or erase a person's data: owners and admins (`customers:privacy`), and the person themselves from the
 * storefront. A customer naming anyone else's record is told it does not exist, so guessing ids reveals nothing.
 */
export function assertCanActOnPersonalData(actor: Actor, customerId: string, notFoundMessage: string): void {
  if (actor.type === 'customer') {
    if (actor.id !== customerId) throw new NotFoundError(notFoundMessage);
    return;
  }
  assertCan(actor, 'customers:privacy');
}
