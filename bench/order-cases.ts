import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { getCustomerById } from '@/services/customers';
import { ORDER_SORTS } from '@/lib/validation/order';
import { countOrderMatches, listCustomerOrders, listOrders } from '@/services/orders';

import type { BenchCase } from './cases';
import { rowsOf } from './database';
import { customerDetailFloor, customerOrdersFloor, orderCountFloor, orderPageFloor } from './floors';
import { HISTORY_ORDERS } from './orders-data';

const PAGE = 50;
const DEEP_ORDER = 500;
// listCustomerOrders' default page, and the newest orders getCustomerById comes with (services/orders.ts, customers.ts).
const HISTORY_PAGE = 20;
const RECENT_ORDERS = 10;

async function orderCountCase(handle: DatabaseHandle, name: string, status: 'partially_refunded' | null): Promise<BenchCase> {
  const filter = status ? { status } : {};
  const { exact, atLeast } = await countOrderMatches(filter);
  return { name, run: async () => (await countOrderMatches(filter)).count, floors: [orderCountFloor(handle, status, exact || atLeast)] };
}

/** Cases over orders: the long-history customer's detail and history pages, and the shop's order list. */
export async function buildOrderCases(handle: DatabaseHandle, historyCustomerId: string): Promise<BenchCase[]> {
  let cursor: string | null = null;
  let lastId = '';
  for (let seen = 0; seen < DEEP_ORDER; seen += 100) {
    const page = await listCustomerOrders({ customerId: historyCustomerId, limit: 100, cursor });
    cursor = page.nextCursor;
    lastId = page.data.at(-1)!.id;
  }
  const [last] = await rowsOf<{ placed_at: string }>(handle, sql`select placed_at::text from orders where customer_id = ${historyCustomerId} and id = ${lastId}`);
  const history = HISTORY_ORDERS.toLocaleString('en');
  return [
    {
      name: `getCustomerById (${history} orders)`,
      run: async () => {
        const customer = await getCustomerById({ id: historyCustomerId });
        return 1 + customer.addresses.length + customer.orders.length;
      },
      floors: [customerDetailFloor(handle, [historyCustomerId], RECENT_ORDERS, true)],
    },
    {
      name: `listCustomerOrders first page (${history} orders)`,
      run: async () => (await listCustomerOrders({ customerId: historyCustomerId })).data.length,
      floors: [customerOrdersFloor(handle, historyCustomerId, HISTORY_PAGE)],
    },
    {
      name: `listCustomerOrders page at order ${DEEP_ORDER}`,
      run: async () => (await listCustomerOrders({ customerId: historyCustomerId, cursor })).data.length,
      floors: [customerOrdersFloor(handle, historyCustomerId, HISTORY_PAGE, { placedAt: last.placed_at, id: lastId })],
    },
    { name: 'listOrders first page', run: async () => (await listOrders({ limit: PAGE })).data.length, floors: [orderPageFloor(handle, { sort: 'placedAt:desc', limit: PAGE })] },
    ...(['pending', 'partially_refunded'] as const).map((status) => ({
      name: `listOrders status ${status}`,
      run: async () => (await listOrders({ status, limit: PAGE })).data.length,
      floors: [orderPageFloor(handle, { sort: 'placedAt:desc', status, limit: PAGE })],
    })),
    ...ORDER_SORTS.map((sort) => ({
      name: `listOrders first page ${sort}`,
      run: async () => (await listOrders({ sort, limit: PAGE })).data.length,
      floors: [orderPageFloor(handle, { sort, limit: PAGE })],
    })),
    await orderCountCase(handle, 'count orders (every order)', null),
    await orderCountCase(handle, 'count orders status partially_refunded', 'partially_refunded'),
  ];
}
