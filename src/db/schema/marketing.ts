import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';
import { customerGroups, customers } from './customers';
import { staffMembers } from './staff';

export const DISCOUNT_KINDS = ['percentage', 'fixed_amount'] as const;

export const discounts = pgTable(
  'discounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored upper-case (the check enforces it), so the plain unique index is case-insensitive.
    code: text('code').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: DISCOUNT_KINDS }).notNull(),
    // percentage: basis points (1,000 = 10%); fixed_amount: minor units of the shop currency.
    value: bigint('value', { mode: 'number' }).notNull(),
    startsAt: timestampMs('starts_at'),
    endsAt: timestampMs('ends_at'),
    minSubtotal: bigint('min_subtotal', { mode: 'number' }).notNull().default(0),
    usageLimit: integer('usage_limit'),
    perCustomerLimit: integer('per_customer_limit'),
    // Redemptions so far, moved in the order's transaction with the discount row locked, so limits hold under races.
    timesUsed: integer('times_used').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdById: text('created_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('discounts_code_idx').on(t.code),
    check('discounts_code_upper', sql`${t.code} = upper(${t.code})`),
    check('discounts_value_valid', sql`${t.value} > 0 and (${t.kind} <> 'percentage' or ${t.value} <= 10000)`),
    check('discounts_limits_valid', sql`${t.minSubtotal} >= 0 and (${t.usageLimit} is null or ${t.usageLimit} > 0) and (${t.perCustomerLimit} is null or ${t.perCustomerLimit} > 0) and ${t.timesUsed} >= 0`),
    check('discounts_window_valid', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`),
  ],
);

// Targeting through a join table, so that a targeted group cannot be deleted (the foreign key restricts it).
export const discountTargetGroups = pgTable(
  'discount_target_groups',
  {
    discountId: uuid('discount_id')
      .notNull()
      .references(() => discounts.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.discountId, t.groupId] }), index('discount_target_groups_group_idx').on(t.groupId)],
);

export const discountRedemptions = pgTable(
  'discount_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    discountId: uuid('discount_id')
      .notNull()
      .references(() => discounts.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('discount_redemptions_discount_customer_idx').on(t.discountId, t.customerId),
    uniqueIndex('discount_redemptions_order_idx').on(t.orderId, t.discountId),
    // One person's redemptions (their data export).
    index('discount_redemptions_customer_idx').on(t.customerId),
  ],
);

export const CAMPAIGN_CHANNELS = ['email', 'sms'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'sending', 'sent'] as const;

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    channel: text('channel', { enum: CAMPAIGN_CHANNELS }).notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    createdById: text('created_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    // A draft set to send itself at this moment (by a queued job, services/campaigns/schedule.ts); null otherwise.
    scheduledFor: timestampMs('scheduled_for'),
    scheduledById: text('scheduled_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    // Why the scheduled send did not start (nobody to send to by then), for the page to say; cleared on rescheduling.
    scheduleError: text('schedule_error'),
    sendStartedAt: timestampMs('send_started_at'),
    sentAt: timestampMs('sent_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('campaigns_created_idx').on(t.createdAt, t.id)],
);

export const campaignTargetGroups = pgTable(
  'campaign_target_groups',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.groupId] }), index('campaign_target_groups_group_idx').on(t.groupId)],
);

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

// One row per recipient, keyed (campaign, customer): a customer can never be messaged twice by one campaign,
// and an interrupted send resumes with the rows still pending.
export const campaignDeliveries = pgTable(
  'campaign_deliveries',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    // The email address or phone number at the time the audience was fixed.
    address: text('address').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    messageId: text('message_id'),
    error: text('error'),
    sentAt: timestampMs('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.customerId] }),
    index('campaign_deliveries_status_idx').on(t.campaignId, t.status),
    // One person's deliveries (their data export, erasure, and the cascade when a customer is deleted).
    index('campaign_deliveries_customer_idx').on(t.customerId),
  ],
);

export type DiscountRow = typeof discounts.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignDeliveryRow = typeof campaignDeliveries.$inferSelect;
