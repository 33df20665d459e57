import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers, orders } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { waitForALockWait } from '@/test/lock-wait';

import { createCustomer, deleteCustomer, getCustomerById, listCustomerEvents } from './customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from './errors';
import { cancelOrder, completeOrder, createOrder, listCustomerOrders, listOrders, refundOrder } from './orders';

withTestDatabase();

let staff: Actor;
let admin: Actor;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
});

async function newCustomer() {
  return createCustomer({ actor: staff, input: { firstName: 'Buyer', email: `${crypto.randomUUID()}@example.com` } });
}

function place(customerId: string, unitPrice = 1250, quantity = 2, placedAt?: string) {
  return createOrder({ actor: staff, input: { customerId, items: [{ sku: 'MUG-1', name: 'Mug', quantity, unitPrice }], shippingTotal: 499, placedAt } });
}

async function stats(customerId: string) {
  const [row] = await getDb().select().from(customers).where(eq(customers.id, customerId));
  return row;
}

async function fieldOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailedError);
  return (error as ValidationFailedError).fieldErrors?.[0]?.path;
}

describe(`createOrder (${TEST_DB_KIND})`, () => {
  it('places a pending order with a human number and totals in minor units', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    expect(order).toMatchObject({ status: 'pending', subtotal: 2500, shippingTotal: 499, total: 2999, itemCount: 2, currency: 'GBP', customerId: customer.id });
    expect(order.orderNumber).toMatch(/^#\d{4,}$/);
    expect(order.items).toEqual([expect.objectContaining({ sku: 'MUG-1', quantity: 2, unitPrice: 1250, lineTotal: 2500 })]);
    expect((await stats(customer.id)).totalSpend).toBe(0);
  });

  // One PGlite connection runs one transaction at a time, so only PostgreSQL can interleave the two.
  it.skipIf(TEST_DB_KIND === 'pglite')('refuses an order for a customer deleted while it was being placed, naming the customer field', async () => {
    const customer = await newCustomer();
    let placing: Promise<unknown> | undefined;
    // What deleteCustomer does: lock the customer, find no orders, delete it; the order arrives before the commit.
    await getDb().transaction(async (tx) => {
      await tx.select().from(customers).where(eq(customers.id, customer.id)).for('update');
      placing = place(customer.id).catch((error: unknown) => error);
      await waitForALockWait();
      await tx.delete(customers).where(eq(customers.id, customer.id));
    });
    const error = await placing;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors?.[0]?.path).toBe('customerId');
  });

  it('names the bad field: unknown customer, no items, fractional quantity, price as a decimal, discount above subtotal, other currency', async () => {
    const customer = await newCustomer();
    const item = { sku: 'A', name: 'A', quantity: 1, unitPrice: 100 };
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: crypto.randomUUID(), items: [item] } }))).toBe('customerId');
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: customer.id, items: [] } }))).toBe('items');
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: customer.id, items: [{ ...item, quantity: 1.5 }] } }))).toBe('items.0.quantity');
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: customer.id, items: [{ ...item, unitPrice: 9.99 }] } }))).toBe('items.0.unitPrice');
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: customer.id, items: [item], discountTotal: 101 } }))).toBe('discountTotal');
    expect(await fieldOf(createOrder({ actor: staff, input: { customerId: customer.id, items: [item], currency: 'USD' } }))).toBe('currency');
    expect((await listCustomerOrders({ customerId: customer.id })).data).toHaveLength(0);
  });

  it('refuses an order whose tax and shipping push the total past what can be counted exactly', async () => {
    const customer = await newCustomer();
    const huge = Number.MAX_SAFE_INTEGER;
    const input = { customerId: customer.id, items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 1 }], taxTotal: huge, shippingTotal: huge };
    expect(await fieldOf(createOrder({ actor: staff, input }))).toBe('items');
    expect((await listCustomerOrders({ customerId: customer.id })).data).toHaveLength(0);
  });
});

