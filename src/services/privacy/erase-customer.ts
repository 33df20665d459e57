import { and, eq, inArray, isNotNull, ne, notExists, or, sql } from 'drizzle-orm';

import { getDb, type Tx } from '@/db/client';
import {
  campaignDeliveries,
  classificationSuggestions,
  customerAddresses,
  customerEvents,
  customerGroups,
  customers,
  idempotencyKeys,
  orderRefunds,
  orders,
  storeUsers,
  storeVerifications,
} from '@/db/schema';
import { ERASED_FIRST_NAME, ERASED_MARKER, REDACTED_EVENT_DATA } from '@/lib/privacy-types';
import type { Actor, Customer } from '@/lib/types';
import { customerEraseSchema, type CustomerEraseInput } from '@/lib/validation/privacy';

import { deleteIdleImportFiles } from '../customer-import/file-store';
import { recordCustomerEvent } from '../customers/events';
import { toCustomer } from '../customers/mapping';
import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { parseInput } from '../validate';
import { emitWebhookEvent, redactWebhookEvents } from '../webhooks';
import { assertCanActOnPersonalData } from './access';
import { personalValuesOf, redactText } from './personal-values';

const NOT_FOUND = 'No customer with this id';
export const PENDING_ORDERS_MESSAGE =
  'You have an order that is still being processed. Once it is complete (or cancelled) you can delete your account here, or ask the shop to.';

/**
 * Erases a person's personal data, irreversibly, in one transaction, and keeps what the books need: the customer row
 * (first name "Erased customer", `erased_at` set), their orders, items, refunds, redemptions and stats. Replaced or
 * removed: name, email, phone, company, notes, tags, external id, consent, addresses (also the orders' copies), timeline payloads (types and
 * times stay), campaign delivery addresses, the storefront login with its sessions, accounts and tokens, stored
 * idempotent answers that carry the person, and quotes of them in refund reasons and classification reasons.
 * Adds a `customer.erased` event naming who did it (as the actor) and nothing about the person.
 *
 * Erasing an erased customer changes nothing and answers the same. Staff need `customers:privacy` and the typed
 * confirmation; a storefront customer may erase only themselves, and not while an order of theirs is pending.
 * Throws NotFoundError, ForbiddenError, ValidationFailedError (`confirm`), ConflictError (pending orders, shopper only).
 */
export async function eraseCustomer({ actor, customerId, input }: { actor: Actor; customerId: string; input?: CustomerEraseInput }): Promise<Customer> {
  assertCanActOnPersonalData(actor, customerId, NOT_FOUND);
  assertUuid(customerId, NOT_FOUND);
  // The shopper confirmed with their password (the adapter checked it); staff and integrations say they mean it.
  if (actor.type !== 'customer') parseInput(customerEraseSchema, input);
  return getDb().transaction(async (tx) => {
    // Locked first: an order placed, an edit or a second erasure for this customer waits until this one is done.
    const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.erasedAt) return erasedCustomer(tx, customerId);
    if (actor.type === 'customer') await refuseWithPendingOrders(tx, customerId);

    const values = await personalValuesOf(tx, row);
    await tx
      .update(customers)
      .set({
        firstName: ERASED_FIRST_NAME,
        lastName: '',
        email: null,
        phone: null,
        company: null,
        notes: '',
        tags: [],
        // An old system's customer number points back at the person there: it goes too (see README, "Privacy").
        externalId: null,
        emailMarketingConsent: false,
        emailConsentAt: null,
        smsMarketingConsent: false,
        smsConsentAt: null,
        userId: null,
        erasedAt: sql`now()`,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, customerId));
    await tx.delete(customerAddresses).where(eq(customerAddresses.customerId, customerId));
    // The orders' copies of the addresses go whole, country too: the erasure keeps no part of an address anywhere
    // (the address book's rows are deleted, not blanked), and the orders' money needs none of it.
    await tx.update(orders).set({ shippingAddress: null, billingAddress: null }).where(eq(orders.customerId, customerId));
    await tx.update(customerEvents).set({ data: REDACTED_EVENT_DATA }).where(eq(customerEvents.customerId, customerId));
    await tx
      .update(campaignDeliveries)
      .set({ address: ERASED_MARKER, error: sql`case when ${campaignDeliveries.error} is null then null else ${ERASED_MARKER} end` })
      .where(eq(campaignDeliveries.customerId, customerId));
    await deleteStorefrontLogins(tx, customerId, row.userId, row.email);
    await forgetStoredAnswers(tx, customerId, values);
    await redactRefundReasons(tx, customerId, values);
    await redactSuggestions(tx, customerId, values);
    await deleteIdleImportFiles(tx);
    await recordCustomerEvent(tx, actor, customerId, 'customer.erased');
    await redactWebhookEvents(tx, customerId);
    const erased = await erasedCustomer(tx, customerId);
    await emitWebhookEvent(tx, 'customer.erased', erased, customerId);
    return erased;
  });
}

