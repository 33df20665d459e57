import { and, asc, eq, inArray, sql } from 'drizzle-orm';

import type { Db, Tx } from '@/db/client';
import { customerGroups, discountRedemptions, discountTargetGroups, type DiscountRow } from '@/db/schema';
import type { Discount } from '@/lib/types';
import { fromStoredDiscountValue } from '@/lib/validation/discount';

import { SHOP_CURRENCY } from '@/lib/config';
import type { DiscountFacts } from './eligibility';

type Group = { id: string; name: string };

/** Target groups of many discounts in one query, by discount id (a discount with none targets everyone). */
export async function loadTargetGroups(db: Db | Tx, discountIds: string[]): Promise<Map<string, Group[]>> {
  const byDiscount = new Map<string, Group[]>(discountIds.map((id) => [id, []]));
  if (discountIds.length === 0) return byDiscount;
  const rows = await db
    .select({ discountId: discountTargetGroups.discountId, id: customerGroups.id, name: customerGroups.name })
    .from(discountTargetGroups)
    .innerJoin(customerGroups, eq(customerGroups.id, discountTargetGroups.groupId))
    .where(inArray(discountTargetGroups.discountId, discountIds))
    .orderBy(asc(customerGroups.name));
  for (const { discountId, ...group } of rows) byDiscount.get(discountId)?.push(group);
  return byDiscount;
}

/** How often one customer has redeemed each of the given discounts, in one query. */
export async function countCustomerRedemptions(db: Db | Tx, customerId: string, discountIds: string[]): Promise<Map<string, number>> {
  if (discountIds.length === 0) return new Map();
  const rows = await db
    .select({ discountId: discountRedemptions.discountId, count: sql<number>`count(*)::int` })
    .from(discountRedemptions)
    .where(and(eq(discountRedemptions.customerId, customerId), inArray(discountRedemptions.discountId, discountIds)))
    .groupBy(discountRedemptions.discountId);
  return new Map(rows.map((row) => [row.discountId, row.count]));
}

export function toDiscountFacts(row: DiscountRow, targetGroups: Group[]): DiscountFacts {
  return { ...row, targetGroups };
}

export function toDiscount(row: DiscountRow, targetGroups: Group[]): Discount {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    kind: row.kind,
    value: fromStoredDiscountValue(row.kind, row.value),
    currency: SHOP_CURRENCY,
    customerGroups: targetGroups,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    minSubtotal: row.minSubtotal,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
    timesUsed: row.timesUsed,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
