import { getDb } from '@/db/client';
import { staffMembers } from '@/db/schema';
import type { Actor, StaffRole } from '@/lib/types';

/** Inserts a staff member and returns them as an acting staff user (no password: services do not need one). */
export async function createStaffActor(role: StaffRole = 'staff', name = `${role} tester`): Promise<Actor & { type: 'staff' }> {
  const id = crypto.randomUUID();
  await getDb().insert(staffMembers).values({ id, name, email: `${id}@staff.test`, role });
  return { type: 'staff', id, role, name };
}
