import type { OrderListItem } from '@/lib/types';

import type { OrdersListRow } from './orders-table';

/** Slims listOrders' answer down to what the list shows. */
export function toOrdersListRows(orders: OrderListItem[]): OrdersListRow[] {
  return orders.map((order) => ({
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    customerId: order.customerId,
    // An erased customer keeps their orders but not their name.
    customerName: order.customerName || '(no name)',
    itemCount: order.itemCount,
    total: order.total,
    refundedTotal: order.refundedTotal,
    currency: order.currency,
    placedAt: order.placedAt,
  }));
}
