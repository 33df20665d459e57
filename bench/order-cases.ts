import { getCustomerById } from '@/services/customers';
import { ORDER_SORTS } from '@/lib/validation/order';
import { countOrderMatches, listCustomerOrders, listOrders } from '@/services/orders';

import type { BenchCase } from './cases';
import { HISTORY_ORDERS } from './orders-data';

const PAGE = 50;
const DEEP_ORDER = 500;

/** Cases over orders: the long-history customer's detail and history pages, and the shop's order list. */
export async function buildOrderCases(historyCustomerId: string): Promise<BenchCase[]> {
  let cursor: string | null = null;
  for (let seen = 0; seen < DEEP_ORDER; seen += 100) cursor = (await listCustomerOrders({ customerId: historyCustomerId, limit: 100, cursor })).nextCursor;
  const history = HISTORY_ORDERS.toLocaleString('en');
  return [
    {
      name: `getCustomerById (${history} orders)`,
      run: async () => {
        const customer = await getCustomerById({ id: historyCustomerId });
        return 1 + customer.addresses.length + customer.orders.length;
      },
    },
    { name: `listCustomerOrders first page (${history} orders)`, run: async () => (await listCustomerOrders({ customerId: historyCustomerId })).data.length },
    { name: `listCustomerOrders page at order ${DEEP_ORDER}`, run: async () => (await listCustomerOrders({ customerId: historyCustomerId, cursor })).data.length },
    { name: 'listOrders first page', run: async () => (await listOrders({ limit: PAGE })).data.length },
    { name: 'listOrders status pending', run: async () => (await listOrders({ status: 'pending', limit: PAGE })).data.length },
    { name: 'listOrders status partially_refunded', run: async () => (await listOrders({ status: 'partially_refunded', limit: PAGE })).data.length },
    ...ORDER_SORTS.map((sort) => ({ name: `listOrders first page ${sort}`, run: async () => (await listOrders({ sort, limit: PAGE })).data.length })),
    { name: 'count orders (every order)', run: async () => (await countOrderMatches({})).count },
    { name: 'count orders status partially_refunded', run: async () => (await countOrderMatches({ status: 'partially_refunded' })).count },
  ];
}
