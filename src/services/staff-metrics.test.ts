import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer } from './customers';
import { ForbiddenError, NotFoundError, ValidationFailedError } from './errors';
import { cancelOrder, completeOrder, createOrder, refundOrder } from './orders';
import { getStaffMetrics, listStaffPerformance } from './staff-metrics';

withTestDatabase();

// Hand-checkable fixture, "now" = 15 Jun 2025, so the default period is 1 Jul 2024 – 15 Jun 2025 (12 months):
//   Alice acquired c0 (May 2024, before the period), c1 (Jan 2025), c2 and c3 (Mar 2025; c3 at 23:30 UTC on 31 Mar).
//     c1: £100.00 completed (Jan), £50.00 completed then £20.00 refunded (30 Apr, 23:59 UTC), £70.00 still pending.
//     c2: £200.00 completed then fully refunded (Mar), £40.00 completed (Mar), £90.00 completed (Jul 2025, after the period).
//     c0: £500.00 completed in Feb 2025 (counted for no period that holds Feb, since c0 was acquired before).
//   → Alice: 3 customers, 4 orders (c2's refunded one counts, for £0), £170.00 (100 + 30 + 0 + 40), average £56.67
//     (17000 / 3 = 5666.67 → 5667).
//   Bob acquired b1 (Feb 2025): £30.00 + £60.00 completed, £10.00 cancelled → 1 customer, 2 orders, £90.00.
//   A customer nobody created (an import) has a £999.99 order that counts for no one.
const NOW = new Date('2025-06-15T12:00:00Z');

let alice: Actor & { type: 'staff' };
let bob: Actor & { type: 'staff' };
let admin: Actor & { type: 'staff' };
let owner: Actor & { type: 'staff' };
const ids: Record<string, string> = {};

async function acquire(actor: Actor, key: string, firstName: string, createdAt: string) {
  const customer = await createCustomer({ actor, input: { firstName, lastName: 'Test', email: `${key}@staff-metrics.test` } });
  await getDb().execute(sql`update customers set created_at = ${createdAt}::timestamptz where id = ${customer.id}`);
  ids[key] = customer.id;
  return customer.id;
}

async function order(customerId: string, amount: number, placedAt: string, then: 'complete' | 'pending' | 'cancel' | { refund: number | 'all' } = 'complete') {
  const created = await createOrder({ actor: alice, input: { customerId, items: [{ sku: 'S', name: 'Item', quantity: 1, unitPrice: amount }], placedAt } });
  if (then === 'pending') return;
  if (then === 'cancel') return void (await cancelOrder({ actor: admin, id: created.id }));
  await completeOrder({ actor: alice, id: created.id });
  if (typeof then === 'object') await refundOrder({ actor: admin, id: created.id, input: then.refund === 'all' ? {} : { amount: then.refund } });
}

