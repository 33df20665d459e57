import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';

import type { Actor } from '@/lib/types';
import { can, type Permission } from '@/services/permissions';

import { staffActorFromHeaders } from './actor';

/** The signed-in staff member for this request (deduplicated per render), or null. */
export const getStaffActor = cache(async () => staffActorFromHeaders(await headers()));

/**
 * For dashboard pages and server actions: the staff actor, or a redirect to sign-in. A role that lacks `permission`
 * gets 403 and the dashboard's forbidden.tsx.
 */
export async function requireStaff(permission?: Permission): Promise<Actor & { type: 'staff'; email: string }> {
  const actor = await getStaffActor();
  if (!actor) redirect('/sign-in');
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}
