import { bigint, boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs, updatedAt } from './columns';

// better-auth's user/session/account/verification models for storefront customers: a set of their own, apart from
// the staff tables, so that no customer session can ever be read as a staff session or the other way round.
// A store user is the login; the customer it belongs to points at it through customers.user_id.
export const storeUsers = pgTable('store_users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // better-auth stores emails lower-cased, as customers.email is.
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  // Given at sign-up and copied to the customer once the email is verified.
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const storeSessions = pgTable(
  'store_sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestampMs('expires_at').notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => storeUsers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('store_sessions_user_id_idx').on(t.userId)],
);

export const storeAccounts = pgTable(
  'store_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => storeUsers.id, { onDelete: 'cascade' }),
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
  (t) => [index('store_accounts_user_id_idx').on(t.userId)],
);

export const storeVerifications = pgTable(
  'store_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('store_verifications_identifier_idx').on(t.identifier)],
);

// Per-address limits of the store's auth endpoints, apart from the staff ones: better-auth keys a limit by address
// and path, and both sets of endpoints have the same paths.
export const storeRateLimits = pgTable('store_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

export type StoreUserRow = typeof storeUsers.$inferSelect;
