import { createHash, randomBytes } from 'node:crypto';

import { hashPassword } from 'better-auth/crypto';
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import { staffAccounts, staffInvitations, staffMembers, staffSessions } from '@/db/schema';
import type { TeamMember, TeamMemberStatus } from '@/lib/team-types';
import type { Actor, StaffRole } from '@/lib/types';
import { staffInvitationAcceptSchema, staffInviteSchema, staffProfileSchema, staffRoleChangeSchema } from '@/lib/validation/staff-team';

import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import { assertCan } from './permissions';
import { invitationMessage, sendTeamMail } from './team-mail';
import { parseInput } from './validate';

/** How long an invitation link works. */
export const INVITATION_EXPIRES_IN_DAYS = 7;
/** The page an invitation link opens, with `?token=`. */
export const INVITATION_PATH = '/invitation';

const INVALID_INVITATION = 'This invitation link has expired or was already used. Ask the shop owner for a new one.';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// A member has a password once they have a credential account; until then they are invited. Columns are named in
// full: inside a subquery drizzle would leave them unqualified.
const hasPassword = sql<boolean>`exists (select 1 from staff_accounts a where a.user_id = "staff_members"."id" and a.provider_id = 'credential')`.mapWith(Boolean);

function statusOf(row: { deactivatedAt: Date | null; hasPassword: boolean }): TeamMemberStatus {
  if (row.deactivatedAt) return 'deactivated';
  return row.hasPassword ? 'active' : 'invited';
}

interface Target {
  id: string;
  role: StaffRole;
  deactivatedAt: Date | null;
  hasPassword: boolean;
}

/**
 * Locks the owners' rows in one order (by id) before any change to a member: two managers changing two owners at once
 * then queue instead of deadlocking, and the last-owner check reads owners nobody else is changing.
 */
async function lockOwners(tx: Tx): Promise<void> {
  await tx.select({ id: staffMembers.id }).from(staffMembers).where(eq(staffMembers.role, 'owner')).orderBy(asc(staffMembers.id)).for('update');
}

/** The member, locked for the rest of the transaction so that two managers' changes to them run one after the other. */
async function lockMember(tx: Tx, id: string): Promise<Target> {
  await lockOwners(tx);
  const [row] = await tx
    .select({ id: staffMembers.id, role: staffMembers.role, deactivatedAt: staffMembers.deactivatedAt, hasPassword })
    .from(staffMembers)
    .where(eq(staffMembers.id, id))
    .for('update');
  if (!row) throw new NotFoundError('No such staff member');
  return row;
}

/**
 * The role table's "✓ (not owners)" for admins (and admin API keys): only an owner may change an owner's account or
 * give someone the owner role.
 */
function assertMayManage(actor: Actor, target: { role: StaffRole }, newRole?: StaffRole): void {
  assertCan(actor, 'staff:manage');
  if (actor.role === 'owner') return;
  if (target.role === 'owner') throw new ForbiddenError('Only an owner can change an owner’s account');
  if (newRole === 'owner') throw new ForbiddenError('Only an owner can make someone an owner');
}

/**
 * Refuses a change that would leave the shop without an active owner (one who can sign in). The other owners' rows
 * are locked first, so two owners demoting each other at once cannot both succeed.
 */
async function assertAnotherActiveOwner(tx: Tx, target: Target): Promise<void> {
  if (target.role !== 'owner' || statusOf(target) !== 'active') return;
  const others = await tx
    .select({ id: staffMembers.id, hasPassword })
    .from(staffMembers)
    .where(and(eq(staffMembers.role, 'owner'), isNull(staffMembers.deactivatedAt), ne(staffMembers.id, target.id)))
    .for('update');
  if (!others.some((owner) => owner.hasPassword)) {
    throw new ConflictError('The shop needs at least one active owner: make another member owner first');
  }
}

/** Everyone on the team, invited and deactivated members too, for owners and admins. */
export async function listTeam({ actor }: { actor: Actor }): Promise<TeamMember[]> {
  assertCan(actor, 'staff:manage');
  const openInvitation = sql<string | null>`(select max(i.expires_at) from staff_invitations i
    where i.staff_member_id = "staff_members"."id" and i.accepted_at is null)`;
  const rows = await getDb()
    .select({
      id: staffMembers.id,
      name: staffMembers.name,
      email: staffMembers.email,
      role: staffMembers.role,
      deactivatedAt: staffMembers.deactivatedAt,
      lastSignedInAt: staffMembers.lastSignedInAt,
      hasPassword,
      invitationExpiresAt: openInvitation,
    })
    .from(staffMembers)
    .orderBy(sql`${staffMembers.deactivatedAt} is not null`, asc(sql`lower(${staffMembers.name})`), asc(staffMembers.email));
  return rows.map((row) => {
    const status = statusOf(row);
    const expires = row.invitationExpiresAt ? new Date(row.invitationExpiresAt) : null;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      status,
      lastSignedInAt: row.lastSignedInAt?.toISOString() ?? null,
      invitationExpiresAt: status === 'invited' && expires ? expires.toISOString() : null,
    };
  });
}

