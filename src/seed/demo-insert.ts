import { sql } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';

import type { DemoBatch } from './demo-generator';
import { insertDemoOrderRows } from './demo-insert-orders';

// A whole batch travels as one JSON parameter and is unpacked by json_to_recordset: one round trip and one statement
// per table, no 65,535-parameter limit, and the same text on node-postgres and PGlite.

/**
 * Inserts a batch of customers with their addresses, one 'customer.created' system event each and their orders
 * (which set their stats), atomically. updated_at equals created_at: a demo customer has not been edited since it was
 * created, and the stats are derived, not edits.
 */
export async function insertDemoBatch(db: Db, batch: DemoBatch): Promise<void> {
  await db.transaction((tx) => insertDemoRows(tx, batch));
}

/** insertDemoBatch's statements, for a caller that already holds a transaction. */
export async function insertDemoRows(tx: Db | Tx, batch: DemoBatch): Promise<void> {
  await insertCustomersWithEvents(tx, batch);
  await insertAddresses(tx, batch);
  await insertDemoOrderRows(tx, batch);
}

async function insertCustomersWithEvents(tx: Db | Tx, batch: DemoBatch): Promise<void> {
  await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(batch.customers)}::json) as r(
        id uuid, first_name text, last_name text, email text, phone text, company text, notes text, tags text[],
        customer_group_id uuid, email_marketing_consent boolean, email_consent_at timestamptz,
        sms_marketing_consent boolean, sms_consent_at timestamptz, created_by_id text, created_at timestamptz
      )
    ), inserted as (
      insert into customers (
        id, first_name, last_name, email, phone, company, notes, tags, customer_group_id,
        email_marketing_consent, email_consent_at, sms_marketing_consent, sms_consent_at, created_by_id, created_at, updated_at
      )
      select
        id, first_name, last_name, email, phone, company, notes, tags, customer_group_id,
        email_marketing_consent, email_consent_at, sms_marketing_consent, sms_consent_at, created_by_id, created_at, created_at
      from input
      returning id, created_at
    )
    insert into customer_events (customer_id, type, actor_type, actor_id, data, created_at)
    select id, 'customer.created', 'system', null, '{"source":"demo_seed"}'::jsonb, created_at from inserted
  `);
}

async function insertAddresses(tx: Db | Tx, batch: DemoBatch): Promise<void> {
  if (batch.addresses.length === 0) return;
  await tx.execute(sql`
    insert into customer_addresses (
      customer_id, first_name, last_name, company, line1, line2, city, region, postal_code, country_code, phone,
      is_default_shipping, is_default_billing, created_at, updated_at
    )
    select
      customer_id, first_name, last_name, company, line1, line2, city, region, postal_code, country_code, phone,
      is_default_shipping, is_default_billing, created_at, created_at
    from json_to_recordset(${JSON.stringify(batch.addresses)}::json) as r(
      customer_id uuid, first_name text, last_name text, company text, line1 text, line2 text, city text, region text,
      postal_code text, country_code text, phone text, is_default_shipping boolean, is_default_billing boolean,
      created_at timestamptz
    )
  `);
}
