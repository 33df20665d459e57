import { asc, eq } from 'drizzle-orm';

import { getDb, inTurn, type Db } from '@/db/client';
import {
  campaignDeliveries,
  campaigns,
  classificationSuggestions,
  customerAddresses,
  customerEvents,
  customerGroups,
  customerMetrics,
  type CustomerMetricsRow,
  customers,
  discountRedemptions,
  discounts,
  orderItems,
  orderRefundItems,
  orderRefunds,
  orders,
  storeUsers,
  type CustomerEventRow,
} from '@/db/schema';
import { SHOP_CURRENCY } from '@/lib/config';
import { PERSONAL_DATA_EXPORT_FORMAT, type ExportedConsentChange, type ExportedOrder, type PersonalDataExport } from '@/lib/privacy-types';
import type { Actor } from '@/lib/types';

import { toCustomer, toCustomerAddress } from '../customers/mapping';
import { NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { toOrderSummary } from '../orders/mapping';
import { assertCanActOnPersonalData } from './access';

const NOT_FOUND = 'No customer with this id';
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything stored about one person, as one JSON document (the right of access): profile, addresses, consent and its
 * history, orders with items and refunds, timeline, metrics, suggestions, campaign deliveries, discount uses and the
 * storefront login without its secrets. Staff need `customers:privacy`; a storefront customer gets only their own.
 * Read in one repeatable-read transaction so the parts agree. Throws NotFoundError, ForbiddenError.
 */
export async function exportCustomerData({ actor, customerId }: { actor: Actor; customerId: string }): Promise<PersonalDataExport> {
  assertCanActOnPersonalData(actor, customerId, NOT_FOUND);
  assertUuid(customerId, NOT_FOUND);
  return getDb().transaction(async (tx) => readExport(tx as unknown as Db, customerId), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readExport(db: Db, customerId: string): Promise<PersonalDataExport> {
  const [found] = await db
    .select({ customer: customers, group: { id: customerGroups.id, name: customerGroups.name } })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.customerGroupId))
    .where(eq(customers.id, customerId));
  if (!found) throw new NotFoundError(NOT_FOUND);
  const row = found.customer;
  const [addresses, events, exportedOrders, engagement, suggestions, deliveries, redemptions, login] = await inTurn(
    () => db.select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id)),
    () => db.select().from(customerEvents).where(eq(customerEvents.customerId, customerId)).orderBy(asc(customerEvents.createdAt), asc(customerEvents.id)),
    () => readOrders(db, customerId),
    () => db.select().from(customerMetrics).where(eq(customerMetrics.customerId, customerId)),
    () => db
      .select({ suggestion: classificationSuggestions, group: customerGroups.name })
      .from(classificationSuggestions)
      .innerJoin(customerGroups, eq(customerGroups.id, classificationSuggestions.suggestedGroupId))
      .where(eq(classificationSuggestions.customerId, customerId))
      .orderBy(asc(classificationSuggestions.createdAt)),
    () => db
      .select({ delivery: campaignDeliveries, campaign: campaigns.name, channel: campaigns.channel })
      .from(campaignDeliveries)
      .innerJoin(campaigns, eq(campaigns.id, campaignDeliveries.campaignId))
      .where(eq(campaignDeliveries.customerId, customerId))
      .orderBy(asc(campaignDeliveries.createdAt)),
    () => db
      .select({ redemption: discountRedemptions, code: discounts.code })
      .from(discountRedemptions)
      .innerJoin(discounts, eq(discounts.id, discountRedemptions.discountId))
      .where(eq(discountRedemptions.customerId, customerId))
      .orderBy(asc(discountRedemptions.createdAt)),
    () => row.userId
      ? db
          .select({ email: storeUsers.email, name: storeUsers.name, emailVerified: storeUsers.emailVerified, createdAt: storeUsers.createdAt })
          .from(storeUsers)
          .where(eq(storeUsers.id, row.userId))
      : Promise.resolve([]),
  );

  const { createdById, userId, ...customer } = toCustomer(row, found.group?.id ? found.group : null);
  const metrics = engagement[0];
  return {
    format: PERSONAL_DATA_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    customer: { ...customer, externalId: row.externalId, erasedAt: iso(row.erasedAt) },
    addresses: addresses.map(toCustomerAddress),
    consent: {
      email: { given: row.emailMarketingConsent, at: iso(row.emailConsentAt) },
      sms: { given: row.smsMarketingConsent, at: iso(row.smsConsentAt) },
      history: consentHistory(events, row),
    },
    orders: exportedOrders,
    timeline: events.map((event) => ({ id: event.id, type: event.type, actorType: event.actorType, data: event.data, createdAt: event.createdAt.toISOString() })),
    metrics: {
      stats: {
        orderCount: row.orderCount,
        totalSpend: row.totalSpend,
        averageOrderValue: row.orderCount ? Math.round(row.totalSpend / row.orderCount) : 0,
        currency: SHOP_CURRENCY,
        firstOrderDate: iso(row.firstOrderDate),
        lastOrderDate: iso(row.lastOrderDate),
      },
      engagement: metrics ? plainValues(metrics) : null,
    },
    classificationSuggestions: suggestions.map(({ suggestion, group }) => ({
      id: suggestion.id,
      suggestedGroup: group,
      confidence: suggestion.confidence,
      reasons: suggestion.reasons,
      status: suggestion.status,
      createdAt: suggestion.createdAt.toISOString(),
      decidedAt: iso(suggestion.decidedAt),
    })),
    campaignDeliveries: deliveries.map(({ delivery, campaign, channel }) => ({
      campaign,
      channel,
      address: delivery.address,
      status: delivery.status,
      sentAt: iso(delivery.sentAt),
      createdAt: delivery.createdAt.toISOString(),
    })),
    discountRedemptions: redemptions.map(({ redemption, code }) => ({
      code,
      orderId: redemption.orderId,
      amount: redemption.amount,
      currency: SHOP_CURRENCY,
      createdAt: redemption.createdAt.toISOString(),
    })),
    storefrontLogin: login[0] ? { ...login[0], createdAt: login[0].createdAt.toISOString() } : null,
  };
}

