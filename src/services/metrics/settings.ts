import { eq, sql } from 'drizzle-orm';

import { getDb, type Db, type Tx } from '@/db/client';
import { shopSettings } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { metricsSettingsSchema, type MetricsRun, type MetricsSettings } from '@/lib/validation/metrics';
import { assertCan } from '@/services/permissions';
import { parseInput } from '@/services/validate';

import type { ScoreBounds } from './scores';

export const METRICS_AS_OF_KEY = 'metrics.asOf';
export const METRICS_LAST_RUN_KEY = 'metrics.lastRun';

/**
 * A run as stored: with what the background job compares to decide whether to run again, the score buckets the
 * incremental path starts from (scores.ts; absent in runs stored before it), what the rows it wrote hold, and when a
 * run last read every order (carried-base.ts; both absent before a run could carry the rows).
 */
export type StoredMetricsRun = MetricsRun & { fingerprint: string; bounds?: ScoreBounds; rowsVersion?: number; allOrdersReadAt?: string };

/** The run as shown to people and integrations: without the bookkeeping. */
export function publicRun({ fingerprint: _fingerprint, bounds: _bounds, rowsVersion: _rowsVersion, allOrdersReadAt: _allOrdersReadAt, ...run }: StoredMetricsRun): MetricsRun {
  return run;
}

const staffIdOf = (actor: Actor) => (actor.type === 'staff' ? actor.id : null);

/** The as-of setting (null = now); a missing or unreadable value reads as "now". */
export async function readMetricsSettings(db: Db | Tx = getDb()): Promise<MetricsSettings> {
  const [row] = await db.select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, METRICS_AS_OF_KEY));
  const parsed = metricsSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { asOf: null };
}

/** The as-of setting; everyone who may read metrics may read it. Throws ForbiddenError. */
export async function getMetricsSettings({ actor }: { actor: Actor }): Promise<MetricsSettings> {
  assertCan(actor, 'metrics:read');
  return readMetricsSettings();
}

/** Sets the as-of day (null = now). Needs 'metrics:compute'. Throws ForbiddenError, ValidationFailedError. */
export async function updateMetricsSettings({ actor, input }: { actor: Actor; input: unknown }): Promise<MetricsSettings> {
  assertCan(actor, 'metrics:compute');
  const settings = parseInput(metricsSettingsSchema, input);
  await getDb()
    .insert(shopSettings)
    .values({ key: METRICS_AS_OF_KEY, value: settings, updatedById: staffIdOf(actor) })
    .onConflictDoUpdate({ target: shopSettings.key, set: { value: settings, updatedById: staffIdOf(actor), updatedAt: sql`now()` } });
  return settings;
}

/** The last completed run, or null before the first. */
export async function readLastRun(db: Db | Tx = getDb()): Promise<StoredMetricsRun | null> {
  const [row] = await db.select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, METRICS_LAST_RUN_KEY));
  return (row?.value as StoredMetricsRun | undefined) ?? null;
}

export async function writeLastRun(tx: Tx, run: StoredMetricsRun, actor: Actor): Promise<void> {
  await tx
    .insert(shopSettings)
    .values({ key: METRICS_LAST_RUN_KEY, value: run, updatedById: staffIdOf(actor) })
    .onConflictDoUpdate({ target: shopSettings.key, set: { value: run, updatedById: staffIdOf(actor), updatedAt: sql`now()` } });
}
