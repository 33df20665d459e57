import { DISPLAY_LOCALE, formatMoney } from '@/lib/format';
import type { ClassificationRules, CustomerFeatures } from '@/lib/validation/classification';

// The built-in rules, each as a test on a customer's features with the figures that decided it, and in words for
// the settings page. Pure: no database, so the settings page, the classifier and the tests share it.

export type RuleId = 'wholesaler' | 'vip';

export interface RuleOutcome {
  rule: RuleId;
  isMet: boolean;
  /** How far the customer is from the rule's threshold: 1 = exactly at it, 2 = twice it, 0.5 = half way. */
  strength: number;
  /** Sentences with the customer's real figures, for a person to check. */
  reasons: string[];
}

const numberFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 1 });

/** "38", "2.5", "1,204". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A share of customers as people say it: 0.02 → "2%", 0.004 → "0.4%", never "0%". */
export function formatTopShare(share: number): string {
  const percent = share * 100;
  if (percent >= 10) return `${Math.ceil(percent)}%`;
  const rounded = Math.ceil(percent * 10) / 10;
  return `${numberFormat.format(Math.max(rounded, 0.1))}%`;
}

/** The Wholesaler rule: big baskets, more than once. */
export function evaluateWholesaler(features: CustomerFeatures, rules: ClassificationRules): RuleOutcome {
  const rule = rules.wholesaler;
  const itemsRatio = features.averageItemsPerOrder / rule.minAverageItemsPerOrder;
  const ordersRatio = features.orderCount / rule.minOrders;
  const isMet = features.orderCount >= rule.minOrders && features.averageItemsPerOrder >= rule.minAverageItemsPerOrder;
  const summary = `${plural(features.orderCount, 'order')} averaging ${plural(features.averageItemsPerOrder, 'item')}`;
  const reasons = isMet
    ? [
        `${summary} (the ${rule.groupName} rule asks for ${formatCount(rule.minAverageItemsPerOrder)}+ items per order over ${plural(rule.minOrders, 'order')})`,
        `Largest order: ${plural(features.largestOrderItems, 'item')}`,
      ]
    : [`${summary}; ${rule.groupName} needs ${formatCount(rule.minAverageItemsPerOrder)}+ items per order over at least ${plural(rule.minOrders, 'order')}`];
  return { rule: 'wholesaler', isMet, strength: Math.min(itemsRatio, Math.max(ordersRatio, 1)), reasons };
}

/** The VIP rule: among the top spenders of the last 12 months, or past a total spend. */
export function evaluateVip(features: CustomerFeatures, rules: ClassificationRules): RuleOutcome {
  const rule = rules.vip;
  const currency = features.currency;
  const share = features.spendTopShare365d;
  const topLimit = rule.topSpendPercent / 100;
  const byRank = share !== null && share <= topLimit;
  const bySpend = rule.minTotalSpend > 0 && features.totalSpend >= rule.minTotalSpend;
  const hasOrders = features.orderCount >= rule.minOrders;
  const isMet = hasOrders && (byRank || bySpend);
  // Strength: how many times inside the top share (5% limit, 1% customer → 5), or how many times the spend bar.
  const rankStrength = share !== null && share > 0 ? topLimit / share : 0;
  const spendStrength = rule.minTotalSpend > 0 ? features.totalSpend / rule.minTotalSpend : 0;
  const strength = Math.max(rankStrength, spendStrength);
  const rankText =
    share !== null && features.spendRank365d !== null
      ? `top ${formatTopShare(share)} by spend in the last 12 months (${formatMoney(features.spend365d, currency)}, #${formatCount(features.spendRank365d)} of ${formatCount(features.buyers365d)} buyers)`
      : `no spend in the last 12 months`;
  const totalText = `${formatMoney(features.totalSpend, currency)} spent over ${plural(features.orderCount, 'order')}`;
  const bar = `${rule.groupName} needs the top ${formatTopShare(topLimit)}${rule.minTotalSpend > 0 ? ` or ${formatMoney(rule.minTotalSpend, currency)} in total` : ''}`;
  let reasons: string[];
  if (isMet) {
    reasons = byRank ? [capitalise(rankText), totalText] : [`${totalText} (${rule.groupName} from ${formatMoney(rule.minTotalSpend, currency)})`, capitalise(rankText)];
  } else if (!hasOrders && (byRank || bySpend)) {
    reasons = [`${capitalise(rankText)}, but only ${plural(features.orderCount, 'order')}; ${rule.groupName} needs ${plural(rule.minOrders, 'order')}`];
  } else {
    reasons = [`${capitalise(rankText)}; ${bar}`];
  }
  return { rule: 'vip', isMet, strength, reasons };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const RULE_EVALUATORS: Record<RuleId, (features: CustomerFeatures, rules: ClassificationRules) => RuleOutcome> = {
  wholesaler: evaluateWholesaler,
  vip: evaluateVip,
};

/** The rules in words, in the order they are checked, for the settings page and the model's instructions. */
export function describeRules(rules: ClassificationRules, currency: string): { title: string; text: string; isEnabled: boolean }[] {
  const { wholesaler, vip, fallback } = rules;
  return [
    {
      title: wholesaler.groupName,
      isEnabled: wholesaler.isEnabled,
      text: `At least ${plural(wholesaler.minOrders, 'completed order')} averaging ${formatCount(wholesaler.minAverageItemsPerOrder)} or more items per order.`,
    },
    {
      title: vip.groupName,
      isEnabled: vip.isEnabled,
      text:
        `At least ${plural(vip.minOrders, 'completed order')}, and among the top ${formatTopShare(vip.topSpendPercent / 100)} of buyers by spend in the last 12 months` +
        (vip.minTotalSpend > 0 ? ` or ${formatMoney(vip.minTotalSpend, currency)} or more spent in total.` : '.'),
    },
    { title: fallback.groupName, isEnabled: true, text: 'Everyone else.' },
  ];
}
