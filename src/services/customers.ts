import { and, desc, eq, lt, or, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customerEvents, customerGroups, customers } from '@/db/schema';
import type { Actor, Customer, CustomerDetail, CustomerEvent, Page } from '@/lib/types';
import { customerCreateSchema, customerUpdateSchema, type CustomerCreateInput, type CustomerUpdateInput } from '@/lib/validation/customer';
import { storeProfileUpdateSchema } from '@/lib/validation/store-account';

import { customerOrderTotal, hasOrdersMessage } from './customers/delete-rule';
import { readCustomerDetail } from './customers/detail';
import { recordCustomerEvent } from './customers/events';
import { toCustomer } from './customers/mapping';
import { customerNotFound } from './customers/merged-into';
import { updateCustomerStatement } from './customers/update-statement';
import { mapCustomerWriteError } from './customers/write-errors';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { keysetCursor } from './keyset-cursor';
import { assertCanChangeCustomer } from './ownership';
import { assertCan } from './permissions';
import { parseInput } from './validate';
import { emitWebhookEvent } from './webhooks';

export { countCustomerMatches, listCustomers } from './customers/list';
export { dismissDuplicate, listDuplicateCustomers } from './customers/duplicates';
export { mergeCustomers } from './customers/merge';
export { addTagsToCustomers, removeTagsFromCustomers } from './customers/bulk-tags';
export { deleteCustomersWithoutOrders } from './customers/bulk-delete';
export { addCustomerAddress, deleteCustomerAddress, updateCustomerAddress } from './customer-addresses';

const NOT_FOUND_MESSAGE = 'No customer with this id';
// How many of the newest orders come with the customer; older ones page through listCustomerOrders.
const RECENT_ORDERS = 10;
export const ERASED_MESSAGE = "This customer's personal data was erased: the record only keeps their orders and cannot be edited.";
const STALE_VERSION_MESSAGE =
  'Someone else changed this customer after you opened it. Reload to see their changes, then make yours again.';

/** Creates a customer; staff actors are recorded as its creator. Throws ValidationFailedError, ConflictError (email in use). */
export async function createCustomer({ actor, input }: { actor: Actor; input: CustomerCreateInput }): Promise<Customer> {
  assertCan(actor, 'customers:write');
  const data = parseInput(customerCreateSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({
          ...data,
          emailConsentAt: data.emailMarketingConsent ? sql`now()` : null,
          smsConsentAt: data.smsMarketingConsent ? sql`now()` : null,
          createdById: actor.type === 'staff' ? actor.id : null,
        })
        .returning();
      await recordCustomerEvent(tx, actor, row.id, 'customer.created');
      const customer = toCustomer(row, await groupOf(tx, row.customerGroupId));
      await emitWebhookEvent(tx, 'customer.created', customer, row.id);
      return customer;
    });
  } catch (error) {
    throw mapCustomerWriteError(error);
  }
}

async function groupOf(db: Pick<ReturnType<typeof getDb>, 'select'>, groupId: string | null) {
  if (!groupId) return null;
  const [group] = await db.select({ id: customerGroups.id, name: customerGroups.name }).from(customerGroups).where(eq(customerGroups.id, groupId));
  return group ?? null;
}

/**
 * Only whether the customer exists, by primary key: lets a detail page answer 404 (or send a merged id on to its
 * target) before it streams. Throws NotFoundError, with `mergedInto` for a customer merged into another.
 */
export async function assertCustomerExists(id: string): Promise<void> {
  assertUuid(id, NOT_FOUND_MESSAGE);
  const db = getDb();
  const [found] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, id));
  if (!found) throw await customerNotFound(db, id);
}

/** The customer with addresses, newest orders, metrics and creator, in one statement. Throws NotFoundError (`mergedInto` for a merged one). */
export async function getCustomerById({ id }: { id: string }): Promise<CustomerDetail> {
  assertUuid(id, NOT_FOUND_MESSAGE);
  const detail = await readCustomerDetail(id, RECENT_ORDERS);
  if (!detail) throw await customerNotFound(getDb(), id);
  return detail;
}

