import { eq, sql } from 'drizzle-orm';

import type { Tx } from '@/db/client';
import { discounts } from '@/db/schema';

import { ValidationFailedError } from '../errors';
import { SHOP_CURRENCY } from '@/lib/config';
import { discountAmount, evaluateEligibility } from './eligibility';
import { countCustomerRedemptions, loadTargetGroups, toDiscountFacts } from './facts';

export interface AppliedDiscount {
  discountId: string;
  code: string;
  amount: number;
}

/**
 * Checks a code for an order being placed and takes one use of it, inside the order's transaction.
 * The discount row stays locked until the order commits, so concurrent checkouts queue on it and each one sees
 * the uses the previous ones took: the usage and per-customer limits hold. Throws ValidationFailedError on `discountCode`.
 */
export async function takeDiscountUse(tx: Tx, input: { code: string; customerId: string; customerGroupId: string | null; subtotal: number; at: Date }): Promise<AppliedDiscount> {
  const [row] = await tx.select().from(discounts).where(eq(discounts.code, input.code)).for('update');
  const refuse = (message: string) => new ValidationFailedError('The discount code cannot be used', [{ path: 'discountCode', message }]);
  if (!row) throw refuse(`No discount with the code ${input.code}`);
  const targets = (await loadTargetGroups(tx, [row.id])).get(row.id) ?? [];
  const used = (await countCustomerRedemptions(tx, input.customerId, [row.id])).get(row.id) ?? 0;
  const verdict = evaluateEligibility(toDiscountFacts(row, targets), { groupId: input.customerGroupId, timesUsedByCustomer: used }, { subtotal: input.subtotal, at: input.at, currency: SHOP_CURRENCY });
  if (!verdict.eligible) throw refuse(verdict.reason);
  await tx.update(discounts).set({ timesUsed: sql`${discounts.timesUsed} + 1` }).where(eq(discounts.id, row.id));
  return { discountId: row.id, code: row.code, amount: discountAmount(row, input.subtotal) };
}
