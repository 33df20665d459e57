import { formatDate, formatMoney } from '@/lib/format';
import type { DiscountEligibility } from '@/lib/types';

/** What the rules need to know about a discount (a row, possibly locked, with its target groups' names). */
export interface DiscountFacts {
  kind: 'percentage' | 'fixed_amount';
  // Basis points for a percentage, minor units for a fixed amount.
  value: number;
  active: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  minSubtotal: number;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  timesUsed: number;
  targetGroups: { id: string; name: string }[];
}

export interface CustomerFacts {
  groupId: string | null;
  // Redemptions of this discount by this customer so far.
  timesUsedByCustomer: number;
}

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });

function groupNames(discount: Pick<DiscountFacts, 'targetGroups'>): string {
  return listFormat.format(discount.targetGroups.map((group) => group.name).sort((a, b) => a.localeCompare(b)));
}

/** "10% off" or "£5.00 off". */
export function describeDiscountValue(discount: Pick<DiscountFacts, 'kind' | 'value'>, currency: string): string {
  if (discount.kind === 'percentage') return `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(discount.value / 100)}% off`;
  return `${formatMoney(discount.value, currency)} off`;
}

/** "VIP customers", "VIP or Wholesaler customers", or "everyone". */
export function describeDiscountTargets(discount: Pick<DiscountFacts, 'targetGroups'>): string {
  return discount.targetGroups.length === 0 ? 'everyone' : `${groupNames(discount)} customers`;
}

function times(count: number): string {
  return count === 1 ? '1 time' : `${count.toLocaleString('en')} times`;
}

/**
 * The one set of discount rules, used by the checker, the customer page and order creation (on the locked row).
 * `subtotal` undefined means "not known yet": the minimum is then mentioned, not enforced.
 */
export function evaluateEligibility(discount: DiscountFacts, customer: CustomerFacts, options: { subtotal?: number | null; at: Date; currency: string }): DiscountEligibility {
  const { at, currency, subtotal } = options;
  const refuse = (reason: string) => ({ eligible: false, reason });
  if (!discount.active) return refuse('Inactive');
  if (discount.targetGroups.length > 0 && !discount.targetGroups.some((group) => group.id === customer.groupId))
    return refuse(`Only for ${groupNames(discount)} customers`);
  if (discount.startsAt && at < discount.startsAt) return refuse(`Starts on ${formatDate(discount.startsAt, 'datetime')}`);
  if (discount.endsAt && at >= discount.endsAt) return refuse(`Expired on ${formatDate(discount.endsAt, 'datetime')}`);
  if (discount.usageLimit !== null && discount.timesUsed >= discount.usageLimit)
    return refuse(`Used up (${discount.timesUsed.toLocaleString('en')} of ${discount.usageLimit.toLocaleString('en')})`);
  if (discount.perCustomerLimit !== null && customer.timesUsedByCustomer >= discount.perCustomerLimit)
    return refuse(`Already used the maximum ${times(discount.perCustomerLimit)}`);
  const minimum = formatMoney(discount.minSubtotal, currency);
  if (subtotal !== undefined && subtotal !== null && subtotal < discount.minSubtotal) return refuse(`Needs a subtotal of at least ${minimum}`);
  const condition = discount.minSubtotal > 0 && (subtotal === undefined || subtotal === null) ? ` on a subtotal of at least ${minimum}` : '';
  return { eligible: true, reason: `Eligible: ${describeDiscountValue(discount, currency)} for ${describeDiscountTargets(discount)}${condition}` };
}

/** Minor units off a subtotal: a percentage rounds down (the shop never gives more than promised); a fixed amount caps at the subtotal. */
export function discountAmount(discount: Pick<DiscountFacts, 'kind' | 'value'>, subtotal: number): number {
  if (discount.kind === 'percentage') return Number((BigInt(subtotal) * BigInt(discount.value)) / 10_000n);
  return Math.min(discount.value, subtotal);
}
