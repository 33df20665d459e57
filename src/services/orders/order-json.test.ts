import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress } from '../customer-addresses';
import { createCustomer } from '../customers';
import { cancelOrder, completeOrder, createOrder, getOrderById, refundOrder } from '../orders';
import { createWebhookEndpoint } from '../webhooks';

withTestDatabase();

// The writes answer with the order built in SQL by the statement that changed it; these hold that answer
// to what the read (toOrder) gives for the same row, and the webhook payloads to the same shape.

let admin: Actor;
beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
  admin = await createStaffActor('admin', 'Ann Admin');
});
afterEach(async () => {
  await getDb().delete(webhookEndpoints);
});

async function placeFor(name: string) {
  const customer = await createCustomer({ actor: admin, input: { firstName: name, lastName: 'Jsonson', email: `${crypto.randomUUID()}@example.com` } });
  await addCustomerAddress({ actor: admin, customerId: customer.id, input: { firstName: name, line1: '1 High St', city: 'York', postalCode: 'YO1 7HH', countryCode: 'GB' } });
  const items = [
    { sku: 'MUG-1', name: 'Mug', quantity: 2, unitPrice: 1250 },
    { sku: 'TEA-9', name: 'Tea', quantity: 1, unitPrice: 899 },
  ];
  return createOrder({ actor: admin, input: { customerId: customer.id, items, taxTotal: 120, shippingTotal: 499, placedAt: '2025-03-04T05:06:07.089Z' } });
}

async function eventsOf(type: string, orderId: string) {
  return queryRows<{ data: Record<string, unknown> }>(getDb(), sql`select data from webhook_events where type = ${type} and data ->> 'id' = ${orderId}`);
}

describe(`order writes answer with the order (${TEST_DB_KIND})`, () => {
  it('createOrder answers with the order as getOrderById reads it, items in the order given and addresses copied', async () => {
    const placed = await placeFor('Placed');
    expect(placed).toEqual(await getOrderById({ id: placed.id }));
    expect(placed).toMatchObject({ status: 'pending', placedAt: '2025-03-04T05:06:07.089Z', items: [{ sku: 'MUG-1', lineTotal: 2500 }, { sku: 'TEA-9' }] });
    expect(placed.shippingAddress).toMatchObject({ line1: '1 High St', city: 'York' });
    expect(placed.billingAddress).toEqual(placed.shippingAddress);
  });

  it('completeOrder, refundOrder and cancelOrder answer with the order as getOrderById reads it, applied or not', async () => {
    const placed = await placeFor('Answer');
    const completed = await completeOrder({ actor: admin, id: placed.id });
    expect(completed.order).toEqual(await getOrderById({ id: placed.id }));
    expect(completed.order).toMatchObject({ status: 'completed', total: 2 * 1250 + 899 + 120 + 499, items: [{ sku: 'MUG-1' }, { sku: 'TEA-9' }] });
    expect(completed.order.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const again = await completeOrder({ actor: admin, id: placed.id });
    expect(again).toEqual({ order: completed.order, applied: false });

    const refunded = await refundOrder({ actor: admin, id: placed.id, input: { amount: 500, reason: 'Chipped', idempotencyKey: 'json-1' } });
    expect(refunded).toEqual(await getOrderById({ id: placed.id }));
    expect(refunded).toMatchObject({ status: 'partially_refunded', refundedTotal: 500 });
    expect(await refundOrder({ actor: admin, id: placed.id, input: { amount: 500, reason: 'Chipped', idempotencyKey: 'json-1' } })).toEqual(refunded);

    const other = await placeFor('Cancelled');
    await completeOrder({ actor: admin, id: other.id });
    const cancelled = await cancelOrder({ actor: admin, id: other.id });
    expect(cancelled).toEqual(await getOrderById({ id: other.id }));
    expect(cancelled.status).toBe('cancelled');
  });

  it('writes the order as the API shows it into the webhook events of subscribers, and no event when nobody subscribes', async () => {
    const unheard = await placeFor('Unheard');
    await completeOrder({ actor: admin, id: unheard.id });
    expect(await eventsOf('order.completed', unheard.id)).toEqual([]);

    await createWebhookEndpoint({ actor: admin, input: { url: 'http://127.0.0.1:9/hooks', events: ['order.created', 'order.completed', 'order.refunded', 'order.cancelled'] } });
    const heard = await placeFor('Heard');
    const [createdEvent] = await eventsOf('order.created', heard.id);
    expect(createdEvent.data).toEqual(heard);
    await completeOrder({ actor: admin, id: heard.id });
    const [completedEvent] = await eventsOf('order.completed', heard.id);
    await refundOrder({ actor: admin, id: heard.id, input: { amount: 300, reason: 'Late' } });
    const [refundedEvent] = await eventsOf('order.refunded', heard.id);
    const afterRefund = await getOrderById({ id: heard.id });
    const cancelledHeard = await placeFor('Heard again');
    await cancelOrder({ actor: admin, id: cancelledHeard.id });
    const [cancelledEvent] = await eventsOf('order.cancelled', cancelledHeard.id);

    expect(completedEvent.data).toEqual({ ...afterRefund, status: 'completed', refundedTotal: 0 });
    expect(refundedEvent.data).toEqual({ ...afterRefund, refund: { amount: 300, reason: 'Late' } });
    expect(cancelledEvent.data).toEqual(await getOrderById({ id: cancelledHeard.id }));
  });
});
