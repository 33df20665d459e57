import { randomBytes } from 'node:crypto';

import { hashPassword } from 'better-auth/crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';

import { getDb } from '@/db/client';
import { staffAccounts, staffMembers } from '@/db/schema';
import type { StaffRole } from '@/lib/types';
import { emailSchema } from '@/lib/validation/common';

import { ConflictError } from './errors';
import { isUniqueViolation } from './db-errors';
import { parseInput } from './validate';

export const staffCreateSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100),
  email: emailSchema,
  password: z.string().min(8, 'Password must be at least 8 characters').max(128),
  role: z.enum(['owner', 'admin', 'staff']).default('staff'),
});

/**
 * Creates a staff member who can sign in with email and password (stored as better-auth's scrypt hash).
 * Throws ValidationFailedError, ConflictError (email in use).
 */
export async function createStaffMember(input: z.input<typeof staffCreateSchema>): Promise<{ id: string; email: string; role: StaffRole }> {
  const data = parseInput(staffCreateSchema, input);
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(data.password);
  try {
    await getDb().transaction(async (tx) => {
      await tx.insert(staffMembers).values({ id, name: data.name, email: data.email, role: data.role, emailVerified: true });
      await tx.insert(staffAccounts).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A staff member with this email exists', [{ path: 'email', message: 'This email is already in use' }]);
    throw error;
  }
  return { id, email: data.email, role: data.role };
}

/**
 * Creates the owner on an empty staff table, from the given credentials or a generated password.
 * Returns the credentials when it created the owner (so they can be printed once), otherwise null.
 */
export async function bootstrapOwner(credentials: { email?: string; password?: string }): Promise<{ email: string; password: string; generated: boolean } | null> {
  const [existing] = await getDb().select({ id: staffMembers.id }).from(staffMembers).where(eq(staffMembers.role, 'owner')).limit(1);
  if (existing) return null;
  const email = credentials.email || 'owner@example.com';
  const password = credentials.password || randomBytes(12).toString('base64url');
  await createStaffMember({ name: 'Shop Owner', email, password, role: 'owner' });
  return { email, password, generated: !credentials.password };
}

/** One staff member's name, or null when no such member exists (any more). */
export async function findStaffMemberName(id: string): Promise<string | null> {
  const [member] = await getDb().select({ name: staffMembers.name }).from(staffMembers).where(eq(staffMembers.id, id));
  return member?.name ?? null;
}

export async function findStaffMemberEmail(id: string): Promise<string | null> {
  const [member] = await getDb().select({ email: staffMembers.email }).from(staffMembers).where(eq(staffMembers.id, id));
  return member?.email ?? null;
}

/** Staff members by name, for pickers and filters. */
export async function listStaffMembers(): Promise<{ id: string; name: string; email: string; role: StaffRole }[]> {
  // An invited member has no name until they accept: their email stands in.
  const name = sql<string>`coalesce(nullif(${staffMembers.name}, ''), ${staffMembers.email})`;
  return getDb().select({ id: staffMembers.id, name, email: staffMembers.email, role: staffMembers.role }).from(staffMembers).orderBy(asc(name));
}
