import { randomBytes } from 'node:crypto';

import { hashPassword } from 'better-auth/crypto';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customers, storeAccounts, storeUsers } from '@/db/schema';

import { recordCustomerEvent } from '../customers/events';

/**
 * Gives one demo customer with orders a verified storefront login, so that a new shop can try the customer's side
 * without a mail server: the demo customer who ordered most. Returns its credentials, or null without such a customer.
 */
export async function createDemoStoreLogin(password = randomBytes(9).toString('base64url')): Promise<{ email: string; password: string } | null> {
  const db = getDb();
  const [customer] = await db
    .select({ id: customers.id, email: customers.email, firstName: customers.firstName, lastName: customers.lastName })
    .from(customers)
    .where(and(isNotNull(customers.email), isNull(customers.userId), isNull(customers.erasedAt)))
    .orderBy(desc(customers.orderCount), customers.id)
    .limit(1);
  if (!customer?.email) return null;
  const email = customer.email;
  const userId = crypto.randomUUID();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const name = `${customer.firstName} ${customer.lastName}`.trim();
    await tx.insert(storeUsers).values({ id: userId, name, email, emailVerified: true, firstName: customer.firstName, lastName: customer.lastName });
    // better-auth's email-and-password account: provider "credential", keyed by the user id.
    await tx.insert(storeAccounts).values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: hash });
    await tx.update(customers).set({ userId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` }).where(eq(customers.id, customer.id));
    await recordCustomerEvent(tx, { type: 'system', id: null, role: 'owner', name: 'Demo data' }, customer.id, 'customer.account_linked', { email });
  });
  return { email, password };
}
