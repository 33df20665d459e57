import { randomBytes } from 'node:crypto';

import { NotFoundError } from '@/services/errors';
import { createStaffMember } from '@/services/staff';
import { deactivateStaffMember, findStaffMemberIdByEmail, reactivateStaffMember } from '@/services/team';

import { requireString, type CliCommand } from './types';

export const staffCreate: CliCommand = {
  usage: 'staff create --name <name> --email <email> [--password <password>] [--role owner|admin|staff]',
  summary: 'Create a staff account that signs in with email and password (a password is generated when none is given).',
  options: { name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
  async run({ values, print }) {
    const given = typeof values.password === 'string' ? values.password : undefined;
    const password = given ?? randomBytes(12).toString('base64url');
    const role = (typeof values.role === 'string' ? values.role : 'staff') as 'owner' | 'admin' | 'staff';
    const member = await createStaffMember({ name: requireString(values, 'name'), email: requireString(values, 'email'), password, role });
    print(`Created ${member.role} ${member.email} (id ${member.id}).`);
    if (!given) print(`  Password (shown once, keep it safe): ${password}`);
  },
};

async function memberIdByEmail(email: string): Promise<string> {
  const id = await findStaffMemberIdByEmail(email);
  if (!id) throw new NotFoundError(`No staff member with the email ${email}`);
  return id;
}

export const staffDeactivate: CliCommand = {
  usage: 'staff deactivate --email <email>',
  summary: 'Deactivate a staff member: their sessions end and they cannot sign in; what they made keeps their name. The shop keeps one active owner.',
  options: { email: { type: 'string' } },
  async run({ values, actor, print }) {
    const email = requireString(values, 'email');
    await deactivateStaffMember({ actor, memberId: await memberIdByEmail(email) });
    print(`Deactivated ${email.trim().toLowerCase()}.`);
  },
};

export const staffReactivate: CliCommand = {
  usage: 'staff reactivate --email <email>',
  summary: 'Let a deactivated staff member sign in again with their old password.',
  options: { email: { type: 'string' } },
  async run({ values, actor, print }) {
    const email = requireString(values, 'email');
    await reactivateStaffMember({ actor, memberId: await memberIdByEmail(email) });
    print(`Reactivated ${email.trim().toLowerCase()}.`);
  },
};
