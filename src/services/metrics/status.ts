import type { Actor } from '@/lib/types';
import type { MetricsRun, MetricsSettings } from '@/lib/validation/metrics';
import { assertCan } from '@/services/permissions';

import { publicRun, readLastRun, readMetricsSettings } from './settings';

/** The as-of setting and the last run (null before the first). Needs 'metrics:read'. Throws ForbiddenError. */
export async function getMetricsStatus({ actor }: { actor: Actor }): Promise<{ settings: MetricsSettings; lastRun: MetricsRun | null }> {
  assertCan(actor, 'metrics:read');
  const [settings, stored] = await Promise.all([readMetricsSettings(), readLastRun()]);
  if (!stored) return { settings, lastRun: null };
  return { settings, lastRun: publicRun(stored) };
}
