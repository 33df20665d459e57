import { asc, eq, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import { campaigns, campaignTargetGroups, customerGroups, customers, discounts, discountTargetGroups, type CustomerGroupRow } from '@/db/schema';
import type { Actor, CustomerGroup } from '@/lib/types';
import {
  assignToGroupSchema,
  customerGroupCreateSchema,
  customerGroupDeleteSchema,
  customerGroupUpdateSchema,
  type AssignToGroupInput,
  type CustomerGroupCreateInput,
  type CustomerGroupUpdateInput,
} from '@/lib/validation/customer-group';

import { moveCustomers } from './customer-groups/move-customers';
import { bulkTargetWhere } from './customers/bulk-target';
import { isUniqueViolation } from './db-errors';
import { ConflictError, NotFoundError } from './errors';
import { assertUuid } from './ids';
import { assertCan } from './permissions';
import { parseInput } from './validate';

const NOT_FOUND_MESSAGE = 'No customer group with this id';
const STALE_MESSAGE = 'Someone else changed this group after you opened it. Reload to see their changes, then make yours again.';
const NAME_TAKEN = 'Another group already has this name';

// Qualified by hand: drizzle writes single-table columns unqualified, and a bare "id" would bind to customers.id.
const memberCount = sql<number>`(select count(*)::int from ${customers} where ${customers}.customer_group_id = ${customerGroups}.id)`;

function toGroup(row: CustomerGroupRow, count?: number): CustomerGroup {
  return { id: row.id, name: row.name, description: row.description, memberCount: count, updatedAt: row.updatedAt.toISOString() };
}

/** All groups, by name, with how many customers are in each. */
export async function listCustomerGroups(): Promise<CustomerGroup[]> {
  const rows = await getDb().select({ group: customerGroups, memberCount }).from(customerGroups).orderBy(asc(customerGroups.name));
  return rows.map((row) => toGroup(row.group, row.memberCount));
}

/**
 * All groups, by name, as id and name only: for pickers and filters, which would otherwise pay for counting
 * every group's members (an index scan over all customers) on each page load.
 */
export async function listCustomerGroupOptions(): Promise<Pick<CustomerGroup, 'id' | 'name'>[]> {
  return getDb().select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups).orderBy(asc(customerGroups.name));
}

export async function findCustomerGroupByName(name: string): Promise<CustomerGroup | undefined> {
  const [row] = await getDb().select().from(customerGroups).where(eq(sql`lower(${customerGroups.name})`, name.toLowerCase()));
  return row && toGroup(row);
}

/** One group with its member count. Throws NotFoundError. */
export async function getCustomerGroupById({ id }: { id: string }): Promise<CustomerGroup> {
  assertUuid(id, NOT_FOUND_MESSAGE);
  const [row] = await getDb().select({ group: customerGroups, memberCount }).from(customerGroups).where(eq(customerGroups.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND_MESSAGE);
  return toGroup(row.group, row.memberCount);
}

function mapGroupWriteError(error: unknown): unknown {
  if (isUniqueViolation(error, 'customer_groups_name_lower_idx')) return new ConflictError(NAME_TAKEN, [{ path: 'name', message: NAME_TAKEN }]);
  return error;
}

/** Creates a group. Throws ForbiddenError, ValidationFailedError, ConflictError (name in use, whatever its case). */
export async function createCustomerGroup({ actor, input }: { actor: Actor; input: CustomerGroupCreateInput }): Promise<CustomerGroup> {
  assertCan(actor, 'customer_groups:manage');
  const data = parseInput(customerGroupCreateSchema, input);
  try {
    const [row] = await getDb().insert(customerGroups).values(data).returning();
    return toGroup(row, 0);
  } catch (error) {
    throw mapGroupWriteError(error);
  }
}

/**
 * Renames or describes a group. With `updatedAt`, refuses a stale write (ConflictError).
 * Throws ForbiddenError, NotFoundError, ValidationFailedError, ConflictError (name in use).
 */
export async function updateCustomerGroup({ actor, id, input }: { actor: Actor; id: string; input: CustomerGroupUpdateInput }): Promise<CustomerGroup> {
  assertCan(actor, 'customer_groups:manage');
  assertUuid(id, NOT_FOUND_MESSAGE);
  const { updatedAt, ...patch } = parseInput(customerGroupUpdateSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [current] = await tx.select().from(customerGroups).where(eq(customerGroups.id, id)).for('update');
      if (!current) throw new NotFoundError(NOT_FOUND_MESSAGE);
      if (updatedAt !== undefined && new Date(updatedAt).getTime() !== current.updatedAt.getTime()) {
        throw new ConflictError(STALE_MESSAGE, [{ path: 'updatedAt', message: STALE_MESSAGE }]);
      }
      const isChanged = (patch.name !== undefined && patch.name !== current.name) || (patch.description !== undefined && patch.description !== current.description);
      // updatedAt is the version token, so every change must move it, even two within one millisecond.
      const nextUpdatedAt = sql`greatest(now(), ${customerGroups.updatedAt} + interval '1 millisecond')`;
      const [row] = isChanged
        ? await tx.update(customerGroups).set({ ...patch, updatedAt: nextUpdatedAt }).where(eq(customerGroups.id, id)).returning()
        : [current];
      const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(customers).where(eq(customers.customerGroupId, id));
      return toGroup(row, count);
    });
  } catch (error) {
    throw mapGroupWriteError(error);
  }
}

