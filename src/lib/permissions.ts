import type { SavedView } from './saved-view-types';
import type { Actor, StaffRole } from './types';

const EVERYONE: StaffRole[] = ['owner', 'admin', 'staff'];
const MANAGERS: StaffRole[] = ['owner', 'admin'];

// The role table of ARCHITECTURE.md; the UI reads it too, to hide what a role cannot do.
export const PERMISSIONS = {
  'customers:read': EVERYONE,
  'customers:write': EVERYONE,
  'customers:delete': MANAGERS,
  // The doors: bringing customers in from a CSV, taking them out as CSV, joining two records of one person.
  'customers:import': MANAGERS,
  'customers:export': MANAGERS,
  'customers:merge': MANAGERS,
  // A person's rights over their data: everything stored about them as JSON, and irreversible erasure.
  'customers:privacy': MANAGERS,
  'orders:read': EVERYONE,
  'orders:write': EVERYONE,
  'orders:cancel': MANAGERS,
  'orders:refund': MANAGERS,
  'customers:reconcile': MANAGERS,
  'api_keys:manage': MANAGERS,
  // Webhook endpoints carry signing secrets and send customer data out of the shop.
  'webhooks:manage': MANAGERS,
  'discounts:read': EVERYONE,
  'discounts:manage': MANAGERS,
  'campaigns:read': EVERYONE,
  'campaigns:write': MANAGERS,
  'campaigns:send': MANAGERS,
  'customer_groups:read': EVERYONE,
  'customer_groups:manage': MANAGERS,
  // Changing many customers at once (group moves, tags); deleting many needs customers:delete, as deleting one does.
  'customers:bulk_edit': MANAGERS,
  // Engagement metrics and the overview: everyone reads; recomputing and the as-of setting are for managers.
  'metrics:read': EVERYONE,
  'metrics:compute': MANAGERS,
  // Classification: anyone may ask for a suggestion; rules, batch runs and accepting suggestions are for managers.
  'classification:read': EVERYONE,
  'classification:suggest': EVERYONE,
  'classification:manage': MANAGERS,
  // Staff performance: everyone sees their own figures (services check the member); managers see everyone's.
  'staff:read': EVERYONE,
  'staff:read_all': MANAGERS,
  // The team: inviting, changing roles, deactivating. Admins may not touch owners nor make anyone owner
  // (services/team.ts holds those rules and the one about keeping an active owner).
  'staff:manage': MANAGERS,
  // Saved views of the lists: anyone who can read a list saves private ones; managers share them with the team and
  // rename or delete shared ones (`canChangeSavedView`).
  'saved_views:share': MANAGERS,
} as const satisfies Record<string, StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the actor's role has the permission; the UI asks it to hide what a role cannot do. */
export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

/** Whether the actor may rename, re-filter or delete the view: their own, or a shared one when they may share. */
export function canChangeSavedView(actor: Pick<Actor, 'id' | 'role'>, view: Pick<SavedView, 'ownerId' | 'shared'>): boolean {
  return view.ownerId === actor.id || (view.shared && can(actor, 'saved_views:share'));
}
