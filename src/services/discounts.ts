import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import { customerGroups, customers, discountRedemptions, discountTargetGroups, discounts, type DiscountRow } from '@/db/schema';
import type { Actor, Discount, DiscountEligibility, Page } from '@/lib/types';
import { discountCreateSchema, discountListQuerySchema, discountUpdateSchema, toStoredDiscountValue, type DiscountCreateInput, type DiscountListQuery, type DiscountUpdateInput } from '@/lib/validation/discount';

import { isUniqueViolation, pgErrorOf } from './db-errors';
import { describeDiscountTargets, describeDiscountValue, evaluateEligibility } from './discounts/eligibility';
import { countCustomerRedemptions, loadTargetGroups, toDiscount, toDiscountFacts } from './discounts/facts';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { keysetCursor } from './keyset-cursor';
import { assertCan } from './permissions';
import { SHOP_CURRENCY } from '@/lib/config';
import { parseInput } from './validate';

export { describeDiscountTargets, describeDiscountValue };

const NOT_FOUND = 'No discount with this id';
const CUSTOMER_NOT_FOUND = 'No customer with this id';
const CODE_TAKEN = new ConflictError('A discount with this code exists', [{ path: 'code', message: 'This code is already in use' }]);
const UNKNOWN_GROUP = new ValidationFailedError('Unknown customer group', [{ path: 'customerGroupIds', message: 'One of the groups no longer exists' }]);

type DiscountValues = ReturnType<typeof discountCreateSchema.parse>;

function toRowValues(data: DiscountValues) {
  return {
    code: data.code,
    description: data.description,
    kind: data.kind,
    value: toStoredDiscountValue(data.kind, data.value),
    startsAt: data.startsAt ?? null,
    endsAt: data.endsAt ?? null,
    minSubtotal: data.minSubtotal,
    usageLimit: data.usageLimit ?? null,
    perCustomerLimit: data.perCustomerLimit ?? null,
    active: data.active,
  };
}

async function setTargets(tx: Tx, discountId: string, groupIds: string[]): Promise<void> {
  await tx.delete(discountTargetGroups).where(eq(discountTargetGroups.discountId, discountId));
  if (groupIds.length === 0) return;
  const found = await tx.select({ id: customerGroups.id }).from(customerGroups).where(inArray(customerGroups.id, groupIds));
  if (found.length !== groupIds.length) throw UNKNOWN_GROUP;
  await tx.insert(discountTargetGroups).values(groupIds.map((groupId) => ({ discountId, groupId })));
}

function translateWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'discounts_code_idx')) return CODE_TAKEN;
  // A targeted group deleted between our check and the insert.
  if (pgErrorOf(error)?.code === '23503') return UNKNOWN_GROUP;
  return error;
}

async function withTargets(row: DiscountRow): Promise<Discount> {
  return toDiscount(row, (await loadTargetGroups(getDb(), [row.id])).get(row.id) ?? []);
}

/** Creates a discount with its target groups. Throws ValidationFailedError, ConflictError (code taken), ForbiddenError. */
export async function createDiscount({ actor, input }: { actor: Actor; input: DiscountCreateInput }): Promise<Discount> {
  assertCan(actor, 'discounts:manage');
  const data = parseInput(discountCreateSchema, input);
  try {
    const row = await getDb().transaction(async (tx) => {
      const [inserted] = await tx
        .insert(discounts)
        .values({ ...toRowValues(data), createdById: actor.type === 'staff' ? actor.id : null })
        .returning();
      await setTargets(tx, inserted.id, data.customerGroupIds);
      return inserted;
    });
    return await withTargets(row);
  } catch (error) {
    throw translateWriteError(error);
  }
}

/**
 * Changes a discount; fields not sent stay as they are. A stale `version` is refused. The merged discount is
 * checked as a whole (a new kind with the old value, say). Throws NotFoundError, ConflictError, ValidationFailedError, ForbiddenError.
 */
export async function updateDiscount({ actor, id, input }: { actor: Actor; id: string; input: DiscountUpdateInput }): Promise<Discount> {
  assertCan(actor, 'discounts:manage');
  assertUuid(id, NOT_FOUND);
  const { version, ...patch } = parseInput(discountUpdateSchema, input);
  try {
    const row = await getDb().transaction(async (tx) => {
      const [current] = await tx.select().from(discounts).where(eq(discounts.id, id)).for('update');
      if (!current) throw new NotFoundError(NOT_FOUND);
      if (version !== undefined && version !== current.version)
        throw new ConflictError('Someone else changed this discount since you opened it; reload to see their changes', [{ path: 'version', message: 'Stale version' }]);
      const currentTargets = (await loadTargetGroups(tx, [id])).get(id) ?? [];
      const was = toDiscount(current, currentTargets);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const merged = parseInput(discountCreateSchema, { ...was, customerGroupIds: currentTargets.map((g) => g.id), ...defined });
      const [updated] = await tx
        .update(discounts)
        .set({ ...toRowValues(merged), version: sql`${discounts.version} + 1`, updatedAt: sql`now()` })
        .where(eq(discounts.id, id))
        .returning();
      if (patch.customerGroupIds !== undefined) await setTargets(tx, id, merged.customerGroupIds);
      return updated;
    });
    return await withTargets(row);
  } catch (error) {
    throw translateWriteError(error);
  }
}