/** Every order with its items and its refunds (with what each refund took back), oldest first: four queries. */
async function readOrders(db: Db, customerId: string): Promise<ExportedOrder[]> {
  const [orderRows, itemRows, refundRows, refundItemRows] = await inTurn(
    () => db.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(asc(orders.placedAt), asc(orders.id)),
    () => db.select().from(orderItems).where(eq(orderItems.customerId, customerId)).orderBy(asc(orderItems.position), asc(orderItems.id)),
    () => db.select().from(orderRefunds).where(eq(orderRefunds.customerId, customerId)).orderBy(asc(orderRefunds.createdAt), asc(orderRefunds.id)),
    () => db.select().from(orderRefundItems).where(eq(orderRefundItems.customerId, customerId)),
  );
  return orderRows.map((order) => ({
    ...toOrderSummary(order),
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    discountCode: order.discountCode,
    taxTotal: order.taxTotal,
    shippingTotal: order.shippingTotal,
    cancelledAt: iso(order.cancelledAt),
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    items: itemRows
      .filter((item) => item.orderId === order.id)
      .map(({ id, sku, name, quantity, unitPrice, lineTotal }) => ({ id, sku, name, quantity, unitPrice, lineTotal })),
    refunds: refundRows
      .filter((refund) => refund.orderId === order.id)
      .map((refund) => ({
        id: refund.id,
        amount: refund.amount,
        reason: refund.reason,
        createdAt: refund.createdAt.toISOString(),
        items: refundItemRows
          .filter((item) => item.refundId === refund.id)
          .map(({ orderItemId, quantity, amount }) => ({ orderItemId, quantity, amount })),
      })),
  }));
}

const CONSENT_FIELDS = { emailMarketingConsent: 'email', smsMarketingConsent: 'sms' } as const;

/**
 * Consent changes as the timeline recorded them (an edit's `changes`, an import's or a sign-up's `consent`), oldest
 * first; consent given when the record was made, which no change shows, is dated by the consent time on the record.
 */
function consentHistory(events: CustomerEventRow[], row: typeof customers.$inferSelect): ExportedConsentChange[] {
  const history: ExportedConsentChange[] = [];
  for (const event of events) {
    const changes = (event.data.changes ?? event.data.consent ?? {}) as Record<string, unknown>;
    for (const [field, channel] of Object.entries(CONSENT_FIELDS)) {
      const change = changes[field];
      const given = Array.isArray(change) ? change[1] : change;
      if (typeof given === 'boolean') history.push({ channel, given, at: event.createdAt.toISOString(), by: event.actorType });
    }
  }
  const created = events.find((event) => event.type === 'customer.created');
  for (const [channel, at] of [['email', row.emailConsentAt], ['sms', row.smsConsentAt]] as const) {
    if (at && !history.some((change) => change.channel === channel)) history.unshift({ channel, given: true, at: at.toISOString(), by: created?.actorType ?? 'system' });
  }
  return history.sort((a, b) => a.at.localeCompare(b.at));
}

/** A metrics row as JSON values: times as ISO strings, without the key. */
function plainValues(row: CustomerMetricsRow): Record<string, string | number | null> {
  const { customerId, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : (value as number | string | null)]));
}
