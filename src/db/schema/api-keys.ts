import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { createdAt, timestampMs } from './columns';
import { staffMembers } from './staff';

// Only the SHA-256 of a key is stored; the key itself is shown once, at creation.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'staff'] }).notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdById: text('created_by_id').references(() => staffMembers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestampMs('last_used_at'),
    revokedAt: timestampMs('revoked_at'),
  },
  (t) => [index('api_keys_created_at_idx').on(t.createdAt)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
