import type { z } from 'zod';

import { COMPLETION_APPLIED_HEADER, IDEMPOTENCY_KEY_HEADER } from '@/http/headers';
import { orderListQuerySchema } from '@/lib/validation/order';

import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';

type OrderListParam = keyof z.input<typeof orderListQuerySchema>;

const LIST_PARAMETERS: Record<OrderListParam, string> = {
  status: 'Only orders in this status',
  customerId: 'Only orders of this customer',
  placedAfter: 'Placed on or after this time',
  placedBefore: 'Placed on or before this time',
  sort: 'Sort field and direction: placed date (default newest first), total, customer name or status; ties by placed date, then id, in the same direction',
  limit: 'Page size',
  cursor: 'The `nextCursor` of the previous page, unchanged',
};

const orderId = ref('parameters', 'OrderId');
const ORDERS = ['Orders'];
const orderResponse = (description: string) => ({ 200: jsonResponse(description, 'Order') });

/** The paths of orders and their lifecycle, and of a customer's purchase history. */
export function orderPaths() {
  return {
    '/orders': {
      get: {
        operationId: 'listOrders',
        tags: ORDERS,
        summary: 'List orders, newest first or sorted',
        description: 'Ordered by `sort`, by default `placedAt` newest first. Keyset-paged: `nextCursor` is null on the last page and valid only with the same sort and filters.',
        parameters: queryParametersOf(orderListQuerySchema, LIST_PARAMETERS, Object.keys(LIST_PARAMETERS) as OrderListParam[]),
        responses: { 200: jsonResponse('A page of orders', 'OrderPage'), ...problems(422) },
      },
      post: {
        operationId: 'createOrder',
        tags: ORDERS,
        summary: 'Place an order for a customer',
        description:
          'The order starts `pending` and does not count in the customer\'s stats until it is completed. Amounts are integer minor units; ' +
          '`total` = items subtotal − `discountTotal` + `taxTotal` + `shippingTotal`. `currency` defaults to, and must be, the shop currency. ' +
          '`placedAt` defaults to now and cannot be in the future. `createdById` is the calling staff member for session callers, null for API keys. ' +
          '`discountCode` (instead of `discountTotal`) applies a discount (see /discounts): it is checked for this customer now, its amount becomes `discountTotal`, and one use is taken; ' +
          'a code the customer may not use is a 422 on `discountCode` with the reason. Cancelling or refunding the order does not give the use back. ' +
          'Addresses: the order keeps a copy of its shipping and billing address, which later edits or deletions of the customer\'s addresses do not change. ' +
          'Send `shippingAddress` (an address, checked like the customer\'s addresses: errors name the field, e.g. `shippingAddress.postalCode`) or ' +
          '`shippingAddressId` (one of this customer\'s own addresses; any other id is a 422 naming `shippingAddressId`), or `null` for none; not both. ' +
          'Left out, the customer\'s default shipping address is copied. Billing works the same with `billingAddress`/`billingAddressId`; left out, ' +
          'it is the default billing address, or the shipping address when the customer has no default billing address.',
        requestBody: jsonBody('OrderCreate'),
        responses: {
          201: {
            ...jsonResponse('The placed order', 'Order'),
            headers: { Location: { description: 'The path of the new order', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 422),
        },
      },
    },
    '/orders/{id}': {
      parameters: [orderId],
      get: {
        operationId: 'getOrder',
        tags: ORDERS,
        summary: 'One order with its items, customer and addresses',
        responses: { ...orderResponse('The order'), ...problems(404) },
      },
    },
    '/orders/{id}/complete': {
      parameters: [orderId],
      post: {
        operationId: 'completeOrder',
        tags: ORDERS,
        summary: 'Complete a pending order',
        description:
          "Adds the total to the customer's `totalSpend`, counts the order and moves `firstOrderDate`/`lastOrderDate`, in one transaction, exactly once. " +
          `Completing a completed order is safe to retry: it answers 200 and changes nothing; the \`${COMPLETION_APPLIED_HEADER}\` header tells which happened. ` +
          'A cancelled or refunded order cannot be completed (409). Send no body (or `{}`).',
        responses: {
          200: {
            ...jsonResponse('The completed order', 'Order'),
            headers: {
              [COMPLETION_APPLIED_HEADER]: {
                description: '`true` when this request completed the order; `false` when it was already completed and nothing changed',
                required: true,
                schema: { type: 'string', enum: ['true', 'false'] },
              },
            },
          },
          ...problems(400, 404, 409, 422),
        },
      },
    },
    '/orders/{id}/cancel': {
      parameters: [orderId],
      post: {
        operationId: 'cancelOrder',
        tags: ORDERS,
        summary: 'Cancel a pending or completed order',
        description:
          "Cancelling a completed order takes what is left of it (total less refunds) off the customer's spend and stops it counting. " +
          'A cancelled or (partially) refunded order cannot be cancelled (409). Send no body (or `{}`).',
        responses: { ...orderResponse('The cancelled order'), ...problems(400, 403, 404, 409, 422) },
      },
    },
    '/orders/{id}/refund': {
      parameters: [orderId],
      post: {
        operationId: 'refundOrder',
        tags: ORDERS,
        summary: 'Refund part or all of a completed order',
        description:
          "`amount` (minor units) defaults to everything not yet refunded; more than that is a 422 naming `amount`. The amount comes off the customer's spend; " +
          'the order still counts in `orderCount` and the order dates, even refunded in full. Only completed or partially refunded orders can be refunded (409). ' +
          `A retry with the same idempotency key (\`${IDEMPOTENCY_KEY_HEADER}\` header or \`idempotencyKey\` field; not both with different values) refunds once; ` +
          'the field is kept with the refund, for this order: a retry with it answers the order as it is, and with another amount or reason is a 422 naming `idempotencyKey`.',
        requestBody: jsonBody('OrderRefund', false),
        responses: { ...orderResponse('The order after the refund'), ...problems(400, 403, 404, 409, 422) },
      },
    },
    '/customers/{id}/orders': {
      parameters: [ref('parameters', 'CustomerId')],
      get: {
        operationId: 'listCustomerOrders',
        tags: ['Customers', ...ORDERS],
        summary: "The customer's purchase history, newest first",
        description: 'Keyset-paged. GET /customers/{id} carries the first page; its `ordersNextCursor` continues here.',
        parameters: queryParametersOf(orderListQuerySchema, LIST_PARAMETERS, ['limit', 'cursor']),
        responses: { 200: jsonResponse('A page of orders', 'OrderSummaryPage'), ...problems(404, 422) },
      },
    },
  };
}
