import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { ConflictError } from '@/services/errors';

import { customerActorFromHeaders, type CustomerActor } from './customer-actor';

export const STORE_SIGN_IN_PATH = '/store/sign-in';
export const ACCOUNT_CONFLICT_PARAM = 'account_conflict';

/** The signed-in storefront customer for this request (deduplicated per render), or null. */
export const getCustomerActor = cache(async () => customerActorFromHeaders(await headers()));

/**
 * For account pages and their server actions: the customer, or a redirect to the store's sign-in. Every page and
 * action calls it itself; the proxy's cookie check only saves a render.
 */
export async function requireCustomer(): Promise<CustomerActor> {
  let actor: CustomerActor | null;
  try {
    actor = await getCustomerActor();
  } catch (error) {
    if (error instanceof ConflictError) redirect(`${STORE_SIGN_IN_PATH}?error=${ACCOUNT_CONFLICT_PARAM}`);
    throw error;
  }
  if (!actor) redirect(STORE_SIGN_IN_PATH);
  return actor;
}
