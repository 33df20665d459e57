'use server';

// Adapters for the saved-view tabs above the lists: authenticate, call one service, map the outcome. Who may share,
// rename or delete is checked by the service, so a refusal comes back as a readable message.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type { SavedView, SavedViewList } from '@/lib/saved-view-types';
import type { SavedViewCreateInput, SavedViewUpdateInput } from '@/lib/validation/saved-view';
import { createSavedView, deleteSavedView, updateSavedView } from '@/services/saved-views';

const LIST_PATHS: Record<SavedViewList, string> = { customers: '/dashboard/customers', orders: '/dashboard/orders' };

function revalidateList(view: Pick<SavedView, 'list'>) {
  revalidatePath(LIST_PATHS[view.list]);
}

/** Saves the list's current query under a name; answers the view's id and normalised query, to open it. */
export async function createSavedViewAction(input: SavedViewCreateInput): Promise<ActionResult<Pick<SavedView, 'id' | 'query'>>> {
  // Outside toActionResult: requireStaff redirects by throwing, and that must reach Next.js.
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    const view = await createSavedView({ actor, input });
    return { id: view.id, query: view.query };
  });
  if (result.ok) revalidatePath(LIST_PATHS[input.list as SavedViewList] ?? LIST_PATHS.customers);
  return result;
}

/** Renames the view, points it at the current filters, or shares or unshares it. */
export async function updateSavedViewAction(id: string, input: SavedViewUpdateInput): Promise<ActionResult<Pick<SavedView, 'id' | 'query'>>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => updateSavedView({ actor, id, input }));
  if (result.ok) revalidateList(result.data);
  return result.ok ? { ok: true, data: { id: result.data.id, query: result.data.query } } : result;
}

export async function deleteSavedViewAction(id: string, list: SavedViewList): Promise<ActionResult<null>> {
  const actor = await requireStaff();
  const result = await toActionResult(async () => {
    await deleteSavedView({ actor, id });
    return null;
  });
  if (result.ok) revalidateList({ list });
  return result;
}
