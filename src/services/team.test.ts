import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { staffActorFromHeaders } from '@/auth/actor';
import { getStaffAuth } from '@/auth/staff-auth';
import { createStaffMember, listStaffMembers } from '@/services/staff';
import type { Actor } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import {
  acceptStaffInvitation,
  changeStaffRole,
  deactivateStaffMember,
  findOpenInvitation,
  inviteStaffMember,
  listTeam,
  reactivateStaffMember,
  revokeOtherStaffSessions,
  updateOwnStaffProfile,
} from './team';

withTestDatabase();

const ORIGIN = 'http://localhost:3000';
let outbox: string;
let ip = 0;

function post(pathname: string, body: unknown, cookie?: string): Promise<Response> {
  ip += 1;
  return getStaffAuth().handler(
    new Request(`${ORIGIN}/api/auth${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `10.9.${Math.floor(ip / 250)}.${ip % 250}`, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

async function signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await post('/sign-in/email', { email, password });
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
}

const signedInActor = (cookie: string) => staffActorFromHeaders(new Headers({ cookie }));

/** The newest mail to `to` in the outbox, with the link it carries. */
function lastMailTo(to: string): { subject: string; link: string } | null {
  const mails = readdirSync(outbox)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => readFileSync(path.join(outbox, file), 'utf8'))
    .filter((text) => text.includes(`To: ${to}`));
  const mail = mails.at(-1);
  if (!mail) return null;
  const unfolded = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return { subject: /^Subject: (.*)$/m.exec(mail)?.[1] ?? '', link: /https?:\/\/\S+/.exec(unfolded)?.[0] ?? '' };
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

let owner: Actor & { type: 'staff' };
let admin: Actor & { type: 'staff' };

async function member(email: string, role: 'owner' | 'admin' | 'staff', password = 'member-password-1'): Promise<Actor & { type: 'staff' }> {
  const created = await createStaffMember({ name: `${role} ${email}`, email, password, role });
  return { type: 'staff', id: created.id, role, name: `${role} ${email}` };
}

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  outbox = mkdtempSync(path.join(tmpdir(), 'team-outbox-'));
  process.env.OUTBOX_DIR = outbox;
  owner = await member('owner@team.test', 'owner');
  admin = await member('admin@team.test', 'admin');
});

describe(`the team (${TEST_DB_KIND})`, () => {
  it('invites by mail; the link sets name and password once, and the member signs in', async () => {
    const invited = await inviteStaffMember({ actor: owner, input: { email: 'New.Hire@Team.test', role: 'staff' }, baseUrl: ORIGIN });
    expect(invited.email).toBe('new.hire@team.test');
    const mail = lastMailTo('new.hire@team.test');
    expect(mail?.subject).toMatch(/invited/i);
    const token = tokenOf(mail!.link);
    expect(new URL(mail!.link).pathname).toBe('/invitation');
    expect(await findOpenInvitation(token)).toEqual({ email: 'new.hire@team.test', role: 'staff' });
    expect((await listTeam({ actor: owner })).find((m) => m.email === 'new.hire@team.test')).toMatchObject({ status: 'invited', name: '' });
    // Pickers and the Staff page name them by email until they choose a name.
    expect((await listStaffMembers()).find((m) => m.email === 'new.hire@team.test')?.name).toBe('new.hire@team.test');

    // Invited but not accepted: no password works.
    expect((await signIn('new.hire@team.test', 'whatever-password')).status).toBe(401);

    await expect(acceptStaffInvitation({ token, input: { name: 'Nia Hire', password: 'short' } })).rejects.toMatchObject({ fieldErrors: [{ path: 'password' }] });
    await acceptStaffInvitation({ token, input: { name: 'Nia Hire', password: 'nia-password-1' } });
    await expect(acceptStaffInvitation({ token, input: { name: 'Mallory', password: 'mallory-password' } })).rejects.toThrow(/expired or was already used/);
    expect(await findOpenInvitation(token)).toBeNull();

    const session = await signIn('new.hire@team.test', 'nia-password-1');
    expect(session.status).toBe(200);
    expect(await signedInActor(session.cookie)).toMatchObject({ name: 'Nia Hire', role: 'staff' });
    const listed = (await listTeam({ actor: owner })).find((m) => m.email === 'new.hire@team.test');
    expect(listed).toMatchObject({ status: 'active', name: 'Nia Hire' });
    expect(listed?.lastSignedInAt).not.toBeNull();
  });

  it('stores only the hash of an invitation token, and a second invitation replaces the first link', async () => {
    await inviteStaffMember({ actor: owner, input: { email: 'twice@team.test', role: 'staff' }, baseUrl: ORIGIN });
    const first = tokenOf(lastMailTo('twice@team.test')!.link);
    await inviteStaffMember({ actor: owner, input: { email: 'twice@team.test', role: 'admin' }, baseUrl: ORIGIN });
    const second = tokenOf(lastMailTo('twice@team.test')!.link);
    expect(await findOpenInvitation(first)).toBeNull();
    expect(await findOpenInvitation(second)).toEqual({ email: 'twice@team.test', role: 'admin' });
    const { getDb } = await import('@/db/client');
    const { staffInvitations } = await import('@/db/schema');
    const stored = await getDb().select({ tokenHash: staffInvitations.tokenHash }).from(staffInvitations);
    expect(stored.some((row) => row.tokenHash === second)).toBe(false);
  });

  it('refuses an expired invitation', async () => {
    const past = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await inviteStaffMember({ actor: owner, input: { email: 'late@team.test', role: 'staff' }, baseUrl: ORIGIN, now: past });
    const token = tokenOf(lastMailTo('late@team.test')!.link);
    expect(await findOpenInvitation(token)).toBeNull();
    await expect(acceptStaffInvitation({ token, input: { name: 'Late', password: 'late-password-1' } })).rejects.toThrow(/expired/);
  });

  it('refuses to invite an email that is already a member', async () => {
    await expect(inviteStaffMember({ actor: owner, input: { email: 'admin@team.test', role: 'staff' }, baseUrl: ORIGIN })).rejects.toMatchObject({
      fieldErrors: [{ path: 'email' }],
    });
  });

  it('lets admins manage staff and admins, but not owners, and not make owners; staff manage nobody', async () => {
    const clerk = await member('clerk@team.test', 'staff');
    const other = await member('other-owner@team.test', 'owner');
    await expect(inviteStaffMember({ actor: admin, input: { email: 'boss@team.test', role: 'owner' }, baseUrl: ORIGIN })).rejects.toThrow(/Only an owner/);
    await expect(changeStaffRole({ actor: admin, memberId: clerk.id, input: { role: 'owner' } })).rejects.toThrow(/Only an owner/);
    await expect(changeStaffRole({ actor: admin, memberId: other.id, input: { role: 'staff' } })).rejects.toThrow(/owner’s account/);
    await expect(deactivateStaffMember({ actor: admin, memberId: other.id })).rejects.toThrow(/owner’s account/);
    await expect(listTeam({ actor: clerk })).rejects.toThrow(/cannot do this/);
    await expect(changeStaffRole({ actor: clerk, memberId: clerk.id, input: { role: 'admin' } })).rejects.toThrow(/cannot do this/);

    await changeStaffRole({ actor: admin, memberId: clerk.id, input: { role: 'admin' } });
    await changeStaffRole({ actor: owner, memberId: clerk.id, input: { role: 'owner' } });
    expect((await listTeam({ actor: owner })).find((m) => m.id === clerk.id)?.role).toBe('owner');
    await expect(changeStaffRole({ actor: owner, memberId: clerk.id, input: { role: 'root' } })).rejects.toMatchObject({ fieldErrors: [{ path: 'role' }] });
    // Back to how it was, for the tests below: owners are `owner` and `other`.
    await changeStaffRole({ actor: owner, memberId: clerk.id, input: { role: 'staff' } });
  });

  it('keeps at least one active owner: the last one can neither step down nor be deactivated', async () => {
    const team = await listTeam({ actor: owner });
    const otherOwner = team.find((m) => m.email === 'other-owner@team.test')!;
    await changeStaffRole({ actor: owner, memberId: otherOwner.id, input: { role: 'admin' } });
    // `owner` is now the only active owner.
    await expect(changeStaffRole({ actor: owner, memberId: owner.id, input: { role: 'admin' } })).rejects.toThrow(/at least one active owner/);
    await expect(deactivateStaffMember({ actor: owner, memberId: owner.id })).rejects.toThrow(/your own account/);
    // An invited owner does not count: they cannot sign in yet.
    await inviteStaffMember({ actor: owner, input: { email: 'future-owner@team.test', role: 'owner' }, baseUrl: ORIGIN });
    await expect(changeStaffRole({ actor: owner, memberId: owner.id, input: { role: 'admin' } })).rejects.toThrow(/at least one active owner/);
    // With another active owner, stepping down works.
    await changeStaffRole({ actor: owner, memberId: otherOwner.id, input: { role: 'owner' } });
    const otherActor: Actor = { type: 'staff', id: otherOwner.id, role: 'owner', name: otherOwner.name };
    await changeStaffRole({ actor: otherActor, memberId: owner.id, input: { role: 'admin' } });
    await expect(changeStaffRole({ actor: otherActor, memberId: otherOwner.id, input: { role: 'admin' } })).rejects.toThrow(/at least one active owner/);
    await changeStaffRole({ actor: otherActor, memberId: owner.id, input: { role: 'owner' } });
  });

  it('of two owners demoting each other at the same moment, one succeeds and the shop keeps an owner', async () => {
    const a = await member('race-a@team.test', 'owner');
    const b = await member('race-b@team.test', 'owner');
    // Only these two are active owners while the race runs.
    await changeStaffRole({ actor: a, memberId: owner.id, input: { role: 'admin' } });
    const others = (await listTeam({ actor: a })).filter((m) => m.role === 'owner' && m.status === 'active' && ![a.id, b.id].includes(m.id));
    for (const other of others) await changeStaffRole({ actor: a, memberId: other.id, input: { role: 'admin' } });
    const results = await Promise.allSettled([
      changeStaffRole({ actor: a, memberId: b.id, input: { role: 'admin' } }),
      changeStaffRole({ actor: b, memberId: a.id, input: { role: 'admin' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Refused by the rule, not by a deadlock.
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: expect.stringMatching(/at least one active owner/) } });
    const activeOwners = (await listTeam({ actor: owner })).filter((m) => m.role === 'owner' && m.status === 'active');
    expect(activeOwners).toHaveLength(1);
    const survivor: Actor = { type: 'staff', id: activeOwners[0].id, role: 'owner', name: 'survivor' };
    await changeStaffRole({ actor: survivor, memberId: owner.id, input: { role: 'owner' } });
    for (const other of others) await changeStaffRole({ actor: survivor, memberId: other.id, input: { role: 'owner' } });
  });

  it('deactivation ends the sessions at once, blocks sign-in, keeps the row; reactivation lets the old password in', async () => {
    const leaver = await member('leaver@team.test', 'staff', 'leaver-password-1');
    const session = await signIn('leaver@team.test', 'leaver-password-1');
    expect(await signedInActor(session.cookie)).not.toBeNull();

    await deactivateStaffMember({ actor: admin, memberId: leaver.id });
    expect(await signedInActor(session.cookie)).toBeNull();
    const refused = await signIn('leaver@team.test', 'leaver-password-1');
    expect(refused.status).toBe(403);
    expect(refused.cookie).not.toContain('staff.session_token=');
    expect((await listTeam({ actor: owner })).find((m) => m.id === leaver.id)).toMatchObject({ status: 'deactivated', name: 'staff leaver@team.test' });

    await reactivateStaffMember({ actor: admin, memberId: leaver.id });
    expect((await signIn('leaver@team.test', 'leaver-password-1')).status).toBe(200);
  });

  it('ends every other session of a member, keeping the one they changed their password in', async () => {
    await member('two-devices@team.test', 'staff', 'two-devices-1');
    const laptop = await signIn('two-devices@team.test', 'two-devices-1');
    const phone = await signIn('two-devices@team.test', 'two-devices-1');
    const kept = await getStaffAuth().api.getSession({ headers: new Headers({ cookie: laptop.cookie }) });
    await revokeOtherStaffSessions(kept!.user.id, kept!.session.id);
    expect(await signedInActor(laptop.cookie)).not.toBeNull();
    expect(await signedInActor(phone.cookie)).toBeNull();
  });

  it('lets a member change their own name', async () => {
    await updateOwnStaffProfile({ actor: admin, input: { name: '  Ade Admin ' } });
    expect((await listTeam({ actor: owner })).find((m) => m.id === admin.id)?.name).toBe('Ade Admin');
    await expect(updateOwnStaffProfile({ actor: admin, input: { name: ' ' } })).rejects.toMatchObject({ fieldErrors: [{ path: 'name' }] });
  });
});

describe(`staff password reset (${TEST_DB_KIND})`, () => {
  it('mails a single-use link to the dashboard page; the new password works, the old one and the old sessions do not', async () => {
    await member('forgetful@team.test', 'staff', 'old-password-1');
    const before = await signIn('forgetful@team.test', 'old-password-1');
    const response = await post('/request-password-reset', { email: 'forgetful@team.test', redirectTo: '/reset-password' });
    expect(response.status).toBe(200);
    const mail = lastMailTo('forgetful@team.test');
    expect(mail?.subject).toMatch(/reset your .* password/i);
    expect(new URL(mail!.link).pathname).toBe('/reset-password');
    const token = tokenOf(mail!.link);

    expect((await post('/reset-password', { token, newPassword: 'new-password-1' })).status).toBe(200);
    expect((await post('/reset-password', { token, newPassword: 'another-password-1' })).status).toBe(400);
    expect(await signedInActor(before.cookie)).toBeNull();
    expect((await signIn('forgetful@team.test', 'old-password-1')).status).toBe(401);
    expect((await signIn('forgetful@team.test', 'new-password-1')).status).toBe(200);
  });

  it('answers the same for an unknown email and mails nobody; a deactivated member gets no link', async () => {
    const known = await post('/request-password-reset', { email: 'owner@team.test' });
    const unknown = await post('/request-password-reset', { email: 'nobody@team.test' });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect(lastMailTo('nobody@team.test')).toBeNull();

    const gone = await member('gone@team.test', 'staff');
    await deactivateStaffMember({ actor: owner, memberId: gone.id });
    expect((await post('/request-password-reset', { email: 'gone@team.test' })).status).toBe(200);
    expect(lastMailTo('gone@team.test')).toBeNull();
  });

  it('sends at most 3 reset mails per email in 15 minutes, from any network, known email or not', async () => {
    for (const email of ['admin@team.test', 'stranger@team.test']) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post('/request-password-reset', { email })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    }
  });
});

describe(`the CLI (${TEST_DB_KIND})`, () => {
  it('staff deactivate --email ends the member’s sessions; staff reactivate lets them in again', async () => {
    const { COMMANDS } = await import('../../scripts/cli/commands');
    await member('cli-leaver@team.test', 'staff', 'cli-password-1');
    const session = await signIn('cli-leaver@team.test', 'cli-password-1');
    const printed: string[] = [];
    const system: Actor = { type: 'system', id: null, role: 'owner', name: 'CLI' };
    await COMMANDS['staff deactivate'].run({ values: { email: 'CLI-Leaver@team.test' }, positionals: [], actor: system, print: (line = '') => printed.push(line) });
    expect(printed).toEqual(['Deactivated cli-leaver@team.test.']);
    expect(await signedInActor(session.cookie)).toBeNull();
    expect((await signIn('cli-leaver@team.test', 'cli-password-1')).status).toBe(403);
    await COMMANDS['staff reactivate'].run({ values: { email: 'cli-leaver@team.test' }, positionals: [], actor: system, print: () => undefined });
    expect((await signIn('cli-leaver@team.test', 'cli-password-1')).status).toBe(200);
    await expect(COMMANDS['staff deactivate'].run({ values: { email: 'nobody@team.test' }, positionals: [], actor: system, print: () => undefined })).rejects.toThrow(/No staff member/);
  });
});
