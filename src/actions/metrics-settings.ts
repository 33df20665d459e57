'use server';

import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import { toActionResult, type ActionResult } from '@/http/action-result';
import type { MetricsRun } from '@/lib/validation/metrics';
import { computeAllCustomerMetrics, updateMetricsSettings } from '@/services/metrics';

const METRICS_PATH = '/dashboard/settings/metrics';

export type MetricsActionState = ActionResult<MetricsRun | null> | null;

/** Saves the as-of setting ("now" or a day), then recomputes so that every page shows figures as of it. */
export async function saveMetricsSettingsAction(_previous: MetricsActionState, formData: FormData): Promise<MetricsActionState> {
  const actor = await requireStaff();
  const asOf = formData.get('mode') === 'date' ? String(formData.get('asOf') ?? '') : null;
  const result = await toActionResult(async () => {
    await updateMetricsSettings({ actor, input: { asOf } });
    return computeAllCustomerMetrics({ actor, trigger: 'manual' });
  });
  if (result.ok) revalidatePath('/dashboard', 'layout');
  return result;
}

/** Recomputes every customer's metrics now, as of the setting. */
export async function recomputeMetricsAction(): Promise<MetricsActionState> {
  const actor = await requireStaff();
  const result = await toActionResult(() => computeAllCustomerMetrics({ actor, trigger: 'manual' }));
  if (result.ok) revalidatePath(METRICS_PATH);
  return result;
}
