import { eq, sql } from 'drizzle-orm';

import { classifierModelName, describeClassifierProvider, readClassifierProvider, readClassifierTimeoutMs } from '@/ai/provider';
import { getDb } from '@/db/client';
import { customerGroups, shopSettings } from '@/db/schema';
import type { Actor, FieldError } from '@/lib/types';
import { CLASSIFICATION_RULES_KEY, classificationRulesSchema, DEFAULT_CLASSIFICATION_RULES, type ClassificationRules } from '@/lib/validation/classification';

import { ValidationFailedError } from '../errors';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';

/**
 * The shop's classification rules: the stored ones (missing fields take their defaults), or the defaults when none
 * are stored or what is stored no longer parses.
 */
export async function getClassificationRules(): Promise<ClassificationRules> {
  const [row] = await getDb().select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, CLASSIFICATION_RULES_KEY));
  if (!row) return DEFAULT_CLASSIFICATION_RULES;
  const parsed = classificationRulesSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_CLASSIFICATION_RULES;
}

/** Names of the shop's customer groups, in name order: the groups a classification may suggest. */
export async function listClassificationGroups(): Promise<{ id: string; name: string; description: string }[]> {
  return getDb()
    .select({ id: customerGroups.id, name: customerGroups.name, description: customerGroups.description })
    .from(customerGroups)
    .orderBy(sql`lower(${customerGroups.name})`);
}

/**
 * Replaces the rules. Owners and admins only (ForbiddenError otherwise); every rule must name a group the shop has
 * (ValidationFailedError naming the field otherwise).
 */
export async function updateClassificationRules({ actor, input }: { actor: Actor; input: unknown }): Promise<ClassificationRules> {
  assertCan(actor, 'classification:manage');
  const rules = parseInput(classificationRulesSchema, input);
  const names = new Set((await listClassificationGroups()).map((group) => group.name.toLowerCase()));
  const missing: FieldError[] = [];
  for (const [path, name] of [
    ['wholesaler.groupName', rules.wholesaler.groupName],
    ['vip.groupName', rules.vip.groupName],
    ['fallback.groupName', rules.fallback.groupName],
  ] as const) {
    if (!names.has(name.toLowerCase())) missing.push({ path, message: `There is no group called "${name}"` });
  }
  if (missing.length > 0) throw new ValidationFailedError('Rules must name existing groups', missing);
  const updatedById = actor.type === 'staff' ? actor.id : null;
  await getDb()
    .insert(shopSettings)
    .values({ key: CLASSIFICATION_RULES_KEY, value: rules, updatedById })
    .onConflictDoUpdate({ target: shopSettings.key, set: { value: rules, updatedById, updatedAt: sql`now()` } });
  return rules;
}

/** What the settings page shows about the model provider the environment configures: kind, model, host and wait limit, never a key. */
export function describeClassifier(): { provider: ReturnType<typeof describeClassifierProvider>; isModelConfigured: boolean; timeoutMs: number } {
  const provider = readClassifierProvider();
  return { provider: describeClassifierProvider(provider), isModelConfigured: classifierModelName(provider) !== null, timeoutMs: readClassifierTimeoutMs() };
}
