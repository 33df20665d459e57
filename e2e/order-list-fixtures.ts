import { createCustomer } from '@/services/customers';
import { cancelOrder, completeOrder, createOrder, refundOrder } from '@/services/orders';

const SYSTEM = { type: 'system', id: null, role: 'owner', name: 'e2e fixtures' } as const;

/** Annie Easley's orders fill more than one page of the order list (25 a page). */
export const EASLEY_ORDER_COUNT = 30;

const DAY = 86_400_000;

/** Noon UTC `days` ago: whole days apart, so date filters and the newest-first order are predictable. */
function daysAgo(days: number): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12) - days * DAY);
}

/** Customers with orders in every status, for the order list journey (e2e/orders-list.spec.ts). */
export async function seedOrderListFixtures(): Promise<void> {
  const easley = await createCustomer({ actor: SYSTEM, input: { firstName: 'Annie', lastName: 'Easley', email: 'annie.easley@lewis.example' } });
  for (let day = 1; day <= EASLEY_ORDER_COUNT; day++) {
    const order = await createOrder({
      actor: SYSTEM,
      input: { customerId: easley.id, items: [{ sku: 'CENTAUR-1', name: 'Centaur rocket model', quantity: day, unitPrice: 1250 }], placedAt: daysAgo(day) },
    });
    await completeOrder({ actor: SYSTEM, id: order.id });
  }
  const ada = await createCustomer({ actor: SYSTEM, input: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@engine.example' } });
  const item = { sku: 'NOTE-G', name: 'Note G print', quantity: 1, unitPrice: 4200 };
  const refunded = await createOrder({ actor: SYSTEM, input: { customerId: ada.id, items: [item], placedAt: daysAgo(3) } });
  await completeOrder({ actor: SYSTEM, id: refunded.id });
  await refundOrder({ actor: SYSTEM, id: refunded.id, input: { reason: 'Arrived damaged' } });
  const partly = await createOrder({ actor: SYSTEM, input: { customerId: ada.id, items: [item, { ...item, sku: 'NOTE-A' }], placedAt: daysAgo(2) } });
  await completeOrder({ actor: SYSTEM, id: partly.id });
  await refundOrder({ actor: SYSTEM, id: partly.id, input: { amount: 1000, reason: 'One print creased' } });
  const cancelled = await createOrder({ actor: SYSTEM, input: { customerId: ada.id, items: [item], placedAt: daysAgo(1) } });
  await cancelOrder({ actor: SYSTEM, id: cancelled.id });
  await createOrder({ actor: SYSTEM, input: { customerId: ada.id, items: [item], placedAt: daysAgo(0.5) } });
}
