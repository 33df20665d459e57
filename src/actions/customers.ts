'use server';

// Form adapters for the customer pages: authenticate, call one service, map the outcome to form state.
// Permissions are enforced by the services, so a refusal comes back as a readable message, not a crash.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { CustomerAddress, OrderSummary, Page } from '@/lib/types';
import type { AddressCreateInput, AddressUpdateInput } from '@/lib/validation/address';
import type { CustomerCreateInput, CustomerUpdateInput } from '@/lib/validation/customer';
import {
  addCustomerAddress,
  createCustomer,
  deleteCustomer,
  deleteCustomerAddress,
  updateCustomer,
  updateCustomerAddress,
} from '@/services/customers';
import { listCustomerOrders } from '@/services/orders';
import { eraseCustomer } from '@/services/privacy';
import type { CustomerEraseInput } from '@/lib/validation/privacy';

const LIST_PATH = '/dashboard/customers';
const detailPath = (id: string) => `${LIST_PATH}/${id}`;

/** Creates a customer; a repeated `idempotencyKey` (a double click, a retry) creates one. */
export async function createCustomerAction(input: CustomerCreateInput, idempotencyKey?: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff();
  const result = await toIdempotentActionResult({ actor, action: 'createCustomer', key: idempotencyKey, input }, async () => {
    const customer = await createCustomer({ actor, input });
    return { id: customer.id };
  });
  if (result.ok) revalidatePath(LIST_PATH);
  return result;
}

export async function updateCustomerAction(id: string, input: CustomerUpdateInput): Promise<ActionResult<{ id: string; version: number }>> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    const customer = await updateCustomer({ actor, id, input });
    return { id: customer.id, version: customer.version };
  });
  if (result.ok) {
    revalidatePath(LIST_PATH);
    revalidatePath(detailPath(id));
  }
  return result;
}

/** Deletes the customer and goes back to the list; on refusal (role, orders) answers the message instead. */
export async function deleteCustomerAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    await deleteCustomer({ actor, id });
    return undefined;
  });
  if (!result.ok) return result;
  revalidatePath(LIST_PATH);
  redirect(LIST_PATH);
}

/**
 * Erases the customer's personal data (the service checks the role and the typed confirmation); the page then shows the
 * erased record. A retry with the same `idempotencyKey` gets the first answer.
 */
export async function eraseCustomerAction(id: string, input: CustomerEraseInput, idempotencyKey?: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toIdempotentActionResult({ actor, action: 'eraseCustomer', key: idempotencyKey, input: { id, input } }, async () => {
    await eraseCustomer({ actor, customerId: id, input });
    return undefined;
  });
  if (result.ok) {
    revalidatePath(LIST_PATH);
    revalidatePath(detailPath(id));
  }
  return result;
}

export async function addAddressAction(customerId: string, input: AddressCreateInput, idempotencyKey?: string): Promise<ActionResult<CustomerAddress>> {
  const actor = await requireStaff();
  const result = await toIdempotentActionResult({ actor, action: 'addAddress', key: idempotencyKey, input: { customerId, input } }, () =>
    addCustomerAddress({ actor, customerId, input }),
  );
  if (result.ok) revalidatePath(detailPath(customerId));
  return result;
}

export async function updateAddressAction(customerId: string, addressId: string, input: AddressUpdateInput): Promise<ActionResult<CustomerAddress>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => updateCustomerAddress({ actor, customerId, addressId, input }));
  if (result.ok) revalidatePath(detailPath(customerId));
  return result;
}

export async function deleteAddressAction(customerId: string, addressId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    await deleteCustomerAddress({ actor, customerId, addressId });
    return undefined;
  });
  if (result.ok) revalidatePath(detailPath(customerId));
  return result;
}

/** The next page of a customer's purchase history after `cursor` (the detail page's "Show older orders"). */
export async function listCustomerOrdersAction(customerId: string, cursor: string): Promise<ActionResult<Page<OrderSummary>>> {
  await requireStaff('orders:read');
  return toActionResult(() => listCustomerOrders({ customerId, cursor }));
}