describe(`order lifecycle (${TEST_DB_KIND})`, () => {
  it('completing adds the total, counts the order and sets first and last order dates; the timeline records it', async () => {
    const customer = await newCustomer();
    const older = await place(customer.id, 1000, 1, '2024-01-10T10:00:00Z');
    const newer = await place(customer.id, 2000, 1, '2024-03-05T10:00:00Z');
    await completeOrder({ actor: staff, id: newer.id });
    await completeOrder({ actor: staff, id: older.id });
    const row = await stats(customer.id);
    expect(row).toMatchObject({ totalSpend: 1499 + 2499, orderCount: 2 });
    expect(row.firstOrderDate?.toISOString()).toBe('2024-01-10T10:00:00.000Z');
    expect(row.lastOrderDate?.toISOString()).toBe('2024-03-05T10:00:00.000Z');
    const events = (await listCustomerEvents({ customerId: customer.id })).data.map((e) => e.type);
    expect(events.filter((t) => t === 'order.completed')).toHaveLength(2);
  });

  it("refuses a completion that would take the customer's total spend past Number.MAX_SAFE_INTEGER, and keeps the order pending", async () => {
    const customer = await newCustomer();
    const biggest = (await place(customer.id, Number.MAX_SAFE_INTEGER - 499, 1)).id;
    const more = (await place(customer.id, 1, 1)).id;
    await completeOrder({ actor: staff, id: biggest });
    await expect(completeOrder({ actor: staff, id: more })).rejects.toBeInstanceOf(ConflictError);
    expect(await stats(customer.id)).toMatchObject({ totalSpend: Number.MAX_SAFE_INTEGER, orderCount: 1 });
    const [order] = await getDb().select().from(orders).where(eq(orders.id, more));
    expect(order.status).toBe('pending');
  });

  it('counts a completion once when called twice', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    expect((await completeOrder({ actor: staff, id: order.id })).applied).toBe(true);
    expect((await completeOrder({ actor: staff, id: order.id })).applied).toBe(false);
    expect(await stats(customer.id)).toMatchObject({ totalSpend: 2999, orderCount: 1 });
  });

  it('counts 20 concurrent completions of the same order once', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => completeOrder({ actor: staff, id: order.id })));
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await stats(customer.id)).toMatchObject({ totalSpend: 2999, orderCount: 1 });
  });

  it('sums 50 concurrent completions of different orders of one customer exactly', async () => {
    const customer = await newCustomer();
    const placed = [];
    for (let i = 1; i <= 50; i++) placed.push(await place(customer.id, i * 100, 1));
    await Promise.all(placed.map((order) => completeOrder({ actor: staff, id: order.id })));
    const expected = placed.reduce((sum, order) => sum + order.total, 0);
    expect(await stats(customer.id)).toMatchObject({ totalSpend: expected, orderCount: 50 });
  });

  it('refuses illegal transitions with a message naming the state', async () => {
    const customer = await newCustomer();
    const pending = await place(customer.id);
    await expect(refundOrder({ actor: admin, id: pending.id })).rejects.toThrow(/is pending, so it cannot be refunded/);
    await cancelOrder({ actor: admin, id: pending.id });
    await expect(completeOrder({ actor: staff, id: pending.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelOrder({ actor: admin, id: pending.id })).rejects.toThrow(/is cancelled/);
  });

  it('lets only owners and admins cancel and refund', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    await completeOrder({ actor: staff, id: order.id });
    await expect(refundOrder({ actor: staff, id: order.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelOrder({ actor: staff, id: order.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('takes back partial and full refunds from the spend, and still counts a fully refunded order and its date', async () => {
    const customer = await newCustomer();
    const first = await place(customer.id, 1000, 1, '2024-01-01T00:00:00Z');
    const second = await place(customer.id, 5000, 1, '2024-06-01T00:00:00Z');
    await completeOrder({ actor: staff, id: first.id });
    await completeOrder({ actor: staff, id: second.id });
    const partly = await refundOrder({ actor: admin, id: second.id, input: { amount: 1000, reason: 'chipped' } });
    expect(partly).toMatchObject({ status: 'partially_refunded', refundedTotal: 1000 });
    expect(await stats(customer.id)).toMatchObject({ totalSpend: 1499 + 5499 - 1000, orderCount: 2 });
    expect(await fieldOf(refundOrder({ actor: admin, id: second.id, input: { amount: 4500 } }))).toBe('amount');
    const fully = await refundOrder({ actor: admin, id: second.id });
    expect(fully).toMatchObject({ status: 'refunded', refundedTotal: 5499 });
    const row = await stats(customer.id);
    expect(row).toMatchObject({ totalSpend: 1499, orderCount: 2 });
    expect(row.firstOrderDate?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(row.lastOrderDate?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  it('counts a customer whose one order was refunded in full as having ordered once, for nothing', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id, 1000, 1, '2024-05-20T15:30:00Z');
    await completeOrder({ actor: staff, id: order.id });
    await refundOrder({ actor: admin, id: order.id, input: { reason: 'Returned' } });
    const detail = await getCustomerById({ id: customer.id });
    expect(detail.metrics).toMatchObject({
      orderCount: 1,
      totalSpend: 0,
      averageOrderValue: 0,
      firstOrderDate: '2024-05-20T15:30:00.000Z',
      lastOrderDate: '2024-05-20T15:30:00.000Z',
    });
  });

  it('refunds once for a repeated idempotency key, even concurrently', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    await completeOrder({ actor: staff, id: order.id });
    await Promise.all(Array.from({ length: 5 }, () => refundOrder({ actor: admin, id: order.id, input: { amount: 500, idempotencyKey: 'refund-42' } })));
    await refundOrder({ actor: admin, id: order.id, input: { amount: 500, idempotencyKey: 'refund-42' } });
    expect(await stats(customer.id)).toMatchObject({ totalSpend: 2499 });
  });

  it('cancelling a completed order takes out what was not yet refunded and clears the dates of a last order', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    await completeOrder({ actor: staff, id: order.id });
    await refundOrder({ actor: admin, id: order.id, input: { amount: 999 } });
    await expect(cancelOrder({ actor: admin, id: order.id })).rejects.toThrow(/partially refunded/);
    const other = await place(customer.id);
    await completeOrder({ actor: staff, id: other.id });
    await cancelOrder({ actor: admin, id: other.id });
    expect(await stats(customer.id)).toMatchObject({ totalSpend: 2000, orderCount: 1 });
  });
});

describe(`concurrent cancellations (${TEST_DB_KIND})`, () => {
  it('leaves the dates of the orders that still count when the newest orders are cancelled at the same time', async () => {
    const customer = await newCustomer();
    const placed = [];
    for (let day = 1; day <= 16; day++) placed.push(await place(customer.id, 1000, 1, `2024-04-${String(day).padStart(2, '0')}T09:00:00Z`));
    for (const order of placed) await completeOrder({ actor: staff, id: order.id });
    // Each cancellation recomputes the dates from the orders that still count, so it must see the others' commits.
    await Promise.all(placed.slice(1, -1).map((order) => cancelOrder({ actor: admin, id: order.id })));
    const row = await stats(customer.id);
    expect(row).toMatchObject({ orderCount: 2, totalSpend: 2 * 1499 });
    expect(row.firstOrderDate?.toISOString()).toBe('2024-04-01T09:00:00.000Z');
    expect(row.lastOrderDate?.toISOString()).toBe('2024-04-16T09:00:00.000Z');
    await Promise.all([cancelOrder({ actor: admin, id: placed[0].id }), cancelOrder({ actor: admin, id: placed[15].id })]);
    expect(await stats(customer.id)).toMatchObject({ orderCount: 0, totalSpend: 0, firstOrderDate: null, lastOrderDate: null });
  });
});

describe(`purchase history (${TEST_DB_KIND})`, () => {
  it('getCustomerById returns the newest orders and metrics; older orders page by cursor', async () => {
    const customer = await newCustomer();
    for (let day = 1; day <= 25; day++) {
      const order = await place(customer.id, 1000, 1, `2024-02-${String(day).padStart(2, '0')}T12:00:00Z`);
      await completeOrder({ actor: staff, id: order.id });
    }
    const detail = await getCustomerById({ id: customer.id });
    expect(detail.orders).toHaveLength(10);
    expect(detail.orders[0].placedAt).toBe('2024-02-25T12:00:00.000Z');
    expect(detail.metrics).toMatchObject({ orderCount: 25, totalSpend: 25 * 1499, averageOrderValue: 1499 });
    const seen = [...detail.orders];
    let cursor = detail.ordersNextCursor;
    while (cursor) {
      const page = await listCustomerOrders({ customerId: customer.id, cursor, limit: 7 });
      seen.push(...page.data);
      cursor = page.nextCursor;
    }
    expect(seen.map((o) => o.placedAt)).toEqual([...seen.map((o) => o.placedAt)].sort().reverse());
    expect(new Set(seen.map((o) => o.id)).size).toBe(25);
  });

  it('refuses to delete a customer with only a pending order', async () => {
    const customer = await newCustomer();
    await place(customer.id);
    await expect(deleteCustomer({ actor: admin, id: customer.id })).rejects.toThrow(/1 order/);
  });

  it('lists orders by status and customer, newest first', async () => {
    const customer = await newCustomer();
    const order = await place(customer.id);
    await completeOrder({ actor: staff, id: order.id });
    const { data } = await listOrders({ customerId: customer.id, status: 'completed' });
    expect(data).toEqual([expect.objectContaining({ id: order.id, customerName: 'Buyer' })]);
    expect(await fieldOf(listOrders({ status: 'shipped' as 'pending' }))).toBe('status');
  });
});

type Operation = { kind: 'create'; price: number } | { kind: 'complete'; pick: number } | { kind: 'cancel'; pick: number } | { kind: 'refund'; pick: number; part: number; isRest: boolean };

describe(`customer stats invariant (${TEST_DB_KIND})`, () => {
  it('keeps totalSpend == completed totals - refunds, orderCount and the dates right through any sequence of operations', async () => {
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), price: fc.integer({ min: 1, max: 100_000 }) }),
      fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      // isRest refunds what remains, so that orders refunded in full are as common as partly refunded ones.
      fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }), isRest: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const customer = await newCustomer();
        const ids: string[] = [];
        for (const op of operations) {
          if (op.kind === 'create') {
            ids.push((await place(customer.id, op.price, 1)).id);
            continue;
          }
          if (ids.length === 0) continue;
          const id = ids[op.pick % ids.length];
          const attempt =
            op.kind === 'complete'
              ? completeOrder({ actor: staff, id })
              : op.kind === 'cancel'
                ? cancelOrder({ actor: admin, id })
                : refundOrder({ actor: admin, id, input: op.isRest ? {} : { amount: Math.max(1, Math.floor((op.part / 100) * 1000)) } });
          // Illegal transitions and over-refunds are refused; the invariant must hold either way.
          await attempt.catch((error: unknown) => {
            if (!(error instanceof ConflictError) && !(error instanceof ValidationFailedError)) throw error;
          });
        }
        const [expected] = await getDb()
          .select({
            spend: sql<number>`coalesce(sum(${orders.total} - ${orders.refundedTotal}) filter (where ${orders.status} in ('completed', 'partially_refunded', 'refunded')), 0)::bigint`,
            count: sql<number>`count(*) filter (where ${orders.status} in ('completed', 'partially_refunded', 'refunded'))::int`,
            first: sql<Date | null>`min(${orders.placedAt}) filter (where ${orders.status} in ('completed', 'partially_refunded', 'refunded'))`,
            last: sql<Date | null>`max(${orders.placedAt}) filter (where ${orders.status} in ('completed', 'partially_refunded', 'refunded'))`,
          })
          .from(orders)
          .where(eq(orders.customerId, customer.id));
        const row = await stats(customer.id);
        expect(row.totalSpend).toBe(Number(expected.spend));
        expect(row.orderCount).toBe(expected.count);
        expect(row.firstOrderDate?.getTime() ?? null).toBe(expected.first ? new Date(expected.first).getTime() : null);
        expect(row.lastOrderDate?.getTime() ?? null).toBe(expected.last ? new Date(expected.last).getTime() : null);
      }),
      { numRuns: 30 },
    );
  });
});
