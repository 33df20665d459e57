import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, MIGRATIONS_FOLDER } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createCustomer } from '@/services/customers';
import { computeAllCustomerMetrics, metricsStaleReason, readLastRun } from '@/services/metrics';
import { completeOrder, createOrder, refundOrder } from '@/services/orders';
import { reconcileCustomerStats } from '@/services/reconcile';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

withTestDatabase();

let staff: Actor;
let admin: Actor;
beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
});

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));

/** A customer with orders of `total` placed on `day`, completed, then refunded by `refund` ('all' = in full). */
async function buyer(orders: { total: number; day: number; refund?: number | 'all' }[]): Promise<string> {
  const customer = await createCustomer({ actor: staff, input: { firstName: 'Buyer', email: `${crypto.randomUUID()}@example.com` } });
  for (const planned of orders) {
    const order = await createOrder({ actor: staff, input: { customerId: customer.id, items: [{ sku: 'S', name: 'Scarf', quantity: 1, unitPrice: planned.total }], placedAt: day(planned.day).toISOString() } });
    await completeOrder({ actor: staff, id: order.id });
    if (planned.refund) await refundOrder({ actor: admin, id: order.id, input: planned.refund === 'all' ? {} : { amount: planned.refund } });
  }
  return customer.id;
}

type Stats = { totalSpend: number; orderCount: number; firstOrderDate: Date | null; lastOrderDate: Date | null };

async function storedStats(id: string): Promise<Stats> {
  const [row] = await getDb()
    .select({ totalSpend: customers.totalSpend, orderCount: customers.orderCount, firstOrderDate: customers.firstOrderDate, lastOrderDate: customers.lastOrderDate })
    .from(customers)
    .where(eq(customers.id, id));
  return row;
}

async function plant(id: string, stats: Stats): Promise<void> {
  await getDb()
    .update(customers)
    .set({ totalSpend: stats.totalSpend, orderCount: stats.orderCount, firstOrderDate: stats.firstOrderDate, lastOrderDate: stats.lastOrderDate })
    .where(eq(customers.id, id));
}

/** Runs the migration's statements on the test database, as the migrator would (it was applied once already, to an empty shop). */
async function runMigration(): Promise<void> {
  const text = await readFile(path.join(MIGRATIONS_FOLDER, '0013_count_refunded_orders.sql'), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) await getDb().execute(sql.raw(statement));
}

describe(`migration 0013_count_refunded_orders (${TEST_DB_KIND})`, () => {
  it('sets the stats of customers with an order refunded in full by the new rule, and marks the metrics for a recompute', async () => {
    const refundedOnly = await buyer([{ total: 1800, day: 8, refund: 'all' }]);
    const mixed = await buyer([{ total: 1000, day: 2 }, { total: 4000, day: 9, refund: 'all' }, { total: 2500, day: 3, refund: 300 }]);
    const partlyRefunded = await buyer([{ total: 700, day: 1, refund: 200 }]);
    await computeAllCustomerMetrics({ actor: admin });
    // What the old rule had stored: the orders refunded in full left out of the count and the dates.
    await plant(refundedOnly, { totalSpend: 0, orderCount: 0, firstOrderDate: null, lastOrderDate: null });
    await plant(mixed, { totalSpend: 1000 + 2500 - 300, orderCount: 2, firstOrderDate: day(2), lastOrderDate: day(3) });
    // A drift of another cause, on a customer the rule change does not touch: left to reconcile, which records it.
    await plant(partlyRefunded, { totalSpend: 501, orderCount: 1, firstOrderDate: day(1), lastOrderDate: day(1) });

    await runMigration();

    expect(await storedStats(refundedOnly)).toEqual({ totalSpend: 0, orderCount: 1, firstOrderDate: day(8), lastOrderDate: day(8) });
    expect(await storedStats(mixed)).toEqual({ totalSpend: 1000 + 2500 - 300 + 0, orderCount: 3, firstOrderDate: day(2), lastOrderDate: day(9) });
    expect(await storedStats(partlyRefunded)).toMatchObject({ totalSpend: 501 });
    const report = await reconcileCustomerStats({ actor: admin });
    expect(report.drifts.map((drift) => drift.customerId)).toEqual([partlyRefunded]);
    expect((await readLastRun())?.fingerprint).toBe('before 0013_count_refunded_orders');
    expect(await metricsStaleReason()).toBe('orders changed');
  });
});