async function erasedCustomer(tx: Tx, customerId: string): Promise<Customer> {
  const [found] = await tx
    .select({ customer: customers, group: { id: customerGroups.id, name: customerGroups.name } })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(eq(customers.id, customerId));
  return toCustomer(found.customer, found.group?.id ? found.group : null);
}

// A shop ships a pending order to the address an erasure would delete: the shopper waits for it, staff may decide.
async function refuseWithPendingOrders(tx: Tx, customerId: string): Promise<void> {
  const [pending] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.status, 'pending')))
    .limit(1);
  if (pending) throw new ConflictError(PENDING_ORDERS_MESSAGE);
}

/**
 * The linked storefront login (its sessions and accounts go with it by cascade), any unlinked sign-up with the
 * person's email, and their mailed tokens (reset and confirmation links carry the login id as their value).
 */
async function deleteStorefrontLogins(tx: Tx, customerId: string, userId: string | null, email: string | null): Promise<void> {
  if (!userId && !email) return;
  const logins = await tx
    .select({ id: storeUsers.id })
    .from(storeUsers)
    .where(
      or(
        userId ? eq(storeUsers.id, userId) : undefined,
        email
          ? and(
              eq(storeUsers.email, email),
              notExists(tx.select({ one: sql`1` }).from(customers).where(and(eq(customers.userId, storeUsers.id), ne(customers.id, customerId)))),
            )
          : undefined,
      ),
    );
  const ids = logins.map((login) => login.id);
  if (ids.length === 0) return;
  await tx.delete(storeVerifications).where(inArray(storeVerifications.value, ids));
  await tx.delete(storeUsers).where(inArray(storeUsers.id, ids));
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Idempotent answers kept for a day (services/idempotency.ts) replay a customer's JSON: the shopper's own keys go,
 * and any finished answer that names the customer's id, email or phone. A retry of one of those requests runs again,
 * and finds the customer erased.
 */
async function forgetStoredAnswers(tx: Tx, customerId: string, values: string[]): Promise<void> {
  const needles = [customerId, ...values.filter((value) => value.includes('@') || value.startsWith('+'))].map(likePattern);
  const patterns = sql`array[${sql.join(
    needles.map((needle) => sql`${needle}`),
    sql`, `,
  )}]::text[]`;
  await tx
    .delete(idempotencyKeys)
    .where(
      or(
        eq(idempotencyKeys.scope, `customer:${customerId}`),
        and(eq(idempotencyKeys.state, 'done'), isNotNull(idempotencyKeys.responseBody), sql`${idempotencyKeys.responseBody} ilike any(${patterns})`),
      ),
    );
}

// Staff write refund reasons in their own words, which may quote the person; the reason stays, the quote goes.
async function redactRefundReasons(tx: Tx, customerId: string, values: string[]): Promise<void> {
  const refunds = await tx
    .select({ orderId: orderRefunds.orderId, id: orderRefunds.id, reason: orderRefunds.reason })
    .from(orderRefunds)
    .where(and(eq(orderRefunds.customerId, customerId), ne(orderRefunds.reason, '')));
  for (const refund of refunds) {
    const reason = redactText(refund.reason, values);
    if (reason !== refund.reason)
      await tx
        .update(orderRefunds)
        .set({ reason })
        .where(and(eq(orderRefunds.customerId, customerId), eq(orderRefunds.orderId, refund.orderId), eq(orderRefunds.id, refund.id)));
  }
}

// A model's reasons (and why its answer was not used) may quote the name or notes it was shown.
async function redactSuggestions(tx: Tx, customerId: string, values: string[]): Promise<void> {
  const suggestions = await tx.select().from(classificationSuggestions).where(eq(classificationSuggestions.customerId, customerId));
  for (const suggestion of suggestions) {
    const reasons = suggestion.reasons.map((reason) => redactText(reason, values));
    const fallbackReason = suggestion.fallbackReason === null ? null : redactText(suggestion.fallbackReason, values);
    if (JSON.stringify(reasons) === JSON.stringify(suggestion.reasons) && fallbackReason === suggestion.fallbackReason) continue;
    await tx.update(classificationSuggestions).set({ reasons, fallbackReason }).where(eq(classificationSuggestions.id, suggestion.id));
  }
}
