import { can, PERMISSIONS, type Permission } from '@/lib/permissions';
import type { Actor } from '@/lib/types';

import { ForbiddenError } from './errors';

export { can, PERMISSIONS, type Permission };

/** Throws ForbiddenError when the actor's role lacks the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new ForbiddenError(`Your role (${actor.role}) cannot do this: it needs ${PERMISSIONS[permission].join(' or ')}`);
  }
}
