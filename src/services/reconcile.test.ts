import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, listCustomerEvents } from './customers';
import { ForbiddenError } from './errors';
import { completeOrder, createOrder, refundOrder } from './orders';
import { reconcileCustomerStats } from './reconcile';

withTestDatabase();

let staff: Actor;
let admin: Actor;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
});

async function buyer(spends: number[]) {
  const customer = await createCustomer({ actor: staff, input: { firstName: 'Buyer', email: `${crypto.randomUUID()}@example.com` } });
  const orderIds: string[] = [];
  for (const [i, unitPrice] of spends.entries()) {
    const placedAt = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
    const order = await createOrder({ actor: staff, input: { customerId: customer.id, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice }], placedAt } });
    await completeOrder({ actor: staff, id: order.id });
    orderIds.push(order.id);
  }
  return { id: customer.id, orderIds };
}

async function storedStats(id: string) {
  const [row] = await getDb()
    .select({ totalSpend: customers.totalSpend, orderCount: customers.orderCount, firstOrderDate: customers.firstOrderDate, lastOrderDate: customers.lastOrderDate })
    .from(customers)
    .where(eq(customers.id, id));
  return row;
}

describe(`reconcileCustomerStats (${TEST_DB_KIND})`, () => {
  it('finds no drift when every change went through the order service', async () => {
    const a = await buyer([1000, 2500]);
    await refundOrder({ actor: admin, id: a.orderIds[0], input: { amount: 300 } });
    await refundOrder({ actor: admin, id: a.orderIds[1] });
    await buyer([]);
    const report = await reconcileCustomerStats({ actor: admin, chunkSize: 2 });
    expect(report.customersChecked).toBeGreaterThanOrEqual(2);
    expect(report.driftCount).toBe(0);
    // The order refunded in full still counts, with its date; it adds nothing to the spend.
    expect(await storedStats(a.id)).toEqual({ totalSpend: 1000 - 300, orderCount: 2, firstOrderDate: new Date('2025-01-01T00:00:00Z'), lastOrderDate: new Date('2025-01-02T00:00:00Z') });
  });

  it('reports drifts planted directly in the table, and --fix repairs them with a timeline entry', async () => {
    const spendOff = await buyer([1000, 2000]);
    const countOff = await buyer([500]);
    const dateOff = await buyer([700, 800]);
    const phantom = await buyer([]);
    const before = await storedStats(dateOff.id);
    await getDb().execute(sql`update customers set total_spend = total_spend + 1 where id = ${spendOff.id}`);
    await getDb().execute(sql`update customers set order_count = 0 where id = ${countOff.id}`);
    await getDb().execute(sql`update customers set last_order_date = '2020-01-01T00:00:00Z' where id = ${dateOff.id}`);
    await getDb().execute(sql`update customers set total_spend = 4999, order_count = 1 where id = ${phantom.id}`);

    // Small chunks, so that the drifts fall into different chunks.
    const report = await reconcileCustomerStats({ actor: admin, chunkSize: 3 });
    const planted = [spendOff.id, countOff.id, dateOff.id, phantom.id];
    expect(report.drifts.map((d) => d.customerId).filter((id) => planted.includes(id)).sort()).toEqual([...planted].sort());
    const byId = new Map(report.drifts.map((d) => [d.customerId, d]));
    expect(byId.get(spendOff.id)).toMatchObject({ stored: { totalSpend: 3001 }, actual: { totalSpend: 3000, orderCount: 2 } });
    expect(byId.get(countOff.id)).toMatchObject({ stored: { orderCount: 0 }, actual: { orderCount: 1, totalSpend: 500 } });
    expect(byId.get(dateOff.id)).toMatchObject({ stored: { lastOrderDate: '2020-01-01T00:00:00.000Z' }, actual: { lastOrderDate: before.lastOrderDate?.toISOString() } });
    expect(byId.get(phantom.id)).toMatchObject({ stored: { totalSpend: 4999, orderCount: 1 }, actual: { totalSpend: 0, orderCount: 0, lastOrderDate: null } });
    expect(report.fixed).toBe(0);
    // Without --fix nothing changes.
    expect((await storedStats(spendOff.id)).totalSpend).toBe(3001);

    const fixed = await reconcileCustomerStats({ actor: admin, fix: true, chunkSize: 3 });
    expect(fixed.fixed).toBe(fixed.driftCount);
    expect(fixed.driftCount).toBeGreaterThanOrEqual(4);
    expect(await storedStats(spendOff.id)).toMatchObject({ totalSpend: 3000, orderCount: 2 });
    expect(await storedStats(countOff.id)).toMatchObject({ totalSpend: 500, orderCount: 1 });
    expect(await storedStats(dateOff.id)).toEqual(before);
    expect(await storedStats(phantom.id)).toEqual({ totalSpend: 0, orderCount: 0, firstOrderDate: null, lastOrderDate: null });
    expect((await reconcileCustomerStats({ actor: admin })).driftCount).toBe(0);

    const { data: events } = await listCustomerEvents({ customerId: phantom.id });
    expect(events[0]).toMatchObject({ type: 'stats.reconciled', data: { stored: { totalSpend: 4999 }, actual: { totalSpend: 0 } } });
  });

  it('is for owners and admins', async () => {
    await expect(reconcileCustomerStats({ actor: staff })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('loses no completion that races with a repair', async () => {
    const customer = await buyer([1000]);
    const pending = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createOrder({ actor: staff, input: { customerId: customer.id, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: 100 + i }] } }),
      ),
    );
    await getDb().execute(sql`update customers set total_spend = 1 where id = ${customer.id}`);
    await Promise.all([
      ...pending.map((order) => completeOrder({ actor: staff, id: order.id })),
      reconcileCustomerStats({ actor: admin, fix: true }),
      reconcileCustomerStats({ actor: admin, fix: true }),
    ]);
    const expectedSpend = 1000 + pending.reduce((sum, order) => sum + order.total, 0);
    expect(await storedStats(customer.id)).toMatchObject({ totalSpend: expectedSpend, orderCount: 11 });
    expect((await reconcileCustomerStats({ actor: admin })).driftCount).toBe(0);
  });
});