/**
 * Invites a member by email with a role: creates them without a password (status invited) and mails a single-use
 * link, valid for INVITATION_EXPIRES_IN_DAYS, where they choose their name and password. Inviting an email that is
 * still invited sends a new link and makes the old one stop working. `baseUrl` is the dashboard's address.
 * Throws ValidationFailedError, ForbiddenError, ConflictError (the email is already a member).
 */
export async function inviteStaffMember({ actor, input, baseUrl, now = new Date() }: { actor: Actor; input: unknown; baseUrl: string; now?: Date }): Promise<{ id: string; email: string; role: StaffRole; expiresAt: string }> {
  assertCan(actor, 'staff:manage');
  const data = parseInput(staffInviteSchema, input);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_EXPIRES_IN_DAYS * 24 * 60 * 60 * 1000);
  const id = await getDb().transaction(async (tx) => {
    const [existing] = await tx.select({ id: staffMembers.id }).from(staffMembers).where(eq(staffMembers.email, data.email)).for('update');
    let memberId = existing?.id;
    if (memberId) {
      const target = await lockMember(tx, memberId);
      if (statusOf(target) !== 'invited') {
        throw new ConflictError('This email already belongs to a team member', [{ path: 'email', message: 'Already a team member: change their role in the list instead' }]);
      }
      assertMayManage(actor, target, data.role);
      await tx.update(staffMembers).set({ role: data.role, updatedAt: now }).where(eq(staffMembers.id, memberId));
      await tx.delete(staffInvitations).where(eq(staffInvitations.staffMemberId, memberId));
    } else {
      assertMayManage(actor, { role: 'staff' }, data.role);
      memberId = crypto.randomUUID();
      // The name is the invitee's to choose when they accept.
      await tx.insert(staffMembers).values({ id: memberId, name: '', email: data.email, role: data.role, emailVerified: false });
    }
    await tx.insert(staffInvitations).values({
      id: crypto.randomUUID(),
      staffMemberId: memberId,
      tokenHash: hashToken(token),
      invitedById: actor.type === 'staff' ? actor.id : null,
      expiresAt,
    });
    return memberId;
  });
  const link = new URL(INVITATION_PATH, baseUrl);
  link.searchParams.set('token', token);
  await sendTeamMail(invitationMessage({ email: data.email, inviterName: actor.name, role: data.role, url: link.toString(), days: INVITATION_EXPIRES_IN_DAYS }));
  return { id, email: data.email, role: data.role, expiresAt: expiresAt.toISOString() };
}

/** The invitation a link's token opens, or null when it is unknown, expired, used, or its member was deactivated. */
export async function findOpenInvitation(token: string, now = new Date()): Promise<{ email: string; role: StaffRole } | null> {
  if (!token) return null;
  const [row] = await getDb()
    .select({ email: staffMembers.email, role: staffMembers.role })
    .from(staffInvitations)
    .innerJoin(staffMembers, eq(staffMembers.id, staffInvitations.staffMemberId))
    .where(and(eq(staffInvitations.tokenHash, hashToken(token)), isNull(staffInvitations.acceptedAt), gt(staffInvitations.expiresAt, now), isNull(staffMembers.deactivatedAt)));
  return row ?? null;
}

/**
 * Accepts an invitation: the invitee's name and password are set and they can sign in. The token is used up by the
 * same statement that checks it, so a link works once even when opened twice at the same moment.
 * Throws ValidationFailedError, ConflictError (the link expired, was used or replaced).
 */
