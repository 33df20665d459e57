'use server';

import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type { ClassificationRules, ClassificationRulesInput } from '@/lib/validation/classification';
import { updateClassificationRules } from '@/services/classification/settings';

/** Saves the built-in classifier's rules (owners and admins; the service checks the role and the group names). */
export async function updateClassificationRulesAction(input: ClassificationRulesInput): Promise<ActionResult<ClassificationRules>> {
  const actor = await requireStaff();
  const result = await toActionResult(() => updateClassificationRules({ actor, input }));
  if (result.ok) revalidatePath('/dashboard/settings/classification');
  return result;
}
