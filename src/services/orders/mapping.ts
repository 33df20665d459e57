import type { OrderItemRow, OrderRow } from '@/db/schema';
import type { Order, OrderSummary } from '@/lib/types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toOrderSummary(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    status: row.status,
    total: row.total,
    refundedTotal: row.refundedTotal,
    itemCount: row.itemCount,
    currency: row.currency,
    placedAt: row.placedAt.toISOString(),
    completedAt: iso(row.completedAt),
  };
}

export function toOrder(row: OrderRow, items: OrderItemRow[], customer: Order['customer']): Order {
  return {
    ...toOrderSummary(row),
    customerId: row.customerId,
    customer,
    subtotal: row.subtotal,
    discountTotal: row.discountTotal,
    discountCode: row.discountCode,
    taxTotal: row.taxTotal,
    shippingTotal: row.shippingTotal,
    cancelledAt: iso(row.cancelledAt),
    createdById: row.createdById,
    shippingAddress: row.shippingAddress,
    billingAddress: row.billingAddress,
    items: items.map(({ id, sku, name, quantity, unitPrice, lineTotal }) => ({ id, sku, name, quantity, unitPrice, lineTotal })),
  };
}
