import type { Actor, StaffRole } from '@/lib/types';
import { authenticateApiKey } from '@/services/api-keys';

import { getStaffAuth } from './staff-auth';

/** The staff member behind a session cookie in these headers, or null. */
export async function staffActorFromHeaders(headers: Headers): Promise<(Actor & { type: 'staff'; email: string }) | null> {
  const session = await getStaffAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; deactivatedAt?: Date | null };
  // Deactivation deletes the sessions; this covers a session read in the same instant.
  if (user.deactivatedAt) return null;
  return { type: 'staff', id: user.id, role: (user.role ?? 'staff') as StaffRole, name: user.name, email: user.email };
}

/** The actor of an API request: a bearer API key if one is sent, else the dashboard session cookie. */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? authenticateApiKey(match[1]) : null;
  }
  return staffActorFromHeaders(request.headers);
}
