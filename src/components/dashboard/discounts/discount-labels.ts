import { formatDate, formatMoney } from '@/lib/format';
import type { Discount } from '@/lib/types';

/** "10% off" or "£5.00 off". */
export function discountValueLabel(discount: Pick<Discount, 'kind' | 'value' | 'currency'>): string {
  return discount.kind === 'percentage' ? `${discount.value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}% off` : `${formatMoney(discount.value, discount.currency)} off`;
}

/** "VIP, Wholesaler" or "Everyone". */
export function discountTargetsLabel(discount: Pick<Discount, 'customerGroups'>): string {
  return discount.customerGroups.length === 0 ? 'Everyone' : discount.customerGroups.map((group) => group.name).join(', ');
}

/** "1 Jun 2026 – 30 Jun 2026", "From 1 Jun 2026", "Until 30 Jun 2026" or "Always". */
export function discountWindowLabel(discount: Pick<Discount, 'startsAt' | 'endsAt'>): string {
  const { startsAt, endsAt } = discount;
  if (startsAt && endsAt) return `${formatDate(startsAt)} – ${formatDate(endsAt)}`;
  if (startsAt) return `From ${formatDate(startsAt)}`;
  if (endsAt) return `Until ${formatDate(endsAt)}`;
  return 'Always';
}

/** "12 / 100" or "12 / ∞". */
export function discountUsageLabel(discount: Pick<Discount, 'timesUsed' | 'usageLimit'>): string {
  return `${discount.timesUsed.toLocaleString('en-GB')} / ${discount.usageLimit === null ? '∞' : discount.usageLimit.toLocaleString('en-GB')}`;
}