/** Deletes a discount nobody has used. A used one is refused (its redemptions are order history): deactivate it instead. Throws NotFoundError, ConflictError, ForbiddenError. */
export async function deleteDiscount({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, 'discounts:manage');
  assertUuid(id, NOT_FOUND);
  await getDb().transaction(async (tx) => {
    // The same lock an order takes to use the code: no order can redeem it between this check and the delete.
    const [row] = await tx.select().from(discounts).where(eq(discounts.id, id)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    const [redeemed] = await tx.select({ id: discountRedemptions.id }).from(discountRedemptions).where(eq(discountRedemptions.discountId, id)).limit(1);
    if (row.timesUsed > 0 || redeemed)
      throw new ConflictError(`${row.code} has been used ${row.timesUsed === 1 ? 'once' : `${row.timesUsed} times`}, so it cannot be deleted; deactivate it instead`);
    await tx.delete(discounts).where(eq(discounts.id, id));
  });
}

/** One discount with its target groups. Throws NotFoundError. */
export async function getDiscount({ id }: { id: string }): Promise<Discount> {
  assertUuid(id, NOT_FOUND);
  const [row] = await getDb().select().from(discounts).where(eq(discounts.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return withTargets(row);
}

const discountCursor = keysetCursor('discounts', [{ kind: 'text' }]);

/** Discounts by code, keyset-paged on the unique code. Discounts are few, so pages are large. Throws ValidationFailedError. */
export async function listDiscounts(query: DiscountListQuery = {}): Promise<Page<Discount>> {
  const { cursor, limit: size } = parseInput(discountListQuerySchema, query);
  const [after] = cursor ? discountCursor.decode(cursor) : [null];
  const rows = await getDb()
    .select()
    .from(discounts)
    .where(after === null ? undefined : gt(discounts.code, after))
    .orderBy(asc(discounts.code))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const targets = await loadTargetGroups(getDb(), page.map((row) => row.id));
  return { data: page.map((row) => toDiscount(row, targets.get(row.id) ?? [])), nextCursor: rows.length > size ? discountCursor.encode([page[page.length - 1].code]) : null };
}

async function customerGroupOf(customerId: string): Promise<string | null> {
  assertUuid(customerId, CUSTOMER_NOT_FOUND);
  const [customer] = await getDb().select({ groupId: customers.customerGroupId }).from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  return customer.groupId;
}

/**
 * Whether a customer may use a discount now (or `at`), with a reason a person can read. The same rules decide
 * at order creation. `subtotal` (minor units) is optional: without it the minimum is mentioned, not enforced.
 * Throws NotFoundError (discount or customer).
 */
export async function checkDiscountEligibility({ customerId, discountId, subtotal, at = new Date() }: { customerId: string; discountId: string; subtotal?: number | null; at?: Date }): Promise<DiscountEligibility> {
  assertUuid(discountId, NOT_FOUND);
  const groupId = await customerGroupOf(customerId);
  const db = getDb();
  const [row] = await db.select().from(discounts).where(eq(discounts.id, discountId));
  if (!row) throw new NotFoundError(NOT_FOUND);
  const targets = (await loadTargetGroups(db, [row.id])).get(row.id) ?? [];
  const used = (await countCustomerRedemptions(db, customerId, [row.id])).get(row.id) ?? 0;
  return evaluateEligibility(toDiscountFacts(row, targets), { groupId, timesUsedByCustomer: used }, { subtotal, at, currency: SHOP_CURRENCY });
}

/**
 * The active discounts a customer could use now, each with its reason ("Eligible: 10% off for VIP customers").
 * Three queries whatever the number of discounts; the rules are the shared ones. Throws NotFoundError.
 */
export async function listEligibleDiscounts({ customerId, at = new Date() }: { customerId: string; at?: Date }): Promise<{ discount: Discount; reason: string }[]> {
  const groupId = await customerGroupOf(customerId);
  const db = getDb();
  // The database narrows to active, in-window, not-used-up discounts; group and per-customer rules follow below.
  const rows = await db
    .select()
    .from(discounts)
    .where(
      and(
        eq(discounts.active, true),
        or(isNull(discounts.startsAt), lte(discounts.startsAt, at)),
        or(isNull(discounts.endsAt), gt(discounts.endsAt, at)),
        or(isNull(discounts.usageLimit), lt(discounts.timesUsed, discounts.usageLimit)),
      ),
    )
    .orderBy(asc(discounts.code));
  const ids = rows.map((row) => row.id);
  const [targets, used] = await Promise.all([loadTargetGroups(db, ids), countCustomerRedemptions(db, customerId, ids)]);
  return rows.flatMap((row) => {
    const groups = targets.get(row.id) ?? [];
    const verdict = evaluateEligibility(toDiscountFacts(row, groups), { groupId, timesUsedByCustomer: used.get(row.id) ?? 0 }, { at, currency: SHOP_CURRENCY });
    return verdict.eligible ? [{ discount: toDiscount(row, groups), reason: verdict.reason }] : [];
  });
}
