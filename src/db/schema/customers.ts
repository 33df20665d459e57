import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';
import { alnumKeySql, emailCanonicalSql } from './duplicate-keys';
import { staffMembers } from './staff';
import { storeUsers } from './store-accounts';

export const customerGroups = pgTable(
  'customer_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('customer_groups_name_lower_idx').on(sql`lower(${t.name})`)],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    // Stored lower-case (the check enforces it), so the plain unique index is case-insensitive.
    email: text('email'),
    // E.164, e.g. +447700900123.
    phone: text('phone'),
    company: text('company'),
    notes: text('notes').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customerGroupId: uuid('customer_group_id').references(() => customerGroups.id, { onDelete: 'set null' }),
    emailMarketingConsent: boolean('email_marketing_consent').notNull().default(false),
    emailConsentAt: timestampMs('email_consent_at'),
    smsMarketingConsent: boolean('sms_marketing_consent').notNull().default(false),
    smsConsentAt: timestampMs('sms_consent_at'),
    createdById: text('created_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    // The storefront login, set once the customer has verified this email (services/store/link-account.ts).
    userId: text('user_id').references(() => storeUsers.id, { onDelete: 'set null' }),
    externalId: text('external_id'),
    // Derived from completed orders; total_spend is in minor units of the shop currency.
    totalSpend: bigint('total_spend', { mode: 'number' }).notNull().default(0),
    orderCount: integer('order_count').notNull().default(0),
    firstOrderDate: timestampMs('first_order_date'),
    lastOrderDate: timestampMs('last_order_date'),
    version: integer('version').notNull().default(1),
    erasedAt: timestampMs('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sql`lower(first_name || ' ' || last_name)`),
    // The mailbox the email reaches (dots and +tags folded where the provider ignores them): duplicate detection.
    emailCanonical: text('email_canonical').generatedAlwaysAs(emailCanonicalSql()),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(company, ''))`,
      ),
  },
  (t) => [
    check('customers_email_lower', sql`${t.email} = lower(${t.email})`),
    // Staff-entered customers need a way to be reached; a customer imported from another system may come with
    // none (an order history keyed by customer number), and is identified by its external id instead.
    check('customers_contact_present', sql`${t.email} is not null or ${t.phone} is not null or ${t.erasedAt} is not null or ${t.externalId} is not null`),
    check('customers_stats_non_negative', sql`${t.orderCount} >= 0`),
    uniqueIndex('customers_email_idx').on(t.email),
    uniqueIndex('customers_user_id_idx').on(t.userId),
    uniqueIndex('customers_external_id_idx').on(t.externalId),
    // One index per sort of the list, each ending in id so keyset cursors are total orders.
    index('customers_created_at_idx').on(t.createdAt, t.id),
    // When a customer was first seen, added or first ordered (least() skips a null): the overview's new customers
    // per month. Imported history has first orders from long before the records were created.
    index('customers_first_seen_idx').on(sql`least(${t.createdAt}, ${t.firstOrderDate})`),
    index('customers_sort_name_idx').on(t.sortName, t.id),
    index('customers_email_sort_idx').on(sql`coalesce(${t.email}, '')`, t.id),
    index('customers_total_spend_idx').on(t.totalSpend, t.id),
    // Its columns after id (which leave its order as it is) hold every range filter's and sort's key but the name and
    // email, and erased_at, which every list but the erased one filters on: a list filtered by a range and sorted by
    // another key, whose matches the sort index holds far apart, collects them from this index alone (72 MB against
    // the table's 618 MB at a million) instead of reading the whole table.
    index('customers_order_count_idx').on(t.orderCount, t.id, t.totalSpend, t.lastOrderDate, t.createdAt, t.erasedAt),
    index('customers_last_order_idx').on(sql`coalesce(${t.lastOrderDate}, '-infinity'::timestamptz)`, t.id),
    // The group filter with each sort: a group is often what sets the sort key apart (the VIP group's spend), so
    // walking the sort's own index for a group's members can read most of the table before a page is full.
    index('customers_group_idx').on(t.customerGroupId, t.createdAt, t.id),
    index('customers_group_sort_name_idx').on(t.customerGroupId, t.sortName, t.id),
    index('customers_group_email_idx').on(t.customerGroupId, sql`coalesce(${t.email}, '')`, t.id),
    index('customers_group_total_spend_idx').on(t.customerGroupId, t.totalSpend, t.id),
    index('customers_group_order_count_idx').on(t.customerGroupId, t.orderCount, t.id),
    index('customers_group_last_order_idx').on(t.customerGroupId, sql`coalesce(${t.lastOrderDate}, '-infinity'::timestamptz)`, t.id),
    index('customers_created_by_idx').on(t.createdById, t.createdAt, t.id),
    // A campaign's audience per channel (services/campaigns/audience.ts): counting 1M customers becomes an
    // index-only scan of the consenting members of the targeted groups.
    index('customers_email_audience_idx')
      .on(t.customerGroupId, t.id)
      .where(sql`${t.emailMarketingConsent} and ${t.email} is not null and ${t.erasedAt} is null`),
    index('customers_sms_audience_idx')
      .on(t.customerGroupId, t.id)
      .where(sql`${t.smsMarketingConsent} and ${t.phone} is not null and ${t.erasedAt} is null`),
    // The customer list's `erased=only` filter: erased customers are few, so a partial index finds them at once.
    index('customers_erased_idx').on(t.erasedAt, t.id).where(sql`${t.erasedAt} is not null`),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // Duplicate detection (services/customers/duplicates.ts): equal mailboxes and equal phones, erased customers left out.
    index('customers_email_canonical_idx').on(t.emailCanonical, t.id).where(sql`${t.emailCanonical} is not null and ${t.erasedAt} is null`),
    // Also the CSV import's match of a row without an e-mail by its E.164 phone (it asks for erased_at is null too).
    index('customers_phone_idx').on(t.phone, t.id).where(sql`${t.phone} is not null and ${t.erasedAt} is null`),
  ],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    company: text('company'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code'),
    // ISO 3166-1 alpha-2.
    countryCode: text('country_code').notNull(),
    phone: text('phone'),
    isDefaultShipping: boolean('is_default_shipping').notNull().default(false),
    isDefaultBilling: boolean('is_default_billing').notNull().default(false),
    // Match keys of the duplicate finder: the postcode and the street line with only letters and digits, lower-case.
    postalKey: text('postal_key').generatedAlwaysAs(alnumKeySql('postal_code')),
    line1Key: text('line1_key').generatedAlwaysAs(alnumKeySql('line1')),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId, t.createdAt),
    // At most one default of each kind per customer, whatever races happen.
    uniqueIndex('customer_addresses_default_shipping_idx').on(t.customerId).where(sql`${t.isDefaultShipping}`),
    uniqueIndex('customer_addresses_default_billing_idx').on(t.customerId).where(sql`${t.isDefaultBilling}`),
    // The customer list's country filter (of the default shipping address): a rare country's customers at once.
    index('customer_addresses_default_country_idx').on(t.countryCode, t.customerId).where(sql`${t.isDefaultShipping}`),
    // Customers sharing a postcode or a street line are the only ones whose names the duplicate finder compares.
    index('customer_addresses_postal_key_idx').on(t.countryCode, t.postalKey, t.customerId).where(sql`${t.postalKey} is not null`),
    index('customer_addresses_line1_key_idx').on(t.countryCode, t.line1Key, t.customerId).where(sql`${t.line1Key} is not null`),
  ],
);

// The customer's timeline: every change, with who made it.
export const customerEvents = pgTable(
  'customer_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['staff', 'api_key', 'customer', 'system'] }).notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('customer_events_customer_idx').on(t.customerId, t.createdAt, t.id)],
);

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerAddressRow = typeof customerAddresses.$inferSelect;
export type CustomerGroupRow = typeof customerGroups.$inferSelect;
export type CustomerEventRow = typeof customerEvents.$inferSelect;
