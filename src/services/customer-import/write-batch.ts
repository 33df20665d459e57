/**
 * Matches a batch of checked rows against the customers table in bulk (e-mail against its unique index; a row without
 * one by its E.164 phone), decides per row (create, update, unchanged, skip), and, when writing, applies the batch in
 * a few set-based statements: one INSERT … ON CONFLICT for the new customers, one UPDATE … FROM for the changed ones,
 * their addresses and their timeline events. Rows are passed as one JSON parameter (one round trip whatever the size,
 * no SQL text built from data).
 */
import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { queryRows, type Db, type Tx } from '@/db/client';
import type { Actor } from '@/lib/types';

import type { ImportAddress, ImportRow, RowProblem } from './row';

export interface BatchContext {
  actor: Actor;
  overwrite: boolean;
  /** Named on each timeline event: which import, which file. */
  jobId: string | null;
  fileName: string;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

interface Existing {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string;
  last_name: string;
  company: string | null;
  notes: string;
  tags: string[];
  email_marketing_consent: boolean;
  sms_marketing_consent: boolean;
  address: (ImportAddress & { id: string }) | null;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
// A text[] parameter from JSON (both drivers pass a JSON string alike): `= any(...)` then probes the unique index.
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${json(values)}))`;

const CUSTOMER_COLUMNS = ['firstName', 'lastName', 'email', 'phone', 'company', 'notes', 'tags', 'emailMarketingConsent', 'smsMarketingConsent'] as const;
type ChangedField = (typeof CUSTOMER_COLUMNS)[number];
const ADDRESS_KEYS: (keyof ImportAddress)[] = ['firstName', 'lastName', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone'];

/** Customers these rows match: by e-mail, or by phone for rows without one (the oldest such customer). */
async function findExisting(db: Db | Tx, rows: ImportRow[]): Promise<{ byEmail: Map<string, Existing>; byPhone: Map<string, Existing> }> {
  const emails = rows.flatMap((row) => (row.email ? [row.email] : []));
  const phones = rows.flatMap((row) => (!row.email && row.phone ? [row.phone] : []));
  const select = (where: ReturnType<typeof sql>) => sql`
    select c.id, c.email, c.phone, c.first_name, c.last_name, c.company, c.notes, c.tags, c.email_marketing_consent, c.sms_marketing_consent,
      (select jsonb_build_object('id', a.id, 'firstName', a.first_name, 'lastName', a.last_name, 'company', a.company, 'line1', a.line1, 'line2', a.line2,
        'city', a.city, 'region', a.region, 'postalCode', a.postal_code, 'countryCode', a.country_code, 'phone', a.phone)
       from customer_addresses a where a.customer_id = c.id and a.is_default_shipping) as address
    from customers c where ${where}`;
  const byEmail = new Map<string, Existing>();
  const byPhone = new Map<string, Existing>();
  if (emails.length) {
    for (const row of await queryRows<Existing>(db, select(sql`c.email = any(${textArray(emails)})`))) byEmail.set(row.email!, row);
  }
  if (phones.length) {
    const found = await queryRows<Existing>(db, select(sql`c.phone = any(${textArray(phones)}) and c.erased_at is null order by c.created_at desc, c.id desc`));
    // Oldest last, so it wins.
    for (const row of found) byPhone.set(row.phone!, row);
  }
  return { byEmail, byPhone };
}

/** The file's values that differ from the customer's; a blank cell (null) leaves the field as it is. */
function changesOf(existing: Existing, row: ImportRow): Partial<Record<ChangedField, [unknown, unknown]>> {
  const current: Record<ChangedField, unknown> = {
    firstName: existing.first_name,
    lastName: existing.last_name,
    email: existing.email,
    phone: existing.phone,
    company: existing.company,
    notes: existing.notes,
    tags: existing.tags,
    emailMarketingConsent: existing.email_marketing_consent,
    smsMarketingConsent: existing.sms_marketing_consent,
  };
  const changes: Partial<Record<ChangedField, [unknown, unknown]>> = {};
  for (const field of CUSTOMER_COLUMNS) {
    const next = row[field];
    if (next === null || (field === 'firstName' && next === '')) continue;
    if (JSON.stringify(next) !== JSON.stringify(current[field])) changes[field] = [current[field], next];
  }
  return changes;
}

function addressChanged(existing: Existing, row: ImportRow): boolean {
  if (!row.address) return false;
  const current = existing.address;
  return !current || ADDRESS_KEYS.some((key) => (current[key] ?? null) !== (row.address![key] ?? null));
}

const skip = (row: ImportRow, message: string): RowProblem => ({ line: row.line, column: row.matchColumn, message, kind: 'skipped' });

interface Plan {
  creates: (ImportRow & { id: string })[];
  updates: { row: ImportRow; existing: Existing; changes: Partial<Record<ChangedField, [unknown, unknown]>>; newAddress: boolean }[];
  unchanged: number;
  problems: RowProblem[];
}

/** Decides each row of the batch, reading only. */
export async function planBatch(db: Db | Tx, rows: ImportRow[], { overwrite }: Pick<BatchContext, 'overwrite'>): Promise<Plan> {
  const { byEmail, byPhone } = await findExisting(db, rows);
  const plan: Plan = { creates: [], updates: [], unchanged: 0, problems: [] };
  for (const row of rows) {
    const existing = row.email ? byEmail.get(row.email) : row.phone ? byPhone.get(row.phone) : undefined;
    if (!existing) {
      plan.creates.push({ ...row, id: randomUUID() });
      continue;
    }
    const by = row.email ? 'e-mail' : 'phone';
    if (!overwrite) {
      plan.problems.push(skip(row, `A customer with this ${by} already exists; choose “overwrite existing customers” to update it`));
      continue;
    }
    const changes = changesOf(existing, row);
    const newAddress = addressChanged(existing, row);
    if (Object.keys(changes).length === 0 && !newAddress) plan.unchanged += 1;
    else plan.updates.push({ row, existing, changes, newAddress });
  }
  return plan;
}

/** The fields of an address row for the JSON parameter. */
const addressRecord = (customerId: string, address: ImportAddress) => ({ customer_id: customerId, ...address });

/** Writes a planned batch in the caller's transaction. Returns what it did; a row created meanwhile is skipped. */
export async function writeBatch(tx: Tx, plan: Plan, context: BatchContext): Promise<BatchOutcome> {
  const { actor } = context;
  const source = { jobId: context.jobId, fileName: context.fileName };
  const problems = [...plan.problems];
  let created = 0;
  if (plan.creates.length) {
    const consentAt = new Date().toISOString();
    const inserted = new Set(
      (
        await queryRows<{ id: string }>(tx, sql`
          insert into customers (id, first_name, last_name, email, phone, company, notes, tags, email_marketing_consent, email_consent_at,
            sms_marketing_consent, sms_consent_at, created_by_id)
          select r.id, r.first_name, r.last_name, r.email, r.phone, r.company, coalesce(r.notes, ''), coalesce(array(select jsonb_array_elements_text(r.tags)), '{}'),
            coalesce(r.email_consent, false), case when r.email_consent then now() end, coalesce(r.sms_consent, false), case when r.sms_consent then now() end,
            ${actor.type === 'staff' ? actor.id : null}
          from jsonb_to_recordset(${json(
            plan.creates.map((row) => ({
              id: row.id,
              first_name: row.firstName,
              last_name: row.lastName,
              email: row.email,
              phone: row.phone,
              company: row.company,
              notes: row.notes,
              tags: row.tags,
              email_consent: row.emailMarketingConsent,
              sms_consent: row.smsMarketingConsent,
            })),
          )}) as r(id uuid, first_name text, last_name text, email text, phone text, company text, notes text, tags jsonb, email_consent boolean, sms_consent boolean)
          on conflict do nothing
          returning id`)
      ).map((row) => row.id),
    );
    const done = plan.creates.filter((row) => inserted.has(row.id));
    created = done.length;
    for (const row of plan.creates) if (!inserted.has(row.id)) problems.push(skip(row, 'A customer with this e-mail was added while the import ran; import the file again to update it'));
    await insertAddresses(tx, done.flatMap((row) => (row.address ? [addressRecord(row.id, row.address)] : [])));
    await insertEvents(
      tx,
      actor,
      done.map((row) => ({
        customer_id: row.id,
        type: 'customer.created',
        data: { import: { ...source, line: row.line }, ...consentData(row, consentAt) },
      })),
    );
  }
  if (plan.updates.length) {
    const consentAt = new Date().toISOString();
    const changed = plan.updates.filter((update) => Object.keys(update.changes).length > 0);
    if (changed.length) {
      await tx.execute(sql`
        update customers c set
          first_name = coalesce(r.first_name, c.first_name), last_name = coalesce(r.last_name, c.last_name),
          email = coalesce(r.email, c.email), phone = coalesce(r.phone, c.phone), company = coalesce(r.company, c.company),
          notes = coalesce(r.notes, c.notes), tags = case when r.tags is null then c.tags else array(select jsonb_array_elements_text(r.tags)) end,
          email_marketing_consent = coalesce(r.email_consent, c.email_marketing_consent),
          email_consent_at = case when r.email_consent is null or r.email_consent = c.email_marketing_consent then c.email_consent_at when r.email_consent then now() end,
          sms_marketing_consent = coalesce(r.sms_consent, c.sms_marketing_consent),
          sms_consent_at = case when r.sms_consent is null or r.sms_consent = c.sms_marketing_consent then c.sms_consent_at when r.sms_consent then now() end,
          version = c.version + 1, updated_at = now()
        from jsonb_to_recordset(${json(
          changed.map(({ existing, changes }) => ({
            id: existing.id,
            first_name: changes.firstName?.[1] ?? null,
            last_name: changes.lastName?.[1] ?? null,
            email: changes.email?.[1] ?? null,
            phone: changes.phone?.[1] ?? null,
            company: changes.company?.[1] ?? null,
            notes: changes.notes?.[1] ?? null,
            tags: changes.tags?.[1] ?? null,
            email_consent: changes.emailMarketingConsent?.[1] ?? null,
            sms_consent: changes.smsMarketingConsent?.[1] ?? null,
          })),
        )}) as r(id uuid, first_name text, last_name text, email text, phone text, company text, notes text, tags jsonb, email_consent boolean, sms_consent boolean)
        where c.id = r.id`);
    }
    const moved = plan.updates.filter((update) => update.newAddress);
    if (moved.length) {
      // The file's address becomes both defaults; the old ones stay in the address book.
      await tx.execute(sql`
        update customer_addresses a set is_default_shipping = false, is_default_billing = false, updated_at = now()
        where a.customer_id in (select jsonb_array_elements_text(${json(moved.map((update) => update.existing.id))})::uuid)
          and (a.is_default_shipping or a.is_default_billing)`);
      await insertAddresses(tx, moved.map((update) => addressRecord(update.existing.id, update.row.address!)));
    }
    await insertEvents(
      tx,
      actor,
      plan.updates.map(({ row, existing, changes, newAddress }) => ({
        customer_id: existing.id,
        type: 'customer.updated',
        data: {
          changes,
          import: { ...source, line: row.line },
          ...(newAddress ? { defaultAddress: row.address } : {}),
          ...consentData({ emailMarketingConsent: changes.emailMarketingConsent?.[1] === true, smsMarketingConsent: changes.smsMarketingConsent?.[1] === true }, consentAt),
        },
      })),
    );
  }
  return { created, updated: plan.updates.length, unchanged: plan.unchanged, problems };
}

// Consent given in the file is recorded as given now, by the import (Shopify's yes/no carries no date).
function consentData(row: Pick<ImportRow, 'emailMarketingConsent' | 'smsMarketingConsent'>, at: string) {
  const consent: Record<string, unknown> = {};
  if (row.emailMarketingConsent) consent.email = { given: true, at, source: 'import' };
  if (row.smsMarketingConsent) consent.sms = { given: true, at, source: 'import' };
  return Object.keys(consent).length ? { consent } : {};
}

async function insertAddresses(tx: Tx, addresses: ReturnType<typeof addressRecord>[]) {
  if (!addresses.length) return;
  await tx.execute(sql`
    insert into customer_addresses (customer_id, first_name, last_name, company, line1, line2, city, region, postal_code, country_code, phone, is_default_shipping, is_default_billing)
    select r.customer_id, r."firstName", r."lastName", r.company, r.line1, r.line2, r.city, r.region, r."postalCode", r."countryCode", r.phone, true, true
    from jsonb_to_recordset(${json(addresses)}) as r(customer_id uuid, "firstName" text, "lastName" text, company text, line1 text, line2 text, city text,
      region text, "postalCode" text, "countryCode" text, phone text)`);
}

async function insertEvents(tx: Tx, actor: Actor, events: { customer_id: string; type: string; data: Record<string, unknown> }[]) {
  if (!events.length) return;
  await tx.execute(sql`
    insert into customer_events (customer_id, type, actor_type, actor_id, data)
    select r.customer_id, r.type, ${actor.type}, ${actor.id}, r.data
    from jsonb_to_recordset(${json(events)}) as r(customer_id uuid, type text, data jsonb)`);
}
