/**
 * Customer classification: which group a customer's purchases suggest, and why.
 *
 * Interface for callers (suggestions workflow, batch runs, API):
 *
 *   const context = await loadClassificationContext({ asOf? })   // once per run: rules, groups, spend ranking, model
 *   const results = await classifyCustomers(ids, { context })    // Map<customerId, ClassificationResult>; ≤ 500 ids
 *   const result  = await classifyCustomer(id)                   // one customer; NotFoundError if no such customer
 *
 *   ClassificationResult = {
 *     customerId, currentGroupId, currentGroupName,            // where the customer is now (null: no group)
 *     suggestedGroupId, suggestedGroup,                         // the suggestion (always an existing group)
 *     confidence (0..1), reasons: string[],                     // reasons name the real figures, money formatted
 *     source: 'built_in' | 'model', model: string | null,       // who answered; the model asked, if any
 *     fallbackReason: string | null,                            // why the model's answer was not used
 *     builtIn: { suggestedGroup, confidence, reasons },         // the rules' answer, always computed
 *     features: CustomerFeatures,                               // the figures the answer was based on
 *   }
 *
 * A result whose suggestedGroupId equals currentGroupId means "already in the right group" (no suggestion to store).
 * Reading needs no permission here: callers check 'classification:suggest' / 'classification:read' themselves.
 * The model (if configured by env, see src/ai/genkit.ts) is asked for every customer, a few at a time; without one,
 * classifying 500 customers is two SQL statements plus arithmetic. Customers are read as of `context.asOf`
 * (default: the 'metrics.asOf' shop setting when set, else now), so a shop with old history is judged as of then.
 */
import { eq } from 'drizzle-orm';
import type { Genkit } from 'genkit';

import { classifyCustomer as classifyWithModel, type ClassificationAnswer } from '@/ai/flows/classify-customer';
import { classifierModelName, readClassifierProvider, readClassifierTimeoutMs } from '@/ai/genkit';
import { getDb } from '@/db/client';
import { shopSettings } from '@/db/schema';
import type { ClassificationRules, ClassifyCustomerOutput, CustomerFeatures } from '@/lib/validation/classification';

import { NotFoundError } from '../errors';
import { SHOP_CURRENCY } from '@/lib/config';
import { classifyBuiltIn } from './built-in-classifier';
import { loadClassificationFeatures, loadSpendRanking, type SpendRanking } from './features';
import { describeRules } from './rules';
import { getClassificationRules, listClassificationGroups } from './settings';

export { classifyBuiltIn } from './built-in-classifier';
export { loadClassificationFeatures, loadSpendRanking, rankSpend, type CustomerClassificationFeatures, type SpendRanking } from './features';
export { describeRules } from './rules';
export { getClassificationRules, listClassificationGroups, updateClassificationRules } from './settings';

export interface ClassificationResult extends ClassificationAnswer {
  customerId: string;
  currentGroupId: string | null;
  currentGroupName: string | null;
  suggestedGroupId: string;
  builtIn: ClassifyCustomerOutput;
  features: CustomerFeatures;
}

export interface ClassificationContext {
  asOf: Date;
  currency: string;
  rules: ClassificationRules;
  groups: { id: string; name: string; description: string }[];
  ranking: SpendRanking;
  /** The Genkit model to ask ("googleai/…", "openai-compat/…"), or null for the built-in rules alone. */
  model: string | null;
  /** A Genkit instance to use instead of the env-configured one (tests register scripted models on theirs). */
  ai?: Genkit;
  timeoutMs: number;
  /** How many customers' model calls run at once. */
  modelConcurrency: number;
}

export const METRICS_AS_OF_KEY = 'metrics.asOf';

/** The shop's metrics "as of" date when one is set (an ISO string, or { asOf } / { date }), else null. */
async function readShopAsOf(): Promise<Date | null> {
  const [row] = await getDb().select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, METRICS_AS_OF_KEY));
  const value = row?.value;
  const text = typeof value === 'string' ? value : value && typeof value === 'object' ? ((value as Record<string, unknown>).asOf ?? (value as Record<string, unknown>).date) : null;
  if (typeof text !== 'string') return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What every classification of a run shares; load it once and pass it to each classifyCustomers call. */
export async function loadClassificationContext(
  options: { asOf?: Date; ai?: Genkit; model?: string | null; timeoutMs?: number; modelConcurrency?: number } = {},
): Promise<ClassificationContext> {
  const asOf = options.asOf ?? (await readShopAsOf()) ?? new Date();
  const [rules, groups, ranking] = await Promise.all([getClassificationRules(), listClassificationGroups(), loadSpendRanking(asOf)]);
  return {
    asOf,
    currency: SHOP_CURRENCY,
    rules,
    groups,
    ranking,
    model: options.model === undefined ? classifierModelName(readClassifierProvider()) : options.model,
    ai: options.ai,
    timeoutMs: options.timeoutMs ?? readClassifierTimeoutMs(),
    modelConcurrency: options.modelConcurrency ?? 4,
  };
}

/**
 * Classifies a batch of customers (≤ a few thousand ids; runs pass 500): features in one statement, the built-in
 * rules for each, and the model for each when one is configured. Unknown ids are left out of the map.
 */
export async function classifyCustomers(customerIds: string[], options: { context?: ClassificationContext } = {}): Promise<Map<string, ClassificationResult>> {
  const context = options.context ?? (await loadClassificationContext());
  // A shop without groups has nothing to suggest.
  if (context.groups.length === 0) return new Map();
  const features = await loadClassificationFeatures(customerIds, { asOf: context.asOf, ranking: context.ranking, currency: context.currency });
  const groupNames = context.groups.map((group) => group.name);
  const groupIdByName = new Map(context.groups.map((group) => [group.name.toLowerCase(), group.id]));
  const shopRules = describeRules(context.rules, context.currency)
    .filter((rule) => rule.isEnabled)
    .map((rule) => `${rule.title}: ${rule.text}`);
  const results = new Map<string, ClassificationResult>();
  const entries = [...features.values()];

  async function classifyOne(entry: (typeof entries)[number]): Promise<void> {
    const builtIn = classifyBuiltIn({ features: entry.features, rules: context.rules, groups: groupNames });
    const answer = await classifyWithModel({
      input: { features: entry.features, purchases: entry.purchases, groups: context.groups.map(({ name, description }) => ({ name, description })), shopRules },
      builtIn,
      ai: context.ai,
      model: context.model,
      timeoutMs: context.timeoutMs,
    });
    results.set(entry.customerId, {
      ...answer,
      customerId: entry.customerId,
      currentGroupId: entry.currentGroupId,
      currentGroupName: entry.features.currentGroup,
      suggestedGroupId: groupIdByName.get(answer.suggestedGroup.toLowerCase()) as string,
      builtIn,
      features: entry.features,
    });
  }

  if (!context.model) {
    for (const entry of entries) await classifyOne(entry);
  } else {
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(context.modelConcurrency, entries.length)) }, async () => {
      while (next < entries.length) await classifyOne(entries[next++]);
    });
    await Promise.all(workers);
  }
  // Callers get the customers in the order they asked for them.
  return new Map(customerIds.filter((id) => results.has(id)).map((id) => [id, results.get(id) as ClassificationResult]));
}

/** Classifies one customer. Throws NotFoundError when there is no such customer. */
export async function classifyCustomer(customerId: string, options: { context?: ClassificationContext } = {}): Promise<ClassificationResult> {
  const result = (await classifyCustomers([customerId], options)).get(customerId);
  if (!result) throw new NotFoundError('No customer with this id');
  return result;
}
