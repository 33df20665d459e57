import { randomBytes } from 'node:crypto';

import { sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { staffMembers } from '@/db/schema';

import { createStaffMember } from './staff';

// A small team for the demo shop, so that the staff pages compare people and a staff member's sign-in shows the
// "only your own figures" view. Created before the demo customers, who are then spread among all staff.
const DEMO_TEAM = [
  { name: 'Sam Patel', email: 'sam@staff.example', role: 'staff' },
  { name: 'Ada Okafor', email: 'ada@staff.example', role: 'admin' },
] as const;

/**
 * Adds the demo team when the owner is the only staff member. Returns their sign-ins (to print once), or [] when
 * the shop already has other staff.
 */
export async function createDemoStaff(): Promise<{ name: string; email: string; role: string; password: string }[]> {
  const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(staffMembers);
  if (Number(count) > 1) return [];
  const team = [];
  for (const member of DEMO_TEAM) {
    const password = randomBytes(9).toString('base64url');
    await createStaffMember({ ...member, password });
    team.push({ ...member, password });
  }
  return team;
}
