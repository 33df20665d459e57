import type { Actor } from '@/lib/types';
import type { MetricsRun, MetricsSettings } from '@/lib/validation/metrics';
import { assertCan } from '@/services/permissions';

import { readLastRun, readMetricsSettings } from './settings';

/** The as-of setting and the last run (null before the first). Needs 'metrics:read'. Throws ForbiddenError. */
export async function getMetricsStatus({ actor }: { actor: Actor }): Promise<{ settings: MetricsSettings; lastRun: MetricsRun | null }> {
  assertCan(actor, 'metrics:read');
  const [settings, stored] = await Promise.all([readMetricsSettings(), readLastRun()]);
  if (!stored) return { settings, lastRun: null };
  const { fingerprint: _fingerprint, ...lastRun } = stored;
  return { settings, lastRun };
}
