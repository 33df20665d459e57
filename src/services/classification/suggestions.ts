/**
 * Stored classification suggestions and their review: one pending suggestion per customer (a newer one replaces
 * it), accepted or rejected one by one or in bulk. Accepting moves the customer into the suggested group with one
 * set-based statement, so accepting twice or concurrently moves them once, and a suggestion whose customer changed
 * group since it was made is refused as stale.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';

import { getDb, queryRows, type Db, type Tx } from '@/db/client';
import { classificationSuggestions, customers } from '@/db/schema';
import {
  suggestionBulkSchema,
  suggestionListQuerySchema,
  type ClassificationSuggestion,
  type SuggestionBulkInput,
  type SuggestionBulkResult,
  type SuggestionListQuery,
} from '@/lib/validation/classification-suggestions';
import type { Actor, Page } from '@/lib/types';

import { customerFilterConditions } from '../customers/list';
import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { keysetCursor } from '../keyset-cursor';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { webhookOutboxCtes } from '../webhooks';
import { classifyCustomer, type ClassificationResult } from './index';

const NOT_FOUND = 'No suggestion with this id';

/**
 * Stores the suggestions of a batch of results in two statements inside the caller's transaction: pending ones of
 * customers already in the suggested group are removed, the others replace the customer's pending one (upsert on
 * the one-pending-per-customer index, so concurrent callers cannot make two). Returns how many were stored.
 */
export async function storeSuggestions(tx: Db | Tx, results: ClassificationResult[], runId: string | null = null): Promise<number> {
  if (results.length === 0) return 0;
  const rows = JSON.stringify(
    results.map((r) => ({
      customer_id: r.customerId,
      suggested_group_id: r.suggestedGroupId,
      current_group_id: r.currentGroupId,
      confidence: Math.min(1, Math.max(0, r.confidence)),
      reasons: r.reasons,
      source: r.source,
      model: r.model,
      fallback_reason: r.fallbackReason,
    })),
  );
  const input = sql`jsonb_to_recordset(${rows}::jsonb) as r(customer_id uuid, suggested_group_id uuid, current_group_id uuid, confidence float8, reasons jsonb, source text, model text, fallback_reason text)`;
  await tx.execute(sql`
    delete from classification_suggestions s using ${input}
    where s.customer_id = r.customer_id and s.status = 'pending' and r.suggested_group_id is not distinct from r.current_group_id`);
  const [{ stored }] = await queryRows<{ stored: number }>(
    tx,
    sql`with stored as (
          insert into classification_suggestions (customer_id, suggested_group_id, current_group_id, confidence, reasons, source, model, fallback_reason, run_id)
          select r.customer_id, r.suggested_group_id, r.current_group_id, r.confidence, r.reasons, r.source, r.model, r.fallback_reason, ${runId}::uuid
          from ${input}
          where r.suggested_group_id is distinct from r.current_group_id
          on conflict (customer_id) where status = 'pending' do update set
            id = excluded.id, suggested_group_id = excluded.suggested_group_id, current_group_id = excluded.current_group_id,
            confidence = excluded.confidence, reasons = excluded.reasons, source = excluded.source, model = excluded.model,
            fallback_reason = excluded.fallback_reason, run_id = excluded.run_id, created_at = now()
          returning *),
        ${webhookOutboxCtes(
          'classification.suggestion_created',
          sql`select customer_id::text as resource_key, jsonb_build_object(
              'id', id, 'customerId', customer_id, 'currentGroupId', current_group_id, 'suggestedGroupId', suggested_group_id,
              'confidence', confidence, 'reasons', reasons, 'source', source, 'model', model, 'fallbackReason', fallback_reason,
              'status', status, 'runId', run_id, 'createdAt', to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            ) as data from stored`,
        )}
        select count(*)::int as stored from stored`,
  );
  return Number(stored);
}

