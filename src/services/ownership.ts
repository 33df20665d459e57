import type { Actor } from '@/lib/types';

import { NotFoundError } from './errors';
import { assertCan } from './permissions';

/**
 * Who may change a customer's own record (profile, addresses): staff whose role writes customers, and the customer
 * themselves. A customer naming anyone else's record is told it does not exist, never that it is forbidden, so that
 * guessing ids reveals nothing.
 */
export function assertCanChangeCustomer(actor: Actor, customerId: string, notFoundMessage: string): void {
  if (actor.type === 'customer') {
    if (actor.id !== customerId) throw new NotFoundError(notFoundMessage);
    return;
  }
  assertCan(actor, 'customers:write');
}
