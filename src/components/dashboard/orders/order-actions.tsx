'use client';

import { Ban, CircleCheck } from 'lucide-react';

import { cancelOrderAction, completeOrderAction } from '@/actions/orders';
import { ConfirmActionButton } from '@/components/dashboard/confirm-action-button';
import { formatMoney } from '@/lib/format';
import type { Order } from '@/lib/types';

import { RefundOrderButton } from './refund-order-button';

/** What the viewer's role may do to the order in its current status; the service checks both again. */
export interface OrderAbilities {
  canComplete: boolean;
  canCancel: boolean;
  canRefund: boolean;
}

/** The lifecycle buttons that apply to this order now; none for an order that has reached its end. */
export function OrderActions({ order, abilities }: { order: Order; abilities: OrderAbilities }) {
  const total = formatMoney(order.total, order.currency);
  const customer = order.customer?.name || 'the customer';
  const kept = order.total - order.refundedTotal;
  const showComplete = abilities.canComplete && order.status === 'pending';
  const showRefund = abilities.canRefund && (order.status === 'completed' || order.status === 'partially_refunded') && kept > 0;
  const showCancel = abilities.canCancel && (order.status === 'pending' || order.status === 'completed');
  if (!showComplete && !showRefund && !showCancel) return null;

  return (
    <div className="flex flex-wrap gap-2">
      {showComplete && (
        <ConfirmActionButton
          trigger={
            <>
              <CircleCheck aria-hidden />
              Complete
            </>
          }
          title={`Complete order ${order.orderNumber}?`}
          description={`${total} is added to ${customer}’s total spend and order count, and the order becomes their latest purchase.`}
          confirmLabel="Complete order"
          pendingLabel="Completing…"
          dismissLabel="Not yet"
          onConfirm={(key) => completeOrderAction(order.id, key)}
        />
      )}
      {showRefund && (
        <RefundOrderButton orderId={order.id} orderNumber={order.orderNumber} customerName={order.customer?.name ?? ''} remaining={kept} currency={order.currency} />
      )}
      {showCancel && (
        <ConfirmActionButton
          trigger={
            <>
              <Ban aria-hidden />
              Cancel order
            </>
          }
          triggerVariant="outline"
          triggerClassName="text-red-700 hover:bg-red-50 hover:text-red-800"
          title={`Cancel order ${order.orderNumber}?`}
          description={
            order.status === 'completed'
              ? `The order is completed: cancelling takes ${formatMoney(kept, order.currency)} back out of ${customer}’s total spend and order count. It cannot be undone.`
              : 'The order will not be fulfilled and is kept for the record. It cannot be undone.'
          }
          confirmLabel="Cancel order"
          pendingLabel="Cancelling…"
          confirmVariant="destructive"
          dismissLabel="Keep order"
          onConfirm={(key) => cancelOrderAction(order.id, key)}
        />
      )}
    </div>
  );
}
