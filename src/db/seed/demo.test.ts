import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

import { getDb, openDatabase, setDatabase } from '@/db/client';
import { phoneSchema } from '@/lib/validation/common';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { isShopEmpty, seedDemoData } from './demo';

const { handle } = withTestDatabase();

const N = 300;
const NOW = new Date('2025-06-01T12:00:00.000Z');

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

  it('gives the same names and emails for the same seed in another database', async () => {
    const first = await rows<{ first_name: string; email: string }>(sql`select first_name, email from customers ${byNumber} limit ${N}`);
    const other = openDatabase({ dataDir: 'memory://' });
    try {
      await other.migrate();
      setDatabase(other);
      await seedDemoData({ customers: N, seed: 11, now: NOW });
      const again = await rows<{ first_name: string; email: string }>(sql`select first_name, email from customers ${byNumber}`);
      expect(again).toEqual(first);
    } finally {
      setDatabase(handle());
      await other.close();
    }
  });

  it('loads in bulk with the same rules and puts every index back as it was', async () => {
    const indexes = () => rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where tablename like 'customer%' order by indexname`);
    const before = await indexes();
    const phases: string[] = [];
    const result = await seedDemoData({ customers: N, seed: 12, now: NOW, batchSize: 100, strategy: 'bulk', onProgress: (p) => phases.push(p.phase) });

    expect(result).toMatchObject({ customers: N, firstNumber: 2 * N + 1, strategy: 'bulk' });
    expect(phases).toEqual(['inserting', 'inserting', 'inserting', 'indexing']);
    expect(await indexes()).toEqual(before);
    const [counts] = await rows<{ customers: number; emails: number; events: number; without_one_default: number }>(sql`
      select (select count(*)::int from customers) as customers,
             (select count(distinct email)::int from customers) as emails,
             (select count(*)::int from customer_events) as events,
             (select count(*)::int from customers c where (select count(*) from customer_addresses a where a.customer_id = c.id and a.is_default_billing) <> 1) as without_one_default`);
    expect(counts).toEqual({ customers: 3 * N, emails: 3 * N, events: 3 * N, without_one_default: 0 });
  });

  it('refuses a count that is not a whole number', async () => {
    await expect(seedDemoData({ customers: -1 })).rejects.toThrow(RangeError);
    await expect(seedDemoData({ customers: 1.5 })).rejects.toThrow(RangeError);
  });
});