// The suggestion with its customer (as now) and both groups' names; `where` is on classification_suggestions.
const SELECT_SUGGESTIONS = sql`
  select s.id, s.customer_id as "customerId",
    trim(c.first_name || ' ' || c.last_name) as "customerName", c.email as "customerEmail",
    s.current_group_id as "currentGroupId", cg.name as "currentGroupName",
    s.suggested_group_id as "suggestedGroupId", sg.name as "suggestedGroupName",
    s.confidence, s.reasons, s.source, s.model, s.fallback_reason as "fallbackReason", s.status,
    (s.status = 'pending' and c.customer_group_id is distinct from s.current_group_id) as "isStale",
    s.run_id as "runId", s.decided_by_id as "decidedById", s.decided_at as "decidedAt", s.created_at as "createdAt"
  from classification_suggestions s
  join customers c on c.id = s.customer_id
  join customer_groups sg on sg.id = s.suggested_group_id
  left join customer_groups cg on cg.id = s.current_group_id`;

type SuggestionRow = Omit<ClassificationSuggestion, 'decidedAt' | 'createdAt' | 'confidence'> & {
  confidence: number | string;
  decidedAt: Date | string | null;
  createdAt: Date | string;
};

const iso = (value: Date | string) => new Date(value).toISOString();

function toSuggestion(row: SuggestionRow): ClassificationSuggestion {
  return { ...row, confidence: Number(row.confidence), decidedAt: row.decidedAt ? iso(row.decidedAt) : null, createdAt: iso(row.createdAt) };
}

async function findSuggestion(db: Db | Tx, id: string): Promise<ClassificationSuggestion | null> {
  const [row] = await queryRows<SuggestionRow>(db, sql`${SELECT_SUGGESTIONS} where s.id = ${id}`);
  return row ? toSuggestion(row) : null;
}