export async function acceptStaffInvitation({ token, input, now = new Date() }: { token: string; input: unknown; now?: Date }): Promise<{ email: string }> {
  const data = parseInput(staffInvitationAcceptSchema, input);
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .update(staffInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(staffInvitations.tokenHash, hashToken(token)), isNull(staffInvitations.acceptedAt), gt(staffInvitations.expiresAt, now)))
      .returning({ memberId: staffInvitations.staffMemberId });
    if (!invitation) throw new ConflictError(INVALID_INVITATION);
    const target = await lockMember(tx, invitation.memberId);
    if (statusOf(target) !== 'invited') throw new ConflictError(INVALID_INVITATION);
    const [member] = await tx
      .update(staffMembers)
      .set({ name: data.name, emailVerified: true, updatedAt: now })
      .where(eq(staffMembers.id, target.id))
      .returning({ email: staffMembers.email });
    await tx.insert(staffAccounts).values({ id: crypto.randomUUID(), accountId: target.id, providerId: 'credential', userId: target.id, password: passwordHash });
    await tx.delete(staffInvitations).where(and(eq(staffInvitations.staffMemberId, target.id), isNull(staffInvitations.acceptedAt)));
    return member;
  });
}

/** Gives a member another role. Throws ForbiddenError (admin and owners), ConflictError (the last active owner). */
export async function changeStaffRole({ actor, memberId, input }: { actor: Actor; memberId: string; input: unknown }): Promise<void> {
  const { role } = parseInput(staffRoleChangeSchema, input);
  await getDb().transaction(async (tx) => {
    const target = await lockMember(tx, memberId);
    assertMayManage(actor, target, role);
    if (target.role === role) return;
    if (role !== 'owner') await assertAnotherActiveOwner(tx, target);
    await tx.update(staffMembers).set({ role, updatedAt: new Date() }).where(eq(staffMembers.id, memberId));
  });
}

/**
 * Deactivates a member: they cannot sign in, their sessions end at once (the next request of a signed-in browser is
 * sent to sign-in), an open invitation stops working. The row stays, so the customers, orders and events they made
 * keep their author. API keys they created stay: keys belong to the shop and are revoked on the API keys page.
 * Throws ForbiddenError (admin and owners, oneself), ConflictError (the last active owner).
 */
export async function deactivateStaffMember({ actor, memberId, now = new Date() }: { actor: Actor; memberId: string; now?: Date }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await lockMember(tx, memberId);
    assertMayManage(actor, target);
    if (actor.type === 'staff' && actor.id === memberId) throw new ForbiddenError('You cannot deactivate your own account: ask another owner or admin');
    if (target.deactivatedAt) return;
    await assertAnotherActiveOwner(tx, target);
    await tx.update(staffMembers).set({ deactivatedAt: now, updatedAt: now }).where(eq(staffMembers.id, memberId));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, memberId));
    await tx.delete(staffInvitations).where(and(eq(staffInvitations.staffMemberId, memberId), isNull(staffInvitations.acceptedAt)));
  });
}

/** Lets a deactivated member sign in again with their old password (an invited one needs a new invitation). */
export async function reactivateStaffMember({ actor, memberId }: { actor: Actor; memberId: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await lockMember(tx, memberId);
    assertMayManage(actor, target);
    if (!target.deactivatedAt) return;
    await tx.update(staffMembers).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(staffMembers.id, memberId));
  });
}

/** The member with this email (any status), or null; for the CLI. */
export async function findStaffMemberIdByEmail(email: string): Promise<string | null> {
  const [row] = await getDb().select({ id: staffMembers.id }).from(staffMembers).where(eq(staffMembers.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}

/** A staff member changes their own name. */
export async function updateOwnStaffProfile({ actor, input }: { actor: Actor; input: unknown }): Promise<{ name: string }> {
  if (actor.type !== 'staff') throw new ForbiddenError('Only a signed-in staff member has an account to change');
  const { name } = parseInput(staffProfileSchema, input);
  await getDb().update(staffMembers).set({ name, updatedAt: new Date() }).where(eq(staffMembers.id, actor.id));
  return { name };
}

/**
 * Whether the member may sign in, or be mailed a reset link: not deactivated and done with their invitation. False for
 * an unknown id.
 */
export async function canStaffMemberSignIn(id: string): Promise<boolean> {
  const [row] = await getDb().select({ deactivatedAt: staffMembers.deactivatedAt, hasPassword }).from(staffMembers).where(eq(staffMembers.id, id));
  return !!row && statusOf(row) === 'active';
}

/** Ends every session of the member except the one given (after they changed their password in it). */
export async function revokeOtherStaffSessions(memberId: string, keepSessionId: string): Promise<void> {
  await getDb().delete(staffSessions).where(and(eq(staffSessions.userId, memberId), ne(staffSessions.id, keepSessionId)));
}

/** Notes a successful sign-in for the Team page. */
export async function recordStaffSignIn(id: string, at = new Date()): Promise<void> {
  await getDb().update(staffMembers).set({ lastSignedInAt: at }).where(eq(staffMembers.id, id));
}
