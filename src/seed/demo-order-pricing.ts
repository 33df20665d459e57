import type { Faker } from '@faker-js/faker';

import { isBlackFridayWeek } from './demo-order-calendar';

// Discount, tax and shipping of a demo order, as a small UK shop selling abroad would charge them. Amounts are minor
// units; rates are fractions of the discounted subtotal.

export type DemoBuyerKind = 'wholesaler' | 'vip' | 'retail' | 'none';

// VAT (or GST) the shop charges consumers in each demo country; it does not collect US sales tax.
const TAX_RATES: Record<string, number> = { GB: 0.2, IE: 0.23, DE: 0.19, FR: 0.2, NL: 0.21, ES: 0.21, AU: 0.1, US: 0 };
const EUROPE = new Set(['IE', 'DE', 'FR', 'NL', 'ES']);

export interface DemoOrderCharges {
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
}

/** Always makes the same number of random draws (two), so one order's charges never shift the next order's draws. */
export function demoOrderCharges(rng: Faker, kind: DemoBuyerKind, countryCode: string, subtotal: number, placedMs: number): DemoOrderCharges {
  const hasCode = rng.number.float();
  const deepCode = rng.number.float();
  let rate = 0;
  if (kind === 'wholesaler') rate = subtotal >= 200_000 ? 0.05 : 0;
  else if (isBlackFridayWeek(placedMs)) rate = hasCode < 0.45 ? 0.2 : 0;
  else if (kind === 'vip') rate = hasCode < 0.35 ? 0.1 : 0;
  else rate = hasCode < 0.12 ? (deepCode < 0.3 ? 0.15 : 0.1) : 0;
  const discountTotal = Math.round(subtotal * rate);
  const net = subtotal - discountTotal;

  // Trade sales abroad are zero-rated (reverse charge or export); at home they carry VAT like any other.
  const taxRate = kind === 'wholesaler' && countryCode !== 'GB' ? 0 : (TAX_RATES[countryCode] ?? 0);
  return { discountTotal, taxTotal: Math.round(net * taxRate), shippingTotal: shipping(kind, countryCode, net) };
}

function shipping(kind: DemoBuyerKind, countryCode: string, net: number): number {
  if (kind === 'wholesaler') return countryCode === 'GB' ? (net >= 150_000 ? 0 : 2_500) : 7_500;
  if (countryCode === 'GB') return net >= 5_000 ? 0 : 395;
  if (EUROPE.has(countryCode)) return net >= 10_000 ? 0 : 995;
  return net >= 15_000 ? 0 : 1_495;
}
