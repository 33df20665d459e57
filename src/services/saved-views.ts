import { and, asc, count, eq, or, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { savedViews, staffMembers, type SavedViewRow } from '@/db/schema';
import { canChangeSavedView, type Permission } from '@/lib/permissions';
import type { SavedView, SavedViewList } from '@/lib/saved-view-types';
import type { Actor } from '@/lib/types';
import { normaliseListQuery, savedViewCreateSchema, savedViewListSchema, savedViewUpdateSchema, type SavedViewCreateInput, type SavedViewUpdateInput } from '@/lib/validation/saved-view';

import { isUniqueViolation } from './db-errors';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { assertCan } from './permissions';
import { parseInput } from './validate';

const NOT_FOUND_MESSAGE = 'No saved view with this id';
const NAME_TAKEN = 'There is already a view with this name on this list; choose another name';
const NOTHING_TO_SAVE = 'Filter or sort the list first: with nothing chosen, the view would be the whole list';
// Tabs are for a handful of views: the caps keep the row usable and every read of it small.
export const OWN_VIEWS_MAX = 30;
export const SHARED_VIEWS_MAX = 30;

const LIST_PERMISSIONS: Record<SavedViewList, Permission> = { customers: 'customers:read', orders: 'orders:read' };

type StaffActor = Actor & { type: 'staff' };

/** Views belong to a staff member: an API key or the system has none. */
function assertStaff(actor: Actor): asserts actor is StaffActor {
  if (actor.type !== 'staff') throw new ForbiddenError('Saved views belong to a staff member: sign in to the dashboard to use them');
}

function toSavedView(row: SavedViewRow, ownerName: string): SavedView {
  return {
    id: row.id,
    list: row.list,
    name: row.name,
    query: row.query,
    ownerId: row.ownerId,
    ownerName,
    shared: row.shared,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const visibleTo = (actor: StaffActor) => or(eq(savedViews.ownerId, actor.id), eq(savedViews.shared, true));

/**
 * The views of `list` the member sees: their own and the team's shared ones, oldest first (the order of the tabs).
 * Bounded by the caps on own and shared views; read through the owner index and the partial index on shared views.
 */
export async function listSavedViews({ actor, list }: { actor: Actor; list: SavedViewList }): Promise<SavedView[]> {
  assertStaff(actor);
  const listName = parseInput(savedViewListSchema, list);
  assertCan(actor, LIST_PERMISSIONS[listName]);
  const rows = await getDb()
    .select({ view: savedViews, ownerName: staffMembers.name })
    .from(savedViews)
    .innerJoin(staffMembers, eq(staffMembers.id, savedViews.ownerId))
    .where(and(eq(savedViews.list, listName), visibleTo(actor)))
    .orderBy(asc(savedViews.createdAt), asc(savedViews.id))
    .limit(OWN_VIEWS_MAX + SHARED_VIEWS_MAX);
  return rows.map((row) => toSavedView(row.view, row.ownerName));
}

function mapWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'saved_views_owner_list_name_idx')) return new ConflictError(NAME_TAKEN, [{ path: 'name', message: NAME_TAKEN }]);
  return error;
}

function normalisedQuery(list: SavedViewList, query: string): string {
  const normalised = normaliseListQuery(list, query);
  if (!normalised) throw new ValidationFailedError(NOTHING_TO_SAVE, [{ path: 'query', message: NOTHING_TO_SAVE }]);
  return normalised;
}

async function assertRoom(where: ReturnType<typeof and>, max: number, message: string, path: string) {
  // A soft cap: two saves racing may pass it by one, which is harmless for a row of tabs.
  const [{ total }] = await getDb().select({ total: count() }).from(savedViews).where(where);
  if (total >= max) throw new ConflictError(message, [{ path, message }]);
}

/**
 * Saves the list's current query under a name; `shared` needs `saved_views:share`. Throws ForbiddenError,
 * ValidationFailedError (name, or a query with nothing to save), ConflictError (name in use by the owner on this list).
 */
