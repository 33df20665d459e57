import { CLASSIFICATION_RULE_ORDER, type ClassificationRules, type ClassifyCustomerOutput, type CustomerFeatures } from '@/lib/validation/classification';

import { formatCount, RULE_EVALUATORS, type RuleOutcome } from './rules';

// The deterministic classifier: the shop's rules checked in a fixed order (Wholesaler, then VIP); the first rule a
// customer meets names the group, otherwise the default group. Confidence grows with how far past the threshold the
// customer is (0.6 at the threshold, 0.95 at twice it), and for the default group with how far below every rule.

const AT_THRESHOLD = 0.6;
const CEILING = 0.95;

function confidenceAbove(strength: number): number {
  return round2(AT_THRESHOLD + (CEILING - AT_THRESHOLD) * Math.min(1, Math.max(0, strength - 1)));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function findGroup(groups: string[], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return groups.find((group) => group.trim().toLowerCase() === wanted);
}

/**
 * Classifies one customer by the rules, choosing among `groups` (names of the shop's groups). A rule whose group the
 * shop no longer has is skipped. Never throws.
 */
export function classifyBuiltIn({ features, rules, groups }: { features: CustomerFeatures; rules: ClassificationRules; groups: string[] }): ClassifyCustomerOutput {
  const outcomes: RuleOutcome[] = [];
  for (const id of CLASSIFICATION_RULE_ORDER) {
    const rule = rules[id];
    const group = findGroup(groups, rule.groupName);
    if (!rule.isEnabled || !group) continue;
    const outcome = RULE_EVALUATORS[id](features, rules);
    if (outcome.isMet) return { suggestedGroup: group, confidence: confidenceAbove(outcome.strength), reasons: outcome.reasons };
    outcomes.push(outcome);
  }

  const fallback = findGroup(groups, rules.fallback.groupName) ?? (features.currentGroup && findGroup(groups, features.currentGroup)) ?? groups[0];
  if (features.orderCount === 0) {
    return { suggestedGroup: fallback, confidence: 0.5, reasons: ['No completed orders yet, so nothing points past the default group'] };
  }
  const closest = outcomes.reduce((max, outcome) => Math.max(max, Math.min(outcome.strength, 1)), 0);
  const reasons = outcomes.flatMap((outcome) => outcome.reasons);
  if (reasons.length === 0) reasons.push(`${formatCount(features.orderCount)} completed orders; no other rule is switched on`);
  return { suggestedGroup: fallback, confidence: round2(Math.max(AT_THRESHOLD, CEILING - (CEILING - AT_THRESHOLD) * closest)), reasons };
}
