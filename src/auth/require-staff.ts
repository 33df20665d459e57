import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import type { Actor } from '@/lib/types';
import { can, type Permission } from '@/services/permissions';
import { ForbiddenError } from '@/services/errors';

import { staffActorFromHeaders } from './actor';

/** The signed-in staff member for this request (deduplicated per render), or null. */
export const getStaffActor = cache(async () => staffActorFromHeaders(await headers()));

/** For dashboard pages and server actions: the staff actor, or a redirect to sign-in. */
export async function requireStaff(permission?: Permission): Promise<Actor & { type: 'staff'; email: string }> {
  const actor = await getStaffActor();
  if (!actor) redirect('/sign-in');
  if (permission && !can(actor, permission)) throw new ForbiddenError(`Your role (${actor.role}) cannot do this`);
  return actor;
}
