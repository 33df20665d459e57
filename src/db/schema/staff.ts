import { bigint, boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';

// better-auth's user/session/account/verification models for staff, under staff-specific names so that
// storefront customers can get their own, separate set later.
export const staffMembers = pgTable('staff_members', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role', { enum: ['owner', 'admin', 'staff'] }).notNull().default('staff'),
  // Set while the member cannot sign in; the row stays so that customers, orders and events keep their author.
  deactivatedAt: timestampMs('deactivated_at'),
  // Set when a password sign-in succeeds (a session hook), for the Team page.
  lastSignedInAt: timestampMs('last_signed_in_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// One open invitation per invited member: the link's token is stored only as its SHA-256, works once and expires.
// A member is "invited" while they have no password (no credential account); accepting sets name and password.
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: text('id').primaryKey(),
    staffMemberId: text('staff_member_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedById: text('invited_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    expiresAt: timestampMs('expires_at').notNull(),
    acceptedAt: timestampMs('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [index('staff_invitations_staff_member_id_idx').on(t.staffMemberId)],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestampMs('expires_at').notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('staff_sessions_user_id_idx').on(t.userId)],
);

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestampMs('access_token_expires_at'),
    refreshTokenExpiresAt: timestampMs('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('staff_accounts_user_id_idx').on(t.userId)],
);

export const staffVerifications = pgTable('staff_verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestampMs('expires_at').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// better-auth's rate-limit storage, kept in the database so limits hold across restarts and processes.
export const rateLimits = pgTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

// Failed password sign-ins per email, counted in a fixed window that starts at the first failure. Keyed by an
// HMAC of the lower-cased email, so the table names no one (people do type a password into the email field), and
// an email that has no account is counted exactly like one that has.
export const failedSignIns = pgTable(
  'failed_sign_ins',
  {
    emailHash: text('email_hash').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: timestampMs('window_started_at').notNull(),
  },
  (table) => [index('failed_sign_ins_window_started_at_idx').on(table.windowStartedAt)],
);

export type StaffMemberRow = typeof staffMembers.$inferSelect;
