'use server';

// Form adapters for the order pages: authenticate, call one service, map the outcome to form state.
// Permissions are enforced by the services, so a refusal comes back as a readable message, not a crash.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { CustomerAddress, CustomerOption } from '@/lib/types';
import type { OrderCreateInput, OrderRefundInput } from '@/lib/validation/order';
import { listCustomerAddresses } from '@/services/customer-addresses';
import { listCustomers } from '@/services/customers';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '@/services/orders';

const SEARCH_LIMIT = 8;

// Everything that shows an order's status or counts it in a customer's numbers.
function revalidateOrder(order: { id: string; customerId: string }) {
  revalidatePath(`/dashboard/orders/${order.id}`);
  revalidatePath('/dashboard/orders');
  revalidatePath(`/dashboard/customers/${order.customerId}`);
  revalidatePath('/dashboard/customers');
}

/** The first few customers matching a search, for the order form's customer picker. */
export async function searchCustomersAction(q: string): Promise<ActionResult<CustomerOption[]>> {
  await requireStaff('customers:read');
  return toActionResult(async () => {
    const page = await listCustomers({ q, sort: 'name:asc', limit: SEARCH_LIMIT });
    return page.data.map((customer) => ({
      id: customer.id,
      name: `${customer.firstName} ${customer.lastName}`.trim(),
      email: customer.email,
      company: customer.company,
    }));
  });
}

/** The chosen customer's addresses, for the order form's shipping and billing choices. */
export async function customerAddressesAction(customerId: string): Promise<ActionResult<CustomerAddress[]>> {
  await requireStaff('customers:read');
  return toActionResult(() => listCustomerAddresses({ customerId }));
}

// Each action below takes the form's idempotency key: a repeat with it (a double click, a retry) acts once.

export async function createOrderAction(input: OrderCreateInput, idempotencyKey?: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff();
  const result = await toIdempotentActionResult({ actor, action: 'createOrder', key: idempotencyKey, input }, async () => {
    const order = await createOrder({ actor, input });
    return { id: order.id, customerId: order.customerId };
  });
  if (!result.ok) return result;
  revalidateOrder(result.data);
  return { ok: true, data: { id: result.data.id } };
}

export async function completeOrderAction(id: string, idempotencyKey?: string): Promise<ActionResult> {
  const actor = await requireStaff();
  return settle(await toIdempotentActionResult({ actor, action: 'completeOrder', key: idempotencyKey, input: { id } }, async () => orderRef((await completeOrder({ actor, id })).order)));
}

export async function cancelOrderAction(id: string, idempotencyKey?: string): Promise<ActionResult> {
  const actor = await requireStaff();
  return settle(await toIdempotentActionResult({ actor, action: 'cancelOrder', key: idempotencyKey, input: { id } }, async () => orderRef(await cancelOrder({ actor, id }))));
}

/**
 * Refunds `input.amount` minor units (or all that remains). `input.idempotencyKey` is the form's key and the refund's:
 * a repeat refunds once, and the key with another amount or reason is refused.
 */
export async function refundOrderAction(id: string, input: OrderRefundInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const key = typeof input.idempotencyKey === 'string' ? input.idempotencyKey : null;
  return settle(await toIdempotentActionResult({ actor, action: 'refundOrder', key, input: { id, input } }, async () => orderRef(await refundOrder({ actor, id, input }))));
}

// What the result keeps of an order: enough to refresh its pages (results are stored for replay).
const orderRef = ({ id, customerId }: { id: string; customerId: string }) => ({ id, customerId });

function settle(result: ActionResult<{ id: string; customerId: string }>): ActionResult {
  if (!result.ok) return result;
  revalidateOrder(result.data);
  return { ok: true, data: undefined };
}
