'use server';

import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type {
  ClassificationRun,
  ClassificationRunFilter,
  ClassificationSuggestion,
  SuggestionBulkInput,
  SuggestionBulkResult,
} from '@/lib/validation/classification-suggestions';
import { getClassificationRun, pauseClassificationRun, resumeClassificationRun, startClassificationRun } from '@/services/classification/runs';
import { acceptSuggestion, acceptSuggestions, rejectSuggestion, rejectSuggestions, suggestForCustomer } from '@/services/classification/suggestions';

const PAGE = '/dashboard/customers/suggestions';

function refreshed<T>(result: ActionResult<T>, ...paths: string[]): ActionResult<T> {
  if (result.ok) for (const path of [PAGE, ...paths]) revalidatePath(path);
  return result;
}

/** Starts a batch run over the customers matching the filter (managers; one run at a time). */
export async function startClassificationRunAction(filter: ClassificationRunFilter): Promise<ActionResult<ClassificationRun>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => startClassificationRun({ actor, input: { filter } })));
}

/** The run's progress, for the progress bar's polling. */
export async function getClassificationRunAction(id: string): Promise<ActionResult<ClassificationRun>> {
  const actor = await requireStaff();
  return toActionResult(() => getClassificationRun({ actor, id }));
}

export async function resumeClassificationRunAction(id: string): Promise<ActionResult<ClassificationRun>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => resumeClassificationRun({ actor, id })));
}

export async function pauseClassificationRunAction(id: string): Promise<ActionResult<ClassificationRun>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => pauseClassificationRun({ actor, id })));
}

export async function acceptSuggestionAction(id: string, customerId: string): Promise<ActionResult<ClassificationSuggestion>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => acceptSuggestion({ actor, id })), `/dashboard/customers/${customerId}`);
}

export async function rejectSuggestionAction(id: string): Promise<ActionResult<ClassificationSuggestion>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => rejectSuggestion({ actor, id })));
}

/** Accepts or rejects the chosen suggestions, or all pending ones ({ filter: {} }). */
export async function decideSuggestionsAction(decision: 'accept' | 'reject', input: SuggestionBulkInput): Promise<ActionResult<SuggestionBulkResult>> {
  const actor = await requireStaff();
  const decide = decision === 'accept' ? acceptSuggestions : rejectSuggestions;
  return refreshed(await toActionResult(() => decide({ actor, input })), '/dashboard/customers');
}

/** Asks classifyCustomer about one customer and stores the suggestion (anyone on staff may ask). */
export async function suggestForCustomerAction(customerId: string): Promise<ActionResult<{ suggestion: ClassificationSuggestion | null; reason?: string }>> {
  const actor = await requireStaff();
  return refreshed(await toActionResult(() => suggestForCustomer({ actor, customerId })), `/dashboard/customers/${customerId}`);
}
