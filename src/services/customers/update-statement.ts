import { sql, type SQL } from 'drizzle-orm';

import { preparedStatement, type Db } from '@/db/client';
import { customerGroups, customers, type CustomerRow } from '@/db/schema';
import type { Actor, Customer } from '@/lib/types';
import { CUSTOMER_FIELDS, type CustomerField } from '@/lib/validation/customer';

import { webhookOutboxCtes } from '../webhooks';
import { customerJsonSql } from '../webhooks/customer-json';
import { ACTOR_PLACEHOLDERS, actorValues, customerEventsSql } from './events';

export type CustomerPatch = Partial<Pick<CustomerRow, CustomerField>>;

/** What the statement found, so the caller can throw the error the first failed check names. */
export interface CustomerUpdateOutcome {
  found: boolean;
  erased: boolean;
  /** The version the row had when locked. */
  version: number | null;
  reachable: boolean;
  smsReachable: boolean;
  applied: boolean;
  /** The customer after the update, or as it was when nothing was changed or a check failed. */
  customer: Customer | null;
}

interface OutcomeRow {
  found: boolean;
  erased: boolean | null;
  version: number | null;
  reachable: boolean | null;
  sms_reachable: boolean | null;
  applied: boolean;
  customer_json: Customer | null;
}

const column = (field: CustomerField) => sql.identifier(customers[field].name);

const isArray = (field: CustomerField) => customers[field].getSQLType().endsWith('[]');

// A patched value as a placeholder of its column's type. Arrays go as JSON text (a JS array parameter is not sent alike by
// both drivers).
function patchedValue(field: CustomerField): SQL {
  const value = sql.placeholder(field);
  if (isArray(field)) return sql`array(select jsonb_array_elements_text(${value}::jsonb))`;
  return sql`${value}::${sql.raw(customers[field].getSQLType())}`;
}

const ID = sql.placeholder('id');
const VERSION = sql.placeholder('version');
// One statement per set of fields patched, built on first use (db/client.ts preparedStatement).
const statements = new Map<string, ReturnType<typeof preparedStatement<OutcomeRow>>>();

/**
 * Applies `patch` to the customer in one statement: locks the row, checks the version the editor started from and the
 * rules the merged row must keep (not erased, reachable by email, phone or external id, SMS consent only with a phone),
 * and only if all hold and something differs writes the row (version + 1, consent times), the timeline events and the
 * webhook events (customer.updated for the fields, customer.group_changed for the group, in that order). A check that
 * fails changes nothing; the caller turns the outcome into the error, in the order the checks are listed.
 */
export async function updateCustomerStatement(db: Db, actor: Actor, id: string, version: number | undefined, patch: CustomerPatch): Promise<CustomerUpdateOutcome> {
  const fields = CUSTOMER_FIELDS.filter((field) => field in patch && patch[field] !== undefined);
  const key = fields.join(',');
  let statement = statements.get(key);
  if (!statement) {
    statement = preparedStatement<OutcomeRow>(() => updateSql(fields));
    statements.set(key, statement);
  }
  const values: Record<string, unknown> = { id, version: version ?? null, ...actorValues(actor) };
  for (const field of fields) values[field] = isArray(field) ? JSON.stringify(patch[field]) : patch[field];
  const [row] = await statement(db, values);
  return {
    found: row.found,
    erased: row.erased ?? false,
    version: row.version,
    reachable: row.reachable ?? false,
    smsReachable: row.sms_reachable ?? false,
    applied: row.applied,
    customer: row.customer_json,
  };
}