/** "discount VIP10 and campaigns 'Spring sale', 'Summer'", or null when nothing targets the group. */
async function describeTargeting(tx: Tx, groupId: string): Promise<string | null> {
  const [codes, names] = await Promise.all([
    tx.select({ code: discounts.code }).from(discountTargetGroups).innerJoin(discounts, eq(discounts.id, discountTargetGroups.discountId)).where(eq(discountTargetGroups.groupId, groupId)).orderBy(asc(discounts.code)),
    tx.select({ name: campaigns.name }).from(campaignTargetGroups).innerJoin(campaigns, eq(campaigns.id, campaignTargetGroups.campaignId)).where(eq(campaignTargetGroups.groupId, groupId)).orderBy(asc(campaigns.name)),
  ]);
  const parts: string[] = [];
  if (codes.length) parts.push(`discount${codes.length > 1 ? 's' : ''} ${codes.map((d) => d.code).join(', ')}`);
  if (names.length) parts.push(`campaign${names.length > 1 ? 's' : ''} ${names.map((c) => `'${c.name}'`).join(', ')}`);
  return parts.length ? parts.join(' and ') : null;
}

/**
 * Deletes a group. Refused (ConflictError) while discounts or campaigns target it, naming them; refused while it has
 * members unless `confirmMembersToNoGroup`, when they move to no group (each on their timeline) in the same transaction.
 * Throws ForbiddenError, NotFoundError, ConflictError.
 */
export async function deleteCustomerGroup({ actor, id, input = {} }: { actor: Actor; id: string; input?: { confirmMembersToNoGroup?: boolean } }): Promise<{ membersMoved: number }> {
  assertCan(actor, 'customer_groups:manage');
  assertUuid(id, NOT_FOUND_MESSAGE);
  const { confirmMembersToNoGroup } = parseInput(customerGroupDeleteSchema, input);
  return getDb().transaction(async (tx) => {
    // The row lock holds off new targets and new members (their foreign keys share-lock it) until we are done.
    const [group] = await tx.select().from(customerGroups).where(eq(customerGroups.id, id)).for('update');
    if (!group) throw new NotFoundError(NOT_FOUND_MESSAGE);
    const targeting = await describeTargeting(tx, id);
    if (targeting) throw new ConflictError(`Targeted by ${targeting}. Take the group off them before deleting it.`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(customers).where(eq(customers.customerGroupId, id));
    if (count > 0 && !confirmMembersToNoGroup) {
      const message = `${group.name} has ${count} member${count > 1 ? 's' : ''}. Confirm to move them to no group.`;
      throw new ConflictError(message, [{ path: 'confirmMembersToNoGroup', message }]);
    }
    const membersMoved = count > 0 ? await moveCustomers(tx, actor, eq(customers.customerGroupId, id), null) : 0;
    await tx.delete(customerGroups).where(eq(customerGroups.id, id));
    return { membersMoved };
  });
}

/**
 * Moves the chosen customers (ids, or everyone matching a list filter) into a group, or to no group with null, in one
 * set-based transaction; each customer moved gets a timeline event. Throws ForbiddenError, NotFoundError, ValidationFailedError.
 */
export async function assignCustomersToGroup({ actor, ...input }: { actor: Actor } & AssignToGroupInput): Promise<{ moved: number }> {
  assertCan(actor, 'customers:bulk_edit');
  const { groupId, target } = parseInput(assignToGroupSchema, input);
  const where = bulkTargetWhere(target);
  return getDb().transaction(async (tx) => {
    if (groupId) {
      // Key-share: a concurrent delete of the group waits for this move, and then sees the new members.
      const [group] = await tx.select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.id, groupId)).for('key share');
      if (!group) throw new NotFoundError(NOT_FOUND_MESSAGE);
    }
    return { moved: await moveCustomers(tx, actor, where, groupId) };
  });
}
