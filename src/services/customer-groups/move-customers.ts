import { sql, type SQL } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';
import { customerEvents, customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';

import { customerJsonSql, webhookOutboxCtes } from '../webhooks';

/**
 * Moves every customer matching `where` (conditions on `customers`) into `groupId` (null = no group) with one UPDATE,
 * bumping their versions, and records one 'customer.group_changed' event per customer moved with one INSERT … SELECT
 * from the UPDATE's RETURNING, and one 'customer.group_changed' webhook event per customer in the same statement (the
 * outbox, set-based: 200,000 moves are still one round trip). Customers already in the group are left alone. Runs
 * inside the caller's transaction.
 */
export async function moveCustomers(tx: Db | Tx, actor: Actor, where: SQL, groupId: string | null): Promise<number> {
  const target = groupId === null ? sql`null::uuid` : sql`${groupId}::uuid`;
  // RETURNING gives the new row only, so the old group comes from the locked snapshot joined in (FOR UPDATE reads the
  // latest committed version, so "from" is what the customer was really in).
  const result = await tx.execute(sql`
    with previous as (
      select ${customers.id} as id, ${customers.customerGroupId} as group_id from ${customers}
      where ${where} and ${customers.customerGroupId} is distinct from ${target}
      for update
    ),
    moved as (
      update ${customers} set customer_group_id = ${target}, version = ${customers.version} + 1, updated_at = now()
      from previous where ${customers.id} = previous.id
      returning ${customers}.*, previous.group_id as from_group
    ),
    events as (
      insert into ${customerEvents} (customer_id, type, actor_type, actor_id, data)
      select id, 'customer.group_changed', ${actor.type}, ${actor.id}, jsonb_build_object('from', from_group, 'to', ${target})
      from moved
    ),
    ${webhookOutboxCtes(
      'customer.group_changed',
      sql`select moved.id::text as resource_key,
        ${customerJsonSql('moved', 'target_group')} || jsonb_build_object('previousCustomerGroupId', moved.from_group) as data
        from moved left join ${customerGroups} target_group on target_group.id = moved.customer_group_id`,
    )}
    select count(*)::int as moved from moved`);
  const [row] = (result as unknown as { rows: { moved: number | string }[] }).rows;
  return Number(row.moved);
}
