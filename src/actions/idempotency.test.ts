import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customers, orders } from '@/db/schema';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signInStaffMember, signUpStoreCustomer, type StoreCustomerSession } from '@/test/store-session';

// The actions read the session from the request's headers (the cookie the test sets) and refresh pages (a no-op here).
let requestCookie = '';
vi.mock('next/headers', () => ({ headers: async () => new Headers(requestCookie ? { cookie: requestCookie } : {}) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { createCustomerAction } = await import('./customers');
const { completeOrderAction, createOrderAction, refundOrderAction } = await import('./orders');
const storeAccount = await import('./store-account');

withTestDatabase();

let staffCookie: string;
let shopper: StoreCustomerSession;

beforeAll(async () => {
  staffCookie = (await signInStaffMember({ email: 'owner@idempotent-actions.test' })).cookie;
  shopper = await signUpStoreCustomer({ email: 'shopper@idempotent-actions.test', firstName: 'Sam', lastName: 'Shopper' });
});

const asStaff = () => (requestCookie = staffCookie);

async function countWhere(table: typeof customers | typeof orders | typeof customerAddresses, where: ReturnType<typeof eq>) {
  const [row] = await getDb().select({ n: count() }).from(table).where(where);
  return row.n;
}

describe(`server actions with an idempotency key (${TEST_DB_KIND})`, () => {
  it('creates one customer when the form submits twice with one key, and refuses the key with other values', async () => {
    asStaff();
    const input = { firstName: 'Dora', lastName: 'Double', email: 'dora@idempotent-actions.test' };
    const first = await createCustomerAction(input, 'submit-1');
    const second = await createCustomerAction(input, 'submit-1');
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(await countWhere(customers, eq(customers.email, input.email))).toBe(1);

    const changed = await createCustomerAction({ ...input, email: 'dora2@idempotent-actions.test' }, 'submit-1');
    expect(changed).toMatchObject({ ok: false, fieldErrors: [{ path: 'Idempotency-Key' }] });
    expect(await countWhere(customers, eq(customers.email, 'dora2@idempotent-actions.test'))).toBe(0);
    // Without a key, each call is its own request, as before: the second is refused as a duplicate email.
    expect(await createCustomerAction(input)).toMatchObject({ ok: false, fieldErrors: [{ path: 'email' }] });
  });

  it('places one order for concurrent submits with one key, and completes and refunds once', async () => {
    asStaff();
    const created = await createCustomerAction({ firstName: 'Otto', lastName: 'Order', email: 'otto@idempotent-actions.test' });
    if (!created.ok) throw new Error(created.message);
    const customerId = created.data.id;
    const input = { customerId, items: [{ sku: 'MUG-1', name: 'Enamel mug', quantity: 1, unitPrice: 2000 }] };
    const results = await Promise.all(Array.from({ length: 5 }, () => createOrderAction(input, 'place-1')));
    expect(await countWhere(orders, eq(orders.customerId, customerId))).toBe(1);
    const ids = new Set(results.flatMap((result) => (result.ok ? [result.data.id] : [])));
    expect(ids.size).toBe(1);
    const [orderId] = ids;

    expect(await completeOrderAction(orderId, 'complete-1')).toEqual({ ok: true });
    expect(await completeOrderAction(orderId, 'complete-1')).toEqual({ ok: true });

    expect(await refundOrderAction(orderId, { amount: 500, idempotencyKey: 'refund-1' })).toEqual({ ok: true });
    expect(await refundOrderAction(orderId, { amount: 500, idempotencyKey: 'refund-1' })).toEqual({ ok: true });
    expect(await refundOrderAction(orderId, { amount: 700, idempotencyKey: 'refund-1' })).toMatchObject({ ok: false });
    const [order] = await getDb().select({ refundedTotal: orders.refundedTotal, status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order).toEqual({ refundedTotal: 500, status: 'partially_refunded' });
  });

  it('adds one address to a shopper’s book for a repeated submit with one key', async () => {
    requestCookie = shopper.cookie;
    const input = { line1: '1 Retry Road', city: 'Leeds', countryCode: 'GB' };
    const first = await storeAccount.addAddressAction(input, 'address-1');
    expect(await storeAccount.addAddressAction(input, 'address-1')).toEqual(first);
    expect(first.ok).toBe(true);
    expect(await countWhere(customerAddresses, eq(customerAddresses.customerId, shopper.customerId))).toBe(1);
  });
});
