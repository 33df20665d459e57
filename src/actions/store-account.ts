'use server';

// Form adapters for the customer's own account: each resolves the signed-in customer itself and passes that id to
// one service. The customer id never comes from the client, so naming someone else's address finds nothing.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { getCustomerAuth } from '@/auth/customer-auth';
import { requireCustomer } from '@/auth/require-customer';
import { verifyStorePassword } from '@/auth/verify-store-password';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { CustomerAddress, StoreProfile } from '@/lib/types';
import type { AddressCreateInput, AddressUpdateInput } from '@/lib/validation/address';
import { storeAccountEraseSchema, type StoreAccountEraseInput } from '@/lib/validation/privacy';
import type { StoreProfileUpdateInput } from '@/lib/validation/store-account';
import { ValidationFailedError } from '@/services/errors';
import { eraseCustomer } from '@/services/privacy';
import { addCustomerAddress, deleteCustomerAddress, updateCustomer, updateCustomerAddress } from '@/services/customers';
import { toStoreProfile } from '@/services/store/account';

const ACCOUNT_PATH = '/store/account';

// Every account page shows the name, defaults or addresses somewhere: refresh the whole section after a write.
function revalidateAccount() {
  revalidatePath(ACCOUNT_PATH, 'layout');
}

export async function saveProfileAction(input: StoreProfileUpdateInput): Promise<ActionResult<StoreProfile>> {
  const actor = await requireCustomer();
  const result = await toActionResult(async () => toStoreProfile(await updateCustomer({ actor, id: actor.id, input })));
  if (result.ok) revalidateAccount();
  return result;
}

/** Adds an address to the signed-in customer's book; a repeated `idempotencyKey` (a double click, a retry) adds one. */
export async function addAddressAction(input: AddressCreateInput, idempotencyKey?: string): Promise<ActionResult<CustomerAddress>> {
  const actor = await requireCustomer();
  const result = await toIdempotentActionResult({ actor, action: 'addAddress', key: idempotencyKey, input }, () => addCustomerAddress({ actor, customerId: actor.id, input }));
  if (result.ok) revalidateAccount();
  return result;
}

export async function updateAddressAction(addressId: string, input: AddressUpdateInput): Promise<ActionResult<CustomerAddress>> {
  const actor = await requireCustomer();
  const result = await toActionResult(() => updateCustomerAddress({ actor, customerId: actor.id, addressId, input }));
  if (result.ok) revalidateAccount();
  return result;
}

export async function deleteAddressAction(addressId: string): Promise<ActionResult> {
  const actor = await requireCustomer();
  const result = await toActionResult(async () => {
    await deleteCustomerAddress({ actor, customerId: actor.id, addressId });
    return undefined;
  });
  if (result.ok) revalidateAccount();
  return result;
}

/** Makes one of the customer's addresses their default for shipping or billing; the previous default stops being one. */
export async function setDefaultAddressAction(addressId: string, kind: 'shipping' | 'billing'): Promise<ActionResult<CustomerAddress>> {
  const actor = await requireCustomer();
  if (kind !== 'shipping' && kind !== 'billing') return { ok: false, message: 'Choose shipping or billing', fieldErrors: [] };
  const input: AddressUpdateInput = kind === 'billing' ? { isDefaultBilling: true } : { isDefaultShipping: true };
  const result = await toActionResult(() => updateCustomerAddress({ actor, customerId: actor.id, addressId, input }));
  if (result.ok) revalidateAccount();
  return result;
}

const ACCOUNT_ERASED_PATH = '/store?account=erased';

/**
 * Erases the signed-in shopper's personal data and store login at once, after they typed their password again (see
 * README, "Privacy": why at once rather than a request for staff). Refused while an order of theirs is pending. On
 * success the session is gone with the login; the cookie is cleared and the shop's front page says it is done.
 */
export async function eraseMyAccountAction(input: StoreAccountEraseInput): Promise<ActionResult> {
  const actor = await requireCustomer();
  const requestHeaders = await headers();
  const result = await toActionResult(async () => {
    const parsed = storeAccountEraseSchema.safeParse(input);
    if (!parsed.success) throw ValidationFailedError.fromZod(parsed.error);
    await verifyStorePassword(requestHeaders, parsed.data.password);
    await eraseCustomer({ actor, customerId: actor.id });
    return undefined;
  });
  if (!result.ok) return result;
  try {
    await getCustomerAuth().api.signOut({ headers: requestHeaders });
  } catch {
    // The session row went with the login; better-auth may refuse to end it again. The cookie names nothing now.
  }
  revalidateAccount();
  redirect(ACCOUNT_ERASED_PATH);
}