export async function createSavedView({ actor, input }: { actor: Actor; input: SavedViewCreateInput }): Promise<SavedView> {
  assertStaff(actor);
  const data = parseInput(savedViewCreateSchema, input);
  assertCan(actor, LIST_PERMISSIONS[data.list]);
  if (data.shared) assertCan(actor, 'saved_views:share');
  const query = normalisedQuery(data.list, data.query);
  await assertRoom(and(eq(savedViews.ownerId, actor.id), eq(savedViews.list, data.list)), OWN_VIEWS_MAX, `You have ${OWN_VIEWS_MAX} views on this list; delete one first`, 'name');
  if (data.shared) await assertRoom(and(eq(savedViews.list, data.list), eq(savedViews.shared, true)), SHARED_VIEWS_MAX, `The team shares ${SHARED_VIEWS_MAX} views on this list; unshare one first`, 'shared');
  try {
    const [row] = await getDb().insert(savedViews).values({ list: data.list, name: data.name, query, ownerId: actor.id, shared: data.shared }).returning();
    return toSavedView(row, actor.name);
  } catch (error) {
    throw mapWriteError(error);
  }
}

/** The view if the member sees it (their own or shared); someone else's private view is "not found", not "forbidden". */
async function findVisible(actor: StaffActor, id: string): Promise<{ view: SavedViewRow; ownerName: string }> {
  assertUuid(id, NOT_FOUND_MESSAGE);
  const [row] = await getDb()
    .select({ view: savedViews, ownerName: staffMembers.name })
    .from(savedViews)
    .innerJoin(staffMembers, eq(staffMembers.id, savedViews.ownerId))
    .where(and(eq(savedViews.id, id), visibleTo(actor)));
  if (!row) throw new NotFoundError(NOT_FOUND_MESSAGE);
  assertCan(actor, LIST_PERMISSIONS[row.view.list]);
  return row;
}

function assertMayChange(actor: StaffActor, view: SavedViewRow) {
  if (!canChangeSavedView(actor, view)) throw new ForbiddenError('Only its owner, an owner or an admin can change a shared view');
}

/**
 * Renames the view, points it at another query, or shares or unshares it. Renaming and re-filtering are for its owner
 * and, on a shared view, for owners and admins; sharing and unsharing need `saved_views:share`.
 * Throws ForbiddenError, NotFoundError, ValidationFailedError, ConflictError (name in use by the view's owner).
 */
export async function updateSavedView({ actor, id, input }: { actor: Actor; id: string; input: SavedViewUpdateInput }): Promise<SavedView> {
  assertStaff(actor);
  const patch = parseInput(savedViewUpdateSchema, input);
  const { view, ownerName } = await findVisible(actor, id);
  const changesShared = patch.shared !== undefined && patch.shared !== view.shared;
  if (changesShared) assertCan(actor, 'saved_views:share');
  if (patch.name !== undefined || patch.query !== undefined) assertMayChange(actor, view);
  const query = patch.query === undefined ? undefined : normalisedQuery(view.list, patch.query);
  if (changesShared && patch.shared) await assertRoom(and(eq(savedViews.list, view.list), eq(savedViews.shared, true)), SHARED_VIEWS_MAX, `The team shares ${SHARED_VIEWS_MAX} views on this list; unshare one first`, 'shared');
  try {
    const [row] = await getDb()
      .update(savedViews)
      .set({ name: patch.name, query, shared: patch.shared, updatedAt: sql`now()` })
      .where(eq(savedViews.id, id))
      .returning();
    if (!row) throw new NotFoundError(NOT_FOUND_MESSAGE);
    return toSavedView(row, ownerName);
  } catch (error) {
    throw mapWriteError(error);
  }
}

/** Deletes the view (its owner; owners and admins for a shared view). Throws ForbiddenError, NotFoundError. */
export async function deleteSavedView({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertStaff(actor);
  const { view } = await findVisible(actor, id);
  assertMayChange(actor, view);
  await getDb().delete(savedViews).where(eq(savedViews.id, id));
}