/**
 * Applies a partial update. With `version`, refuses a stale write (ConflictError) rather than overwriting a newer edit.
 * Throws NotFoundError, ValidationFailedError, ConflictError.
 */
export async function updateCustomer({ actor, id, input }: { actor: Actor; id: string; input: CustomerUpdateInput }): Promise<Customer> {
  assertCanChangeCustomer(actor, id, NOT_FOUND_MESSAGE);
  assertUuid(id, NOT_FOUND_MESSAGE);
  // A customer editing themselves may change only their name, phone and consent.
  const { version, ...patch } = actor.type === 'customer' ? parseInput(storeProfileUpdateSchema, input) : parseInput(customerUpdateSchema, input);
  let outcome;
  try {
    // One statement: the row lock, the checks, the write and its timeline and webhook events (customers/update-statement.ts).
    outcome = await updateCustomerStatement(getDb(), actor, id, version, patch);
  } catch (error) {
    throw mapCustomerWriteError(error);
  }
  if (!outcome.found) throw new NotFoundError(NOT_FOUND_MESSAGE);
  if (outcome.erased) throw new ConflictError(ERASED_MESSAGE);
  if (version !== undefined && version !== outcome.version) {
    throw new ConflictError(STALE_VERSION_MESSAGE, [{ path: 'version', message: STALE_VERSION_MESSAGE }]);
  }
  // Imported customers may have neither (their external id identifies them); staff-entered ones keep one.
  if (!outcome.reachable) {
    throw new ValidationFailedError('A customer needs an email or a phone number', [{ path: 'email', message: 'Give an email or a phone number' }]);
  }
  if (!outcome.smsReachable) {
    throw new ValidationFailedError('SMS consent needs a phone number', [{ path: 'smsMarketingConsent', message: 'SMS consent needs a phone number' }]);
  }
  return outcome.customer!;
}

/** Deletes a customer without purchase history. Throws NotFoundError, ConflictError (has orders), ForbiddenError. */
export async function deleteCustomer({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  assertCan(actor, 'customers:delete');
  assertUuid(id, NOT_FOUND_MESSAGE);
  await getDb().transaction(async (tx) => {
    const [current] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, id)).for('update');
    if (!current) throw new NotFoundError(NOT_FOUND_MESSAGE);
    // Read after the lock, so an order committed meanwhile is counted (the bulk delete follows the same rule).
    const [{ orderCount }] = await tx.select({ orderCount: customerOrderTotal }).from(customers).where(eq(customers.id, id));
    if (orderCount > 0) throw new ConflictError(hasOrdersMessage(orderCount));
    await tx.delete(customers).where(eq(customers.id, id));
    await emitWebhookEvent(tx, 'customer.deleted', { id }, id);
  });
}

const eventCursor = keysetCursor('customer-events', [{ kind: 'timestamp' }, { kind: 'uuid' }]);

/** The customer's timeline, newest first, keyset-paged by (createdAt, id). Throws NotFoundError, ValidationFailedError. */
export async function listCustomerEvents({ customerId, cursor, limit = 50 }: { customerId: string; cursor?: string | null; limit?: number }): Promise<Page<CustomerEvent>> {
  assertUuid(customerId, NOT_FOUND_MESSAGE);
  const db = getDb();
  const [exists] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
  if (!exists) throw new NotFoundError(NOT_FOUND_MESSAGE);
  const position = cursor ? eventCursor.decode(cursor) : null;
  const rows = await db
    .select()
    .from(customerEvents)
    .where(
      and(
        eq(customerEvents.customerId, customerId),
        position ? or(lt(customerEvents.createdAt, position[0]), and(eq(customerEvents.createdAt, position[0]), lt(customerEvents.id, position[1]))) : undefined,
      ),
    )
    .orderBy(desc(customerEvents.createdAt), desc(customerEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    nextCursor: rows.length > limit && last ? eventCursor.encode([last.createdAt, last.id]) : null,
  };
}
