import { randomBytes } from 'node:crypto';

import { createStaffMember } from '@/services/staff';

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
