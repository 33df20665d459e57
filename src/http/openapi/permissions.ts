import { PERMISSIONS } from '@/lib/permissions';

import { STAFF_OPERATIONS, STORE_OPERATIONS, type StaffOperation } from '../operations';
import { ref } from './operations';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MANAGERS_ONLY = 'Owner or admin only: a staff member or staff key gets 403 before anything of the request is read.';
const PUBLIC_OPERATIONS = new Set(['GET /openapi.json']);

type Operation = { description?: string; responses: Record<string, unknown>; [extension: `x-${string}`]: unknown };

/**
 * Writes into every staff operation the permission its route checks (`x-permission`, `x-roles`), and for those that
 * owners and admins alone may call, says so and lists the 403, all from http/operations.ts, so the document cannot
 * promise what the route does not check. An operation missing from that table is an error here, found by the tests.
 */
export function withPermissions<T extends Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>>(paths: T): T {
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      if (PUBLIC_OPERATIONS.has(key) || (STORE_OPERATIONS as readonly string[]).includes(key)) continue;
      const permission = STAFF_OPERATIONS[key as StaffOperation];
      if (!permission) throw new Error(`${key} has no permission in src/http/operations.ts`);
      const roles = PERMISSIONS[permission];
      operation['x-permission'] = permission;
      operation['x-roles'] = roles;
      if (!(roles as readonly string[]).includes('staff')) {
        operation.description = operation.description ? `${MANAGERS_ONLY} ${operation.description}` : MANAGERS_ONLY;
        operation.responses['403'] ??= ref('responses', 'Forbidden');
      }
    }
  }
  return paths;
}
