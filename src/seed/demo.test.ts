import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb, openDatabase, setDatabase } from '@/db/client';
import type { Actor } from '@/lib/types';
import { phoneSchema } from '@/lib/validation/common';
import { SHOP_CURRENCY } from '@/lib/config';
import { createOrder, getOrderById } from '@/services/orders';
import { reconcileCustomerStats } from '@/services/reconcile';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { isShopEmpty, seedDemoData } from './demo';

const { handle } = withTestDatabase();

const N = 300;
const NOW = new Date('2025-06-01T12:00:00.000Z');
const SYSTEM: Actor = { type: 'system', id: null, role: 'owner', name: 'test' };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  // Db is typed for either driver, whose raw results differ; both carry `rows`.
  const result = (await getDb().execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// Demo customers in the order they were generated: by the running number in their email.
const byNumber = sql`order by substring(email from '\\.([0-9]+)@')::int`;

describe(`seedDemoData (${TEST_DB_KIND})`, () => {
  it('fills an empty shop with N customers, each with a system creation event', async () => {
    const staff = await createStaffActor('staff', 'Seeding Staff');
    expect(await isShopEmpty()).toBe(true);
    const progress: number[] = [];
    const result = await seedDemoData({ customers: N, seed: 11, now: NOW, batchSize: 120, onProgress: (p) => progress.push(p.inserted) });

    expect(result).toMatchObject({ customers: N, firstNumber: 1 });
    // Batches of 120, 120 and 60, which may finish in any order on PostgreSQL.
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBe(N);
    expect(await isShopEmpty()).toBe(false);
    const [counts] = await rows<{ customers: number; events: number; by_staff: number; addresses: number }>(sql`
      select (select count(*)::int from customers) as customers,
             (select count(*)::int from customer_events where type = 'customer.created' and actor_type = 'system' and actor_id is null) as events,
             (select count(*)::int from customers where created_by_id = ${staff.id}) as by_staff,
             (select count(*)::int from customer_addresses) as addresses`);
    expect(counts.customers).toBe(N);
    expect(counts.events).toBe(N);
    expect(counts.addresses).toBe(result.addresses);
    expect(counts.by_staff).toBeGreaterThan(N * 0.1);
    expect(counts.by_staff).toBeLessThan(N * 0.3);
  });

  it('gives unique, lower-case example emails and valid E.164 phones', async () => {
    const customers = await rows<{ email: string; phone: string | null }>(sql`select email, phone from customers`);
    expect(new Set(customers.map((c) => c.email)).size).toBe(customers.length);
    for (const { email, phone } of customers) {
      expect(email).toBe(email.toLowerCase());
      expect(email).toMatch(/^[a-z0-9.]+\.\d+@example\.(com|org|net)$/);
      if (phone) expect(phoneSchema.parse(phone)).toBe(phone);
    }
    expect(customers.filter((c) => c.phone).length).toBeGreaterThan(N / 2);
  });

  it('gives every customer one or two addresses with exactly one default shipping and one default billing', async () => {
    const summary = await rows<{ addresses: number; shipping: number; billing: number }>(sql`
      select count(a.id)::int as addresses,
             count(*) filter (where a.is_default_shipping)::int as shipping,
             count(*) filter (where a.is_default_billing)::int as billing
      from customers c left join customer_addresses a on a.customer_id = c.id
      group by c.id`);
    expect(summary).toHaveLength(N);
    for (const row of summary) {
      expect([1, 2]).toContain(row.addresses);
      expect(row).toMatchObject({ shipping: 1, billing: 1 });
    }
  });

  it('puts customers in the seeded groups: mostly Retail or none, some Wholesaler and VIP', async () => {
    const groups = await rows<{ name: string | null; count: number }>(sql`
      select g.name, count(*)::int as count from customers c left join customer_groups g on g.id = c.customer_group_id group by g.name`);
    const count = (name: string | null) => groups.find((g) => g.name === name)?.count ?? 0;
    expect(count('Retail') + count(null)).toBeGreaterThan(N * 0.75);
    expect(count('Wholesaler')).toBeGreaterThan(N * 0.04);
    expect(count('VIP')).toBeGreaterThan(0);
  });

  it('gives the customers about 7.5 orders each, with items, refunds and a timeline of each step', async () => {
    const [counts] = await rows<{ orders: number; customers_with: number; placed: number; completed: number; done: number; refunded: number; refunds: number; bad_refund_sums: number; currencies: string[] }>(sql`
      select (select count(*)::int from orders) as orders,
             (select count(distinct customer_id)::int from orders) as customers_with,
             (select count(*)::int from customer_events where type = 'order.placed') as placed,
             (select count(*)::int from customer_events where type = 'order.completed') as completed,
             (select count(*)::int from orders where completed_at is not null) as done,
             (select count(*)::int from customer_events where type = 'order.refunded') as refunded,
             (select count(*)::int from order_refunds) as refunds,
             (select count(*)::int from orders o where o.refunded_total <> coalesce((select sum(amount) from order_refunds r where r.order_id = o.id), 0)) as bad_refund_sums,
             (select array_agg(distinct currency) from orders) as currencies`);
    expect(counts.orders).toBeGreaterThan(N * 6);
    expect(counts.orders).toBeLessThan(N * 9);
    expect(counts.customers_with).toBeLessThan(N);
    expect(counts).toMatchObject({ placed: counts.orders, completed: counts.done, refunded: counts.refunds, bad_refund_sums: 0, currencies: [SHOP_CURRENCY] });
    expect(counts.refunds).toBeGreaterThan(0);
  });

  it("gives every order its customer's default shipping and billing addresses, as createOrder copies them", async () => {
    const [order] = await rows<{ id: string; customer_id: string }>(sql`select id, customer_id from orders order by placed_at, id limit 1`);
    const [address] = await rows<{ line1: string; city: string; country_code: string }>(sql`select line1, city, country_code from customer_addresses where customer_id = ${order.customer_id} and is_default_shipping`);
    const [{ without }] = await rows<{ without: number }>(sql`select count(*)::int as without from orders where shipping_address is null or billing_address is null`);
    expect(without).toBe(0);
    const shown = await getOrderById({ id: order.id });
    expect(shown.shippingAddress).toMatchObject({ line1: address.line1, city: address.city, countryCode: address.country_code });
    expect(Object.keys(shown.shippingAddress!).sort()).toEqual(['city', 'company', 'countryCode', 'firstName', 'lastName', 'line1', 'line2', 'phone', 'postalCode', 'region']);
  });

  it('stores exactly the stats that the orders give, as reconcile recomputes them', async () => {
    const [drift] = await rows<{ drifted: number; with_orders: number }>(sql`
      with actual as (
        select c.id,
               coalesce(sum(o.total - o.refunded_total) filter (where o.status in ('completed', 'partially_refunded', 'refunded')), 0) as total_spend,
               count(o.id) filter (where o.status in ('completed', 'partially_refunded', 'refunded')) as order_count,
               min(o.placed_at) filter (where o.status in ('completed', 'partially_refunded', 'refunded')) as first_order_date,
               max(o.placed_at) filter (where o.status in ('completed', 'partially_refunded', 'refunded')) as last_order_date
        from customers c left join orders o on o.customer_id = c.id
        group by c.id
      )
      select count(*) filter (where c.total_spend <> a.total_spend or c.order_count <> a.order_count
                                 or c.first_order_date is distinct from a.first_order_date or c.last_order_date is distinct from a.last_order_date)::int as drifted,
             count(*) filter (where c.order_count > 0)::int as with_orders
      from customers c join actual a on a.id = c.id`);
    expect(drift).toEqual({ drifted: 0, with_orders: expect.any(Number) });
    expect(drift.with_orders).toBeGreaterThan(N / 2);
    const report = await reconcileCustomerStats({ actor: SYSTEM });
    expect(report).toMatchObject({ customersChecked: N, driftCount: 0 });
  });

  it('mixes wholesalers with large orders, one-time buyers, lapsed regulars and customers who never ordered', async () => {
    const [mix] = await rows<{ trade_avg: number; retail_avg: number; never: number; once: number; lapsed: number }>(sql`
      select (select avg(o.total)::float from orders o join customers c on c.id = o.customer_id join customer_groups g on g.id = c.customer_group_id where g.name = 'Wholesaler') as trade_avg,
             (select avg(o.total)::float from orders o join customers c on c.id = o.customer_id join customer_groups g on g.id = c.customer_group_id where g.name = 'Retail') as retail_avg,
             (select count(*)::int from customers c where not exists (select 1 from orders o where o.customer_id = c.id)) as never,
             (select count(*)::int from customers where order_count = 1) as once,
             (select count(*)::int from customers where order_count >= 2 and last_order_date between ${NOW}::timestamptz - interval '12 months' and ${NOW}::timestamptz - interval '6 months') as lapsed`);
    expect(mix.trade_avg).toBeGreaterThan(20 * mix.retail_avg);
    expect(mix.never).toBeGreaterThan(N * 0.05);
    expect(mix.once).toBeGreaterThan(N * 0.2);
    expect(mix.lapsed).toBeGreaterThan(0);
  });

  it('numbers orders from the sequence that createOrder uses, so the next order follows the seeded ones', async () => {
    const numbers = (await rows<{ order_number: string }>(sql`select order_number from orders`)).map((row) => row.order_number);
    expect(numbers.every((n) => /^#\d+$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const [customer] = await rows<{ id: string }>(sql`select id from customers limit 1`);
    const order = await createOrder({ actor: SYSTEM, input: { customerId: customer.id, items: [{ sku: 'MUG-201', name: 'Mug', quantity: 1, unitPrice: 1200 }] } });
    expect(Number(order.orderNumber.slice(1))).toBeGreaterThan(Math.max(...numbers.map((n) => Number(n.slice(1)))));
  });

  it('adds N more without collisions when run again, repeating the same people with new email numbers', async () => {
    const before = await rows<{ first_name: string; last_name: string; email: string }>(sql`select first_name, last_name, email from customers ${byNumber}`);
    const result = await seedDemoData({ customers: N, seed: 11, now: NOW });
    expect(result).toMatchObject({ customers: N, firstNumber: N + 1 });

    const after = await rows<{ first_name: string; last_name: string; email: string }>(sql`select first_name, last_name, email from customers ${byNumber}`);
    expect(after).toHaveLength(2 * N);
    expect(new Set(after.map((c) => c.email)).size).toBe(2 * N);
    const second = after.slice(N);
    expect(second.map((c) => `${c.first_name} ${c.last_name}`)).toEqual(before.map((c) => `${c.first_name} ${c.last_name}`));
    expect(second.map((c) => c.email.replace(/\.\d+@/, '@'))).toEqual(before.map((c) => c.email.replace(/\.\d+@/, '@')));
  });

  it('gives the same names, emails and orders for the same seed in another database, numbered in the order they were placed', async () => {
    const people = sql`select first_name, email from customers ${byNumber}`;
    // The first run's orders by customer number; the order createOrder added above is placed later than NOW.
    const history = sql`
      select substring(c.email from '\\.([0-9]+)@')::int as number, o.placed_at, o.status, o.total::int, o.item_count, o.refunded_total::int
      from orders o join customers c on c.id = o.customer_id
      where substring(c.email from '\\.([0-9]+)@')::int <= ${N} and o.placed_at <= ${NOW}::timestamptz
      order by number, o.placed_at, o.total`;
    const first = { people: (await rows(people)).slice(0, N), history: await rows(history) };
    const other = openDatabase({ dataDir: 'memory://' });
    try {
      await other.migrate();
      setDatabase(other);
      await seedDemoData({ customers: N, seed: 11, now: NOW });
      expect({ people: await rows(people), history: await rows(history) }).toEqual(first);
      // One batch here (the default batch is larger than N), so numbers rise with placement throughout.
      const numbers = (await rows<{ order_number: string }>(sql`select order_number from orders order by placed_at, id`)).map((row) => Number(row.order_number.slice(1)));
      expect(numbers[0]).toBe(1001);
      expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1])).toBe(true);
    } finally {
      setDatabase(handle());
      await other.close();
    }
  });

  it('loads in bulk with the same rules and puts every index back as it was', async () => {
    const indexes = () => rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where tablename like 'customer%' or tablename like 'order%' order by indexname`);
    const before = await indexes();
    // Two customers already there share a phone: the pairs, built again from scratch in bulk, must keep theirs.
    await getDb().execute(sql`
      insert into customers (first_name, last_name, email, phone) values
        ('Twin', 'One', 'twin.one@shop.test', '+447700900123'), ('Twin', 'Two', 'twin.two@shop.test', '+447700900123')`);
    const phases: string[] = [];
    const result = await seedDemoData({ customers: N, seed: 12, now: NOW, batchSize: 100, strategy: 'bulk', onProgress: (p) => phases.push(p.phase) });

    expect(result).toMatchObject({ customers: N, firstNumber: 2 * N + 1, strategy: 'bulk' });
    expect(phases).toEqual(['inserting', 'inserting', 'inserting', 'indexing']);
    expect(await indexes()).toEqual(before);
    const [counts] = await rows<{ customers: number; emails: number; events: number; without_one_default: number }>(sql`
      select (select count(*)::int from customers) as customers,
             (select count(distinct email)::int from customers) as emails,
             (select count(*)::int from customer_events where type = 'customer.created') as events,
             (select count(*)::int from customers c where c.email like '%@example.%' and (select count(*) from customer_addresses a where a.customer_id = c.id and a.is_default_billing) <> 1) as without_one_default`);
    expect(counts).toEqual({ customers: 3 * N + 2, emails: 3 * N + 2, events: 3 * N, without_one_default: 0 });
    expect(result.orders).toBeGreaterThan(N * 6);
    expect((await reconcileCustomerStats({ actor: SYSTEM })).driftCount).toBe(0);
    const [pairs] = await rows<{ kept: number; missing: number; extra: number; queued: number }>(sql`
      select (select count(*)::int from customer_duplicate_pairs) as kept,
             (select count(*)::int from (select * from customer_duplicate_pairs_computed() except select * from customer_duplicate_pairs) m) as missing,
             (select count(*)::int from (select * from customer_duplicate_pairs except select * from customer_duplicate_pairs_computed()) e) as extra,
             (select count(*)::int from customer_duplicate_refreshes) as queued`);
    expect(pairs).toMatchObject({ missing: 0, extra: 0, queued: 0 });
    expect(pairs.kept).toBeGreaterThanOrEqual(1);
  });

  it('refuses a count that is not a whole number, or a negative number of orders', async () => {
    await expect(seedDemoData({ customers: -1 })).rejects.toThrow(RangeError);
    await expect(seedDemoData({ customers: 1.5 })).rejects.toThrow(RangeError);
    await expect(seedDemoData({ customers: 1, ordersPerCustomer: -1 })).rejects.toThrow(RangeError);
  });
});