/** One suggestion. Throws NotFoundError, ForbiddenError. */
export async function getSuggestion({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationSuggestion> {
  assertCan(actor, 'classification:read');
  assertUuid(id, NOT_FOUND);
  const suggestion = await findSuggestion(getDb(), id);
  if (!suggestion) throw new NotFoundError(NOT_FOUND);
  return suggestion;
}

/**
 * Classifies one customer and stores the suggestion, replacing their pending one; when they are already in the
 * suggested group nothing is stored and a pending one is removed. Throws NotFoundError, ForbiddenError.
 */
export async function suggestForCustomer({ actor, customerId }: { actor: Actor; customerId: string }): Promise<{ suggestion: ClassificationSuggestion | null; reason?: string }> {
  assertCan(actor, 'classification:suggest');
  assertUuid(customerId, 'No customer with this id');
  const result = await classifyCustomer(customerId);
  const db = getDb();
  const id = await db.transaction(async (tx) => {
    await storeSuggestions(tx, [result]);
    const [row] = await tx
      .select({ id: classificationSuggestions.id })
      .from(classificationSuggestions)
      .where(and(eq(classificationSuggestions.customerId, customerId), eq(classificationSuggestions.status, 'pending')));
    return result.suggestedGroupId === result.currentGroupId ? null : (row?.id ?? null);
  });
  if (!id) return { suggestion: null, reason: 'already in group' };
  return { suggestion: await findSuggestion(db, id) };
}

const suggestionCursor = keysetCursor('classification-suggestions', [{ kind: 'timestamp' }, { kind: 'uuid' }]);

/** The list's, the count's and the bulk filter's narrowing: one suggested group, a least confidence; `suggestion` is the table's name or alias. */
function narrowing(suggestion: SQL, { suggestedGroupId, minConfidence }: { suggestedGroupId?: string | null; minConfidence?: number | null }): SQL[] {
  const conditions: SQL[] = [];
  if (suggestedGroupId) conditions.push(sql`${suggestion}.suggested_group_id = ${suggestedGroupId}`);
  if (minConfidence != null) conditions.push(sql`${suggestion}.confidence >= ${minConfidence}`);
  return conditions;
}

/** Suggestions with a status (default pending), newest first, keyset-paged. Throws ValidationFailedError, ForbiddenError. */
export async function listSuggestions({ actor, query = {} }: { actor: Actor; query?: SuggestionListQuery }): Promise<Page<ClassificationSuggestion>> {
  assertCan(actor, 'classification:read');
  const q = parseInput(suggestionListQuerySchema, query);
  const conditions: SQL[] = [sql`s.status = ${q.status}`];
  conditions.push(...narrowing(sql`s`, q));
  if (q.cursor) {
    const [at, id] = suggestionCursor.decode(q.cursor);
    conditions.push(sql`(s.created_at, s.id) < (${at.toISOString()}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<SuggestionRow>(
    getDb(),
    sql`${SELECT_SUGGESTIONS} where ${sql.join(conditions, sql` and `)} order by s.created_at desc, s.id desc limit ${q.limit + 1}`,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { data: page.map(toSuggestion), nextCursor: rows.length > q.limit && last ? suggestionCursor.encode([new Date(last.createdAt), last.id]) : null };
}

/** How many suggestions are pending, of a suggested group and at least as confident as asked (the page's "all N"). */
export async function countPendingSuggestions({ actor, query = {} }: { actor: Actor; query?: Pick<SuggestionListQuery, 'suggestedGroupId' | 'minConfidence'> }): Promise<number> {
  assertCan(actor, 'classification:read');
  const q = parseInput(suggestionListQuerySchema, query);
  const conditions = [sql`classification_suggestions.status = 'pending'`, ...narrowing(sql`classification_suggestions`, q)];
  const [{ count }] = await queryRows<{ count: number }>(getDb(), sql`select count(*)::int as count from classification_suggestions where ${sql.join(conditions, sql` and `)}`);
  return Number(count);
}

/** Pending suggestions per suggested group, most first. */
export async function countPendingSuggestionsByGroup({ actor }: { actor: Actor }): Promise<{ groupId: string; groupName: string; count: number }[]> {
  assertCan(actor, 'classification:read');
  return queryRows<{ groupId: string; groupName: string; count: number }>(
    getDb(),
    sql`select g.id as "groupId", g.name as "groupName", count(*)::int as count
        from classification_suggestions s join customer_groups g on g.id = s.suggested_group_id
        where s.status = 'pending' group by g.id, g.name order by count desc, g.name`,
  );
}

const decidedBy = (actor: Actor) => (actor.type === 'staff' ? actor.id : null);

/**
 * Accepts the pending suggestions matching `where` (conditions on classification_suggestions and customers) in one
 * statement: the suggestions and their customers are locked in customer order, those whose customer is still in the
 * group the suggestion was made from move to the suggested group with a timeline event naming the actor and the
 * suggestion, and are marked accepted. A concurrent accept waits on the lock and then finds them no longer pending.
 */
async function acceptWhere(tx: Db | Tx, actor: Actor, where: SQL): Promise<{ picked: number; accepted: number; staleIds: string[] }> {
  const [row] = await queryRows<{ picked: number; accepted: number; staleIds: string[] }>(
    tx,
    sql`with picked as (
          select classification_suggestions.id, classification_suggestions.customer_id, classification_suggestions.suggested_group_id,
            classification_suggestions.current_group_id, classification_suggestions.confidence, classification_suggestions.source,
            ${customers.customerGroupId} as now_group
          from classification_suggestions join ${customers} on ${customers.id} = classification_suggestions.customer_id
          where classification_suggestions.status = 'pending' and ${where}
          order by classification_suggestions.customer_id
          for update of classification_suggestions, ${customers}
        ),
        moved as (
          update ${customers} set customer_group_id = p.suggested_group_id, version = ${customers.version} + 1, updated_at = now()
          from picked p
          where ${customers.id} = p.customer_id and p.now_group is not distinct from p.current_group_id
          returning ${customers.id} as customer_id, p.id as suggestion_id, p.current_group_id as from_group, p.suggested_group_id as to_group,
            p.confidence, p.source
        ),
        decided as (
          update classification_suggestions set status = 'accepted', decided_by_id = ${decidedBy(actor)}, decided_at = now()
          from moved m where classification_suggestions.id = m.suggestion_id
          returning 1
        ),
        events as (
          insert into customer_events (customer_id, type, actor_type, actor_id, data)
          select customer_id, 'customer.group_changed', ${actor.type}, ${actor.id},
            jsonb_build_object('from', from_group, 'to', to_group, 'suggestionId', suggestion_id, 'confidence', confidence, 'source', source)
          from moved
        )
        select (select count(*)::int from picked) as picked, (select count(*)::int from decided) as accepted,
          (select coalesce(jsonb_agg(id), '[]'::jsonb) from picked where now_group is distinct from current_group_id) as "staleIds"`,
  );
  const staleIds = typeof row.staleIds === 'string' ? (JSON.parse(row.staleIds) as string[]) : row.staleIds;
  return { picked: Number(row.picked), accepted: Number(row.accepted), staleIds };
}

/**
 * Accepts one suggestion: the customer moves to the suggested group (timeline: who accepted it, which suggestion).
 * Accepting an accepted one returns it unchanged. Throws NotFoundError, ForbiddenError, ConflictError (rejected
 * before, or stale: the customer's group changed since it was made).
 */
export async function acceptSuggestion({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationSuggestion> {
  assertCan(actor, 'classification:manage');
  assertUuid(id, NOT_FOUND);
  const db = getDb();
  const outcome = await db.transaction((tx) => acceptWhere(tx, actor, sql`classification_suggestions.id = ${id}`));
  const suggestion = await findSuggestion(db, id);
  if (!suggestion) throw new NotFoundError(NOT_FOUND);
  if (outcome.staleIds.length > 0) {
    throw new ConflictError(
      `${suggestion.customerName || 'This customer'}'s group changed since this suggestion was made (it was ${suggestion.currentGroupName ?? 'no group'}); ask for a new suggestion`,
    );
  }
  if (suggestion.status === 'rejected') throw new ConflictError('This suggestion was rejected; ask for a new suggestion to change the group');
  return suggestion;
}

/** Rejects one pending suggestion (rejecting twice is a no-op). Throws NotFoundError, ForbiddenError, ConflictError (accepted). */
export async function rejectSuggestion({ actor, id }: { actor: Actor; id: string }): Promise<ClassificationSuggestion> {
  assertCan(actor, 'classification:manage');
  assertUuid(id, NOT_FOUND);
  const db = getDb();
  await db.execute(sql`update classification_suggestions set status = 'rejected', decided_by_id = ${decidedBy(actor)}, decided_at = now() where id = ${id} and status = 'pending'`);
  const suggestion = await findSuggestion(db, id);
  if (!suggestion) throw new NotFoundError(NOT_FOUND);
  if (suggestion.status === 'accepted') throw new ConflictError('This suggestion was already accepted; change the group on the customer instead');
  return suggestion;
}

/** The bulk target as conditions: the chosen ids, or every pending suggestion whose customer matches the filter. */
function bulkWhere(input: SuggestionBulkInput): { where: SQL; asked: number | null } {
  const target = parseInput(suggestionBulkSchema, input);
  if (target.ids) return { where: sql`classification_suggestions.id in (${sql.join(target.ids.map((id) => sql`${id}::uuid`), sql`, `)})`, asked: new Set(target.ids).size };
  const { suggestedGroupId, minConfidence, ...customerFilter } = target.filter ?? {};
  const conditions = customerFilterConditions(customerFilter);
  conditions.push(...narrowing(sql`classification_suggestions`, { suggestedGroupId, minConfidence }));
  return { where: conditions.length ? sql.join(conditions, sql` and `) : sql`true`, asked: null };
}

/**
 * Accepts the chosen pending suggestions, or all pending ones matching a filter, atomically. Stale ones (customer's
 * group changed) stay pending and are counted. Throws ValidationFailedError, ForbiddenError.
 */
export async function acceptSuggestions({ actor, input }: { actor: Actor; input: SuggestionBulkInput }): Promise<SuggestionBulkResult> {
  assertCan(actor, 'classification:manage');
  const { where, asked } = bulkWhere(input);
  const outcome = await getDb().transaction((tx) => acceptWhere(tx, actor, where));
  return { decided: outcome.accepted, stale: outcome.staleIds.length, skipped: asked === null ? 0 : asked - outcome.picked };
}

/** Rejects the chosen pending suggestions, or all pending ones matching a filter, in one statement. Throws ValidationFailedError, ForbiddenError. */
export async function rejectSuggestions({ actor, input }: { actor: Actor; input: SuggestionBulkInput }): Promise<SuggestionBulkResult> {
  assertCan(actor, 'classification:manage');
  const { where, asked } = bulkWhere(input);
  const [{ rejected }] = await queryRows<{ rejected: number }>(
    getDb(),
    sql`with rejected as (
          update classification_suggestions set status = 'rejected', decided_by_id = ${decidedBy(actor)}, decided_at = now()
          from ${customers}
          where ${customers.id} = classification_suggestions.customer_id and classification_suggestions.status = 'pending' and ${where}
          returning 1)
        select count(*)::int as rejected from rejected`,
  );
  return { decided: Number(rejected), stale: 0, skipped: asked === null ? 0 : asked - Number(rejected) };
}
