import { eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { linkVerifiedStoreLogin } from '@/services/store/link-account';

import { getCustomerAuth } from './customer-auth';

export type CustomerActor = Extract<Actor, { type: 'customer' }>;

async function linkedCustomer(userId: string) {
  const [row] = await getDb()
    .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName })
    .from(customers)
    .where(eq(customers.userId, userId));
  return row;
}

/**
 * The customer behind a storefront session cookie in these headers, or null. Only store sessions count: a staff
 * session is not a customer. A verified login that is not linked yet (the link after verification failed or raced)
 * is linked here; throws ConflictError when its email's customer belongs to another login.
 */
export async function customerActorFromHeaders(headers: Headers): Promise<CustomerActor | null> {
  const session = await getCustomerAuth().api.getSession({ headers });
  if (!session?.user.emailVerified) return null;
  const { id, email, firstName = '', lastName = '' } = session.user as typeof session.user & { firstName?: string; lastName?: string };
  let customer = await linkedCustomer(id);
  if (!customer) {
    await linkVerifiedStoreLogin({ id, email, firstName, lastName });
    customer = await linkedCustomer(id);
    if (!customer) return null;
  }
  return { type: 'customer', id: customer.id, role: 'customer', name: `${customer.firstName} ${customer.lastName}`.trim() };
}
