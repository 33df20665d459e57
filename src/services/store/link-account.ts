import { and, eq, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';

import { recordCustomerEvent } from '../customers/events';
import { ConflictError } from '../errors';

/** A storefront login whose email has been verified. */
export interface VerifiedStoreLogin {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export const ACCOUNT_LINK_CONFLICT =
  'The customer record with this email already belongs to another store account. Contact the shop to sort it out.';

function selfActor(customerId: string, login: VerifiedStoreLogin): Actor {
  return { type: 'customer', id: customerId, role: 'customer', name: `${login.firstName} ${login.lastName}`.trim() };
}

/**
 * The customer a verified storefront login belongs to, linking it on first use: to the customer who already has the
 * email (entered by staff, made by a guest order or an import) or, when there is none, to a new customer with no
 * creator. Call it only once the email is verified: that is what stops a sign-up from claiming someone else's record.
 *
 * Idempotent and safe when called twice at once (the verification link and the first page load can race): the claim
 * is one conditional UPDATE, the insert yields to a concurrent one, and each statement sees what the other
 * committed. Throws ConflictError when the customer with this email is already linked to another login.
 */
export async function linkVerifiedStoreLogin(login: VerifiedStoreLogin): Promise<{ customerId: string; linked: 'already' | 'existing' | 'new' }> {
  const email = login.email.toLowerCase();
  return getDb().transaction(async (tx) => {
    const linkedId = async () => (await tx.select({ id: customers.id }).from(customers).where(eq(customers.userId, login.id)))[0]?.id;

    const already = await linkedId();
    if (already) return { customerId: already, linked: 'already' as const };

    const [claimed] = await tx
      .update(customers)
      .set({ userId: login.id, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.email, email), isNull(customers.userId)))
      .returning({ id: customers.id });
    if (claimed) {
      await recordCustomerEvent(tx, selfActor(claimed.id, login), claimed.id, 'customer.account_linked', { email });
      return { customerId: claimed.id, linked: 'existing' as const };
    }

    const [created] = await tx
      .insert(customers)
      .values({ firstName: login.firstName || email.split('@')[0], lastName: login.lastName, email, userId: login.id })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    if (created) {
      await recordCustomerEvent(tx, selfActor(created.id, login), created.id, 'customer.created', { source: 'storefront' });
      return { customerId: created.id, linked: 'new' as const };
    }

    // The insert met a customer with this email: either a concurrent call linked it to this login just now, or it
    // belongs to another login.
    const concurrent = await linkedId();
    if (concurrent) return { customerId: concurrent, linked: 'already' as const };
    throw new ConflictError(ACCOUNT_LINK_CONFLICT);
  });
}
