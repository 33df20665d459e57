import { createHash, randomBytes } from 'node:crypto';

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';

import { getDb } from '@/db/client';
import { apiKeys, staffMembers } from '@/db/schema';
import type { Actor, ApiKeySummary } from '@/lib/types';

export type { ApiKeySummary };

import { NotFoundError } from './errors';
import { assertCan } from './permissions';
import { parseInput } from './validate';

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name must be at most 100 characters'),
  role: z.enum(['admin', 'staff'], { error: 'Role is admin or staff' }),
});


const KEY_PREFIX = 'cm_';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates an API key; the plain key is in the answer once and never stored. Throws ForbiddenError, ValidationFailedError. */
export async function createApiKey({ actor, input }: { actor: Actor; input: z.input<typeof apiKeyCreateSchema> }): Promise<{ key: string; apiKey: ApiKeySummary }> {
  assertCan(actor, 'api_keys:manage');
  const data = parseInput(apiKeyCreateSchema, input);
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await getDb()
    .insert(apiKeys)
    .values({ ...data, keyPrefix: key.slice(0, 10), keyHash: hashKey(key), createdById: actor.type === 'staff' ? actor.id : null })
    .returning();
  return { key, apiKey: { ...toSummary(row), createdBy: actor.name } };
}

function toSummary(row: typeof apiKeys.$inferSelect): Omit<ApiKeySummary, 'createdBy'> {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Every key, newest first, revoked ones included so the history stays visible. Throws ForbiddenError. */
export async function listApiKeys({ actor }: { actor: Actor }): Promise<ApiKeySummary[]> {
  assertCan(actor, 'api_keys:manage');
  const rows = await getDb()
    .select({ key: apiKeys, createdBy: staffMembers.name })
    .from(apiKeys)
    .leftJoin(staffMembers, eq(staffMembers.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((row) => ({ ...toSummary(row.key), createdBy: row.createdBy }));
}

/** Revokes a key at once; later requests with it get 401. Throws ForbiddenError, NotFoundError. */
export async function revokeApiKey({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, 'api_keys:manage');
  const parsed = z.uuid().safeParse(id);
  const updated = parsed.success
    ? await getDb().update(apiKeys).set({ revokedAt: sql`now()` }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id })
    : [];
  if (updated.length === 0) throw new NotFoundError('No active API key with this id');
}

// Recording every use would turn each API read into a write; a minute's precision is enough to see a key in use.
const LAST_USED_PRECISION_MS = 60_000;

/** The actor behind a presented key, or null when it is unknown or revoked. */
export async function authenticateApiKey(key: string): Promise<Actor | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const [row] = await getDb()
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await getDb().update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.id));
  }
  return { type: 'api_key', id: row.id, role: row.role, name: row.name };
}
