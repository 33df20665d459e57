import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';

import { rowsOf } from './database';

/** Pairs of each reason the bench plants among the demo customers (marked by external id `dup-bench-…`). */
export const PLANTED_PER_REASON = 3_000;

/**
 * Plants likely duplicates once: gmail addresses differing by dots and +tags (and googlemail.com), copies of random
 * customers with their phone and no email, and copies with a slightly different first name at a copy of the original's
 * default address (same postcode and street line). Returns how many customers it added (0 when already planted).
 */
export async function ensurePlantedDuplicates(handle: DatabaseHandle): Promise<number> {
  const [{ planted }] = await rowsOf<{ planted: number }>(handle, sql`select count(*)::int as planted from customers where external_id like 'dup-bench-%'`);
  if (planted > 0) return 0;
  const n = PLANTED_PER_REASON;
  await handle.db.execute(sql`
    insert into customers (first_name, last_name, email, external_id)
    select 'Gmail', 'Pair ' || i, 'bench.pair.' || i || '@gmail.com', 'dup-bench-gmail-a-' || i from generate_series(1, ${n}) i
    union all
    select 'Gmail', 'Pair ' || i, 'benchpair' || i || '+shop@googlemail.com', 'dup-bench-gmail-b-' || i from generate_series(1, ${n}) i`);
  await handle.db.execute(sql`
    insert into customers (first_name, last_name, phone, external_id)
    select first_name, last_name, phone, 'dup-bench-phone-' || id
    from (select * from customers where phone is not null and external_id is null order by md5(id::text) limit ${n}) c`);
  await handle.db.execute(sql`
    with originals as (
      select c.id, c.first_name, c.last_name, a.line1, a.city, a.postal_code, a.country_code
      from customers c join customer_addresses a on a.customer_id = c.id and a.is_default_shipping
      where c.external_id is null and a.postal_code is not null
      order by md5(c.id::text || 'name') limit ${n}
    ), copies as (
      insert into customers (first_name, last_name, external_id)
      select first_name || 'e', last_name, 'dup-bench-name-' || id from originals
      returning id, external_id
    )
    insert into customer_addresses (customer_id, line1, city, postal_code, country_code, is_default_shipping, is_default_billing)
    select copies.id, o.line1, o.city, o.postal_code, o.country_code, true, true
    from copies join originals o on copies.external_id = 'dup-bench-name-' || o.id`);
  return 4 * n;
}
