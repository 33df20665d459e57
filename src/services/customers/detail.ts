import { sql, type SQL } from 'drizzle-orm';

import { getDb, preparedStatement } from '@/db/client';
import { customerAddresses, customers, orders } from '@/db/schema';
import type { Customer, CustomerAddress, CustomerDetail, OrderSummary } from '@/lib/types';

import { SNAPSHOT_COLUMNS } from '../orders/addresses';
import { orderCursor } from '../orders/cursor';
import { customerJsonSql } from '../webhooks/customer-json';

// A customer's page reads its customer, addresses and newest orders in one statement: three statements in parallel
// cost three round trips and three pool connections, and the page waited for the slowest. The addresses and orders
// come as JSON arrays from correlated subqueries, each on its own index (customer_addresses_customer_idx,
// orders_customer_placed_idx), so the statement reads the same rows the three did, whatever the table sizes. The
// customer comes as JSON too, shaped as the API's Customer in SQL, and the statement is prepared once per connection:
// building it with the query builder and planning it on every call cost more than reading the rows.

/** The JSON of a timestamp column as the API writes it (toISOString); PostgreSQL's JSON has its own offset form. */
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** A json column: one driver parses it, the other may hand over its text. */
function parsedJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Keys and values of json_build_object, written from a record so the keys are the domain type's names. */
function jsonObject(fields: Record<string, SQL | { getSQL(): SQL }>): SQL {
  return sql`json_build_object(${sql.join(
    Object.entries(fields).map(([key, value]) => sql`${key}::text, ${value}`),
    sql`, `,
  )})`;
}

const addressFields = {
  id: customerAddresses.id,
  customerId: customerAddresses.customerId,
  ...SNAPSHOT_COLUMNS,
  isDefaultShipping: customerAddresses.isDefaultShipping,
  isDefaultBilling: customerAddresses.isDefaultBilling,
  createdAt: customerAddresses.createdAt,
  updatedAt: customerAddresses.updatedAt,
} satisfies Record<keyof CustomerAddress, unknown>;

// The columns of the orders subquery, by the names OrderSummary gives them: the outer aggregate reads them by name.
const orderFields = {
  id: orders.id,
  orderNumber: orders.orderNumber,
  status: orders.status,
  total: orders.total,
  refundedTotal: orders.refundedTotal,
  itemCount: orders.itemCount,
  currency: orders.currency,
  placedAt: orders.placedAt,
  completedAt: orders.completedAt,
} satisfies Record<keyof OrderSummary, unknown>;

/** The customer's addresses, oldest first, as one JSON array ('[]' for none). */
function addressesJson(): SQL {
  return sql`(select coalesce(json_agg(${jsonObject(addressFields)} order by ${customerAddresses.createdAt}, ${customerAddresses.id}), '[]'::json)
    from ${customerAddresses} where ${customerAddresses.customerId} = ${customers.id})`;
}

/** The customer's `limit` newest orders, newest first, as one JSON array: the LIMIT is taken on the index first. */
function newestOrdersJson(limit: SQL): SQL {
  const columns = sql.join(
    Object.entries(orderFields).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const newest = sql`select ${columns} from ${orders} where ${orders.customerId} = ${customers.id}
    order by ${orders.placedAt} desc, ${orders.id} desc limit ${limit}`;
  const picked = Object.fromEntries(Object.keys(orderFields).map((name) => [name, sql`newest.${sql.identifier(name)}`]));
  return sql`(select coalesce(json_agg(${jsonObject(picked)} order by newest."placedAt" desc, newest."id" desc), '[]'::json) from (${newest}) newest)`;
}

type AddressJson = Omit<CustomerAddress, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
type OrderJson = OrderSummary;

interface DetailRow {
  customer: Customer | string;
  creator_id: string | null;
  creator_name: string;
  addresses: AddressJson[] | string;
  orders: OrderJson[] | string;
}

const detailStatement = preparedStatement<DetailRow>(
  () => sql`
    select ${customerJsonSql('customers', 'customer_groups')} as customer, staff_members.id as creator_id, staff_members.name as creator_name,
      ${addressesJson()} as addresses, ${newestOrdersJson(sql`${sql.placeholder('orders')}::int`)} as orders
    from customers
    left join customer_groups on customer_groups.id = customers.customer_group_id
    left join staff_members on staff_members.id = customers.created_by_id
    where customers.id = ${sql.placeholder('id')}::uuid`,
);

/**
 * The customer with group, creator, addresses and the `recentOrders` newest orders (one more is read, to know whether
 * older ones follow), in one statement; null when there is no such customer.
 */
export async function readCustomerDetail(id: string, recentOrders: number): Promise<CustomerDetail | null> {
  const [found] = await detailStatement(getDb(), { id, orders: recentOrders + 1 });
  if (!found) return null;

  const customer = parsedJson<Customer>(found.customer);
  const addresses = parsedJson<AddressJson[]>(found.addresses).map((address) => ({
    ...address,
    createdAt: iso(address.createdAt)!,
    updatedAt: iso(address.updatedAt)!,
  }));
  const newest = parsedJson<OrderJson[]>(found.orders).map((order) => ({ ...order, placedAt: iso(order.placedAt)!, completedAt: iso(order.completedAt) }));
  const page = newest.slice(0, recentOrders);
  const last = page.at(-1);
  return {
    ...customer,
    addresses,
    orders: page,
    ordersNextCursor: newest.length > recentOrders && last ? orderCursor.encode([new Date(last.placedAt), last.id]) : null,
    metrics: {
      orderCount: customer.orderCount,
      totalSpend: customer.totalSpend,
      averageOrderValue: customer.orderCount ? Math.round(customer.totalSpend / customer.orderCount) : 0,
      currency: customer.currency,
      firstOrderDate: customer.firstOrderDate,
      lastOrderDate: customer.lastOrderDate,
    },
    createdBy: found.creator_id ? { id: found.creator_id, name: found.creator_name } : null,
  };
}
