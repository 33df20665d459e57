import { sql, type SQL } from 'drizzle-orm';

import { getDb, queryRows } from '@/db/client';
import { customerEvents, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { bulkTagsSchema, type BulkTagsInput } from '@/lib/validation/customer-bulk';
import { TAGS_MAX } from '@/lib/validation/customer';

import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { bulkTargetWhere } from './bulk-target';

/** What a bulk tag change did: customers changed, customers it did not need to change, customers it would take past 50 tags. */
export interface BulkTagsResult {
  changed: number;
  unchanged: number;
  overLimit: number;
}

// The tags asked for, in their order, as rows of (tag, ord): one JSON parameter works the same on both drivers. A lone
// surrogate becomes U+FFFD, as the drivers write it into a text parameter; jsonb would refuse its \u escape.
const wellFormed = (tag: string) => tag.replace(/[\ud800-\udfff]/gu, '\ufffd');
const inputTags = (tags: string[]) => sql`select t as tag, i as ord from jsonb_array_elements_text(${JSON.stringify(tags.map(wellFormed))}::jsonb) with ordinality as n(t, i)`;

/**
 * Adds tags to every customer of the target (ids, or everyone matching a list filter) in one statement: a tag the
 * customer already has in any case is not added again (their spelling stays); a customer who would pass 50 tags is left
 * alone and counted in `overLimit`. Each customer changed gets its version bumped (a stale editor is refused) and a
 * 'customer.tags_added' event naming the tags it gained. Erased customers are never changed.
 * Throws ForbiddenError, ValidationFailedError.
 */
export async function addTagsToCustomers({ actor, ...input }: { actor: Actor } & BulkTagsInput): Promise<BulkTagsResult> {
  assertCan(actor, 'customers:bulk_edit');
  const { tags, target } = parseInput(bulkTagsSchema, input);
  // The asked-for tags this customer lacks, in the order asked; computed on the row as locked, so on its latest version.
  const missing = sql`array(select w.tag from wanted as w where lower(w.tag) <> all (select lower(u.tag) from unnest(${customers.tags}) as u(tag)) order by w.ord)`;
  return applyTagChange({
    actor,
    tags,
    where: bulkTargetWhere(target),
    delta: missing,
    fits: sql`cardinality(${customers.tags}) + cardinality(candidates.delta) <= ${TAGS_MAX}`,
    nextTags: sql`${customers.tags} || candidates.delta`,
    eventType: 'customer.tags_added',
  });
}

/**
 * Removes tags, whatever their case, from every customer of the target in one statement; customers without any of them
 * are left alone. Each customer changed gets its version bumped and a 'customer.tags_removed' event naming the tags it
 * lost, as they were spelt. Erased customers are never changed. Throws ForbiddenError, ValidationFailedError.
 */
export async function removeTagsFromCustomers({ actor, ...input }: { actor: Actor } & BulkTagsInput): Promise<BulkTagsResult> {
  assertCan(actor, 'customers:bulk_edit');
  const { tags, target } = parseInput(bulkTagsSchema, input);
  const unwanted = sql`(select lower(w.tag) from wanted as w)`;
  return applyTagChange({
    actor,
    tags,
    where: bulkTargetWhere(target),
    delta: sql`array(select u.tag from unnest(${customers.tags}) with ordinality as u(tag, ord) where lower(u.tag) in ${unwanted} order by u.ord)`,
    fits: sql`true`,
    nextTags: sql`array(select u.tag from unnest(${customers.tags}) with ordinality as u(tag, ord) where lower(u.tag) not in ${unwanted} order by u.ord)`,
    eventType: 'customer.tags_removed',
  });
}

/**
 * One set-based statement for a tag change, atomic on its own and run in a transaction with nothing else:
 * `candidates` locks only the customers the change reaches (`delta`, the tags gained or lost, is not empty), so
 * customers it leaves alone are neither locked nor written; FOR UPDATE waits for a concurrent edit of a row and then
 * re-reads it, so `delta` and the new tags are worked out from what that edit committed, never from an older copy.
 * The update bumps version and updated_at as a single edit does, the events are inserted from its RETURNING, and the
 * counts come back in the same round trip.
 */
async function applyTagChange({
  actor,
  tags,
  where,
  delta,
  fits,
  nextTags,
  eventType,
}: {
  actor: Actor;
  /** The tags asked for, which `delta` and `nextTags` read as the rows of `wanted` (read once, not per customer). */
  tags: string[];
  where: SQL;
  delta: SQL;
  fits: SQL;
  nextTags: SQL;
  eventType: string;
}): Promise<BulkTagsResult> {
  const reachable = sql`${where} and ${customers.erasedAt} is null`;
  return getDb().transaction(async (tx) => {
    const [row] = await queryRows<{ matched: number; changed: number; over_limit: number }>(
      tx,
      sql`
      with wanted as materialized (${inputTags(tags)}),
      candidates as (
        select ${customers.id} as id, ${delta} as delta from ${customers}
        where ${reachable} and cardinality(${delta}) > 0
        for update of ${customers}
      ),
      changed as (
        update ${customers} set tags = ${nextTags}, version = ${customers.version} + 1, updated_at = now()
        from candidates where ${customers.id} = candidates.id and ${fits}
        returning ${customers.id} as id, candidates.delta as delta
      ),
      events as (
        insert into ${customerEvents} (customer_id, type, actor_type, actor_id, data)
        select id, ${eventType}, ${actor.type}, ${actor.id}, jsonb_build_object('tags', to_jsonb(delta)) from changed
      )
      select
        (select count(*)::int from ${customers} where ${reachable}) as matched,
        (select count(*)::int from changed) as changed,
        (select count(*)::int from candidates) - (select count(*)::int from changed) as over_limit`,
    );
    const changed = Number(row.changed);
    const overLimit = Number(row.over_limit);
    // `matched` is read from the statement's snapshot; a customer created meanwhile may make it lag by a few.
    return { changed, overLimit, unchanged: Math.max(0, Number(row.matched) - changed - overLimit) };
  });
}
