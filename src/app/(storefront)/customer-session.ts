import { getCustomerActor } from '@/auth/require-customer';
import { ConflictError } from '@/services/errors';

export type CustomerSession = { isSignedIn: false } | { isSignedIn: true; name: string | null };

/**
 * Who is shopping, for the storefront's header and pages (deduplicated per request by getCustomerActor). A login
 * whose email's customer belongs to another login still counts as signed in, without a name: the account pages
 * explain the conflict.
 */
export async function getCustomerSession(): Promise<CustomerSession> {
  try {
    const actor = await getCustomerActor();
    return actor ? { isSignedIn: true, name: actor.name || null } : { isSignedIn: false };
  } catch (error) {
    if (error instanceof ConflictError) return { isSignedIn: true, name: null };
    throw error;
  }
}