beforeAll(async () => {
  alice = await createStaffActor('staff', 'Alice Staff');
  bob = await createStaffActor('staff', 'Bob Staff');
  admin = await createStaffActor('admin', 'Ann Admin');
  owner = await createStaffActor('owner', 'Olive Owner');
  const c0 = await acquire(alice, 'c0', 'Early', '2024-05-01T10:00:00Z');
  const c1 = await acquire(alice, 'c1', 'January', '2025-01-10T10:00:00Z');
  const c2 = await acquire(alice, 'c2', 'March', '2025-03-05T10:00:00Z');
  await acquire(alice, 'c3', 'Quiet', '2025-03-31T23:30:00Z');
  const b1 = await acquire(bob, 'b1', 'February', '2025-02-14T10:00:00Z');
  const imported = await createCustomer({ actor: { type: 'system', id: null, role: 'owner', name: 'import' }, input: { firstName: 'Imported', email: 'imported@staff-metrics.test' } });
  await order(c1, 10000, '2025-01-15T10:00:00Z');
  await order(c1, 5000, '2025-04-30T23:59:00Z', { refund: 2000 });
  await order(c1, 7000, '2025-02-01T10:00:00Z', 'pending');
  await order(c2, 20000, '2025-03-06T10:00:00Z', { refund: 'all' });
  await order(c2, 4000, '2025-03-07T10:00:00Z');
  await order(c2, 9000, '2025-07-01T10:00:00Z');
  await order(c0, 50000, '2025-02-01T10:00:00Z');
  await order(b1, 3000, '2025-02-20T10:00:00Z');
  await order(b1, 6000, '2025-02-21T10:00:00Z');
  await order(b1, 1000, '2025-02-22T10:00:00Z', 'cancel');
  await order(imported.id, 99999, '2025-02-01T10:00:00Z');
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe(`getStaffMetrics (${TEST_DB_KIND})`, () => {
  it('counts the customers a member acquired and what they brought in the default 12 months, less refunds', async () => {
    const metrics = await getStaffMetrics({ actor: alice, id: alice.id, now: NOW });
    expect(metrics.period).toEqual({ from: '2024-07-01', to: '2025-06-15' });
    expect(metrics.member).toEqual({ id: alice.id, name: 'Alice Staff', role: 'staff' });
    expect(metrics.currency).toBe('GBP');
    expect(metrics.totals).toEqual({ customersAcquired: 3, customersWhoOrdered: 2, orderCount: 4, revenue: 17000, averageCustomerValue: 5667 });
    expect(metrics.months.map((m) => m.month)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const busy = metrics.months.filter((m) => m.customersAcquired || m.orderCount);
    expect(busy).toEqual([
      { month: '2025-01', customersAcquired: 1, orderCount: 1, revenue: 10000 },
      { month: '2025-03', customersAcquired: 2, orderCount: 2, revenue: 4000 },
      { month: '2025-04', customersAcquired: 0, orderCount: 1, revenue: 3000 },
    ]);
    expect(metrics.topCustomers).toEqual([
      { id: ids.c1, name: 'January Test', email: 'c1@staff-metrics.test', createdAt: '2025-01-10T10:00:00.000Z', orderCount: 2, revenue: 13000 },
      { id: ids.c2, name: 'March Test', email: 'c2@staff-metrics.test', createdAt: '2025-03-05T10:00:00.000Z', orderCount: 2, revenue: 4000 },
    ]);
  });

  it('takes only the cohort acquired in a chosen period, and only its orders placed in it (both ends included)', async () => {
    const spring = await getStaffMetrics({ actor: owner, id: alice.id, query: { from: '2025-03-01', to: '2025-07-31' }, now: NOW });
    expect(spring.totals).toEqual({ customersAcquired: 2, customersWhoOrdered: 1, orderCount: 3, revenue: 13000, averageCustomerValue: 6500 });
    expect(spring.months.map((m) => [m.month, m.customersAcquired, m.orderCount, m.revenue])).toEqual([
      ['2025-03', 2, 2, 4000],
      ['2025-04', 0, 0, 0],
      ['2025-05', 0, 0, 0],
      ['2025-06', 0, 0, 0],
      ['2025-07', 0, 1, 9000],
    ]);
    const lastDay = await getStaffMetrics({ actor: owner, id: alice.id, query: { from: '2025-01-01', to: '2025-04-30' }, now: NOW });
    expect(lastDay.totals).toMatchObject({ customersAcquired: 3, orderCount: 4, revenue: 17000 });
    const beforeLastDay = await getStaffMetrics({ actor: owner, id: alice.id, query: { from: '2025-01-01', to: '2025-04-29' }, now: NOW });
    expect(beforeLastDay.totals).toMatchObject({ customersAcquired: 3, orderCount: 3, revenue: 14000 });
  });

  it('answers zeros and a null average for a member who acquired no one', async () => {
    const metrics = await getStaffMetrics({ actor: owner, id: owner.id, now: NOW });
    expect(metrics.totals).toEqual({ customersAcquired: 0, customersWhoOrdered: 0, orderCount: 0, revenue: 0, averageCustomerValue: null });
    expect(metrics.months).toHaveLength(12);
    expect(metrics.topCustomers).toEqual([]);
  });

  it("refuses a staff member another member's figures, and an admin an owner's; an unknown id is not found", async () => {
    expect(await errorOf(getStaffMetrics({ actor: alice, id: bob.id, now: NOW }))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(getStaffMetrics({ actor: admin, id: owner.id, now: NOW }))).toBeInstanceOf(ForbiddenError);
    expect((await getStaffMetrics({ actor: admin, id: bob.id, now: NOW })).totals.revenue).toBe(9000);
    expect((await getStaffMetrics({ actor: owner, id: admin.id, now: NOW })).member.role).toBe('admin');
    expect(await errorOf(getStaffMetrics({ actor: alice, id: crypto.randomUUID(), now: NOW }))).toBeInstanceOf(NotFoundError);
  });

  it('names the field of a bad period: not a date, ending before it starts, longer than 10 years', async () => {
    for (const [query, path] of [
      [{ from: '2025-02-30' }, 'from'],
      [{ from: '2025-05-01', to: '2025-04-01' }, 'to'],
      [{ from: '2030-01-01' }, 'from'],
      [{ from: '2010-01-01', to: '2025-01-01' }, 'from'],
    ] as const) {
      const error = await errorOf(getStaffMetrics({ actor: owner, id: alice.id, query, now: NOW }));
      expect(error, JSON.stringify(query)).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fieldErrors?.[0]?.path).toBe(path);
    }
  });

  it('takes a period that ends on 9999-12-31 (its end, the next day, is year 10000), in the list and on a page', async () => {
    const query = { from: '9999-12-01', to: '9999-12-31' };
    expect((await getStaffMetrics({ actor: owner, id: alice.id, query, now: NOW })).period).toEqual(query);
    expect((await listStaffPerformance({ actor: owner, query, now: NOW })).data.every((row) => row.customersAcquired === 0)).toBe(true);
  });
});

describe(`listStaffPerformance (${TEST_DB_KIND})`, () => {
  const headline = (list: Awaited<ReturnType<typeof listStaffPerformance>>) => list.data.map((row) => [row.name, row.customersAcquired, row.orderCount, row.revenue, row.averageCustomerValue]);

  it('lists every member for an owner, best revenue first, with the same figures as their own pages', async () => {
    const list = await listStaffPerformance({ actor: owner, now: NOW });
    expect(list.period).toEqual({ from: '2024-07-01', to: '2025-06-15' });
    expect(headline(list)).toEqual([
      ['Alice Staff', 3, 4, 17000, 5667],
      ['Bob Staff', 1, 2, 9000, 9000],
      ['Ann Admin', 0, 0, 0, null],
      ['Olive Owner', 0, 0, 0, null],
    ]);
    expect(list.data[0]).toMatchObject({ id: alice.id, role: 'staff' });
  });

  it("shows an admin everyone but owners, a staff member only themselves, and a staff-role API key no one", async () => {
    expect(headline(await listStaffPerformance({ actor: admin, now: NOW })).map(([name]) => name)).toEqual(['Alice Staff', 'Bob Staff', 'Ann Admin']);
    expect(headline(await listStaffPerformance({ actor: bob, now: NOW }))).toEqual([['Bob Staff', 1, 2, 9000, 9000]]);
    expect((await listStaffPerformance({ actor: { type: 'api_key', id: crypto.randomUUID(), role: 'staff', name: 'key' }, now: NOW })).data).toEqual([]);
    expect((await listStaffPerformance({ actor: { type: 'api_key', id: crypto.randomUUID(), role: 'admin', name: 'key' }, now: NOW })).data).toHaveLength(3);
  });

  it('follows the period: in March 2025 only Alice acquired anyone', async () => {
    expect(headline(await listStaffPerformance({ actor: owner, query: { from: '2025-03-01', to: '2025-03-31' }, now: NOW })).slice(0, 2)).toEqual([
      ['Alice Staff', 2, 2, 4000, 2000],
      ['Ann Admin', 0, 0, 0, null],
    ]);
  });
});