function updateSql(fields: CustomerField[]): SQL {
  const next = (field: CustomerField) => (fields.includes(field) ? patchedValue(field) : sql`cur.${column(field)}`);
  // Each changed field but the group as { field: [before, after] }: the timeline's "changes".
  const changes = fields
    .filter((field) => field !== 'customerGroupId')
    .map((field) => sql`${field}::text, case when cur.${column(field)} is distinct from nxt.${column(field)} then jsonb_build_array(cur.${column(field)}, nxt.${column(field)}) end`);
  // Consent records when it was given; withdrawing it clears the time.
  const consentTime = (consent: 'emailMarketingConsent' | 'smsMarketingConsent', at: string) =>
    fields.includes(consent)
      ? [sql`${sql.identifier(at)} = case when nxt.${column(consent)} is distinct from cur.${column(consent)} then case when nxt.${column(consent)} then now() end else cur.${sql.identifier(at)} end`]
      : [];
  const assignments = [
    ...fields.map((field) => sql`${column(field)} = nxt.${column(field)}`),
    ...consentTime('emailMarketingConsent', 'email_consent_at'),
    ...consentTime('smsMarketingConsent', 'sms_consent_at'),
    sql`version = c.version + 1`,
    sql`updated_at = now()`,
  ];
  return sql`with cur as (
        select * from ${customers} where id = ${ID} for update
      ),
      nxt as (
        select ${sql.join(
          CUSTOMER_FIELDS.map((field) => sql`${next(field)} as ${column(field)}`),
          sql`, `,
        )}, cur.external_id
        from cur
      ),
      checked as (
        select cur.erased_at is not null as erased,
          cur.version,
          (nxt.email is not null or nxt.phone is not null or nxt.external_id is not null) as reachable,
          (not nxt.sms_marketing_consent or nxt.phone is not null) as sms_reachable,
          jsonb_strip_nulls(jsonb_build_object(${changes.length ? sql.join(changes, sql`, `) : sql``})) as changes,
          ${fields.includes('customerGroupId') ? sql`cur.customer_group_id is distinct from nxt.customer_group_id` : sql`false`} as group_changed,
          cur.customer_group_id as group_before
        from cur cross join nxt
      ),
      allowed as (
        select * from checked
        where not erased and (${VERSION}::bigint is null or version = ${VERSION}::bigint) and reachable and sms_reachable
          and (changes <> '{}'::jsonb or group_changed)
      ),
      updated as (
        update ${customers} c set ${sql.join(assignments, sql`, `)}
        from nxt cross join cur cross join allowed
        where c.id = ${ID}
        returning c.*
      ),
      shown as (
        select ${customerJsonSql('u', 'g')} as customer_json
        from (select * from updated union all select * from cur where not exists (select 1 from updated)) u
        left join ${customerGroups} g on g.id = u.customer_group_id
      ),
      field_event as (${customerEventsSql(ACTOR_PLACEHOLDERS, 'customer.updated', sql`select ${ID}::uuid as customer_id, jsonb_build_object('changes', changes) as data from allowed where changes <> '{}'::jsonb`)}),
      group_event as (${customerEventsSql(
        ACTOR_PLACEHOLDERS,
        'customer.group_changed',
        sql`select ${ID}::uuid as customer_id, jsonb_build_object('from', a.group_before, 'to', u.customer_group_id) as data from allowed a cross join updated u where a.group_changed`,
      )}),
      ${webhookOutboxCtes(
        'customer.updated',
        sql`select ${ID}::text as resource_key, s.customer_json as data from allowed a cross join shown s cross join updated where a.changes <> '{}'::jsonb`,
        'field_hook',
      )},
      ${webhookOutboxCtes(
        'customer.group_changed',
        sql`select ${ID}::text as resource_key, s.customer_json || jsonb_build_object('previousCustomerGroupId', a.group_before) as data
          from allowed a cross join shown s cross join updated where a.group_changed`,
        'group_hook',
      )}
    select exists (select 1 from cur) as found, (select erased from checked) as erased, (select version from checked) as version,
      (select reachable from checked) as reachable, (select sms_reachable from checked) as sms_reachable,
      exists (select 1 from updated) as applied, (select customer_json from shown) as customer_json,
      -- Read in this order, the two event inserts run in this order: a receiver gets the fields' event first.
      (select count(*) from field_hook_new_events) as field_hooks, (select count(*) from group_hook_new_events) as group_hooks`;
}
