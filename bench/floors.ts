// The floors of the read cases: for each, the best single SQL statement giving the same answer as the service call,
// written by hand against the indexes, so that a case's ratio to its floor says how much the app adds (round trips,
// planning detours, mapping) over what PostgreSQL needs. A floor returns the same row count as its case; the report
// says so when it does not.
import { and, sql, type SQL } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { customerFilterSchema, type CustomerFilter, type CustomerSort, type CustomerSortField } from '@/lib/validation/customer';
import type { OrderSort } from '@/lib/validation/order';
import { AT_RISK_P_ALIVE, AT_RISK_SEGMENTS, sameSpanLastMonth } from '@/services/overview';
import { customerFilterConditions } from '@/services/customers/list';
import { COUNTED_STATUSES } from '@/services/orders/customer-stats';
import { EXACT_COUNT_MAX } from '@/services/match-count';

import { rowsOf } from './database';
import { planOf } from './plan-rows';

export type Floor = (i: number) => Promise<number>;

// The customer list's sort keys, as the indexes of db/schema/customers.ts hold them, and the SQL type of each key.
// The table is never aliased: the service's filter conditions name it `customers`.
const CUSTOMER_SORT_KEYS: Record<CustomerSortField, { expr: SQL; type: SQL }> = {
  createdAt: { expr: sql`customers.created_at`, type: sql`timestamptz` },
  name: { expr: sql`customers.sort_name`, type: sql`text` },
  email: { expr: sql`coalesce(customers.email, '')`, type: sql`text` },
  totalSpend: { expr: sql`customers.total_spend`, type: sql`bigint` },
  orderCount: { expr: sql`customers.order_count`, type: sql`integer` },
  lastOrderDate: { expr: sql`coalesce(customers.last_order_date, '-infinity'::timestamptz)`, type: sql`timestamptz` },
};

/** The sort key of one customer, as text: where a deep page's floor starts (the last row of the page before it). */
export async function customerSortKey(handle: DatabaseHandle, sort: CustomerSort, id: string): Promise<string> {
  const { expr } = CUSTOMER_SORT_KEYS[sort.split(':')[0] as CustomerSortField];
  const [row] = await rowsOf<{ key: string }>(handle, sql`select (${expr})::text as key from customers where customers.id = ${id}`);
  return row.key;
}

type CustomerPageQuery = { filter: CustomerFilter; sort: CustomerSort; limit: number; after?: { key: string; id: string } };

/**
 * One page of the customer list as one SELECT: the filters (the service's own conditions, so the floor answers the
 * same question), the sort's index order, the group joined, after `after` (a key and id) when given; one row more
 * than the page, as the service reads, to know whether another page follows. With `isMatchesFirst`, the matches are
 * collected first and sorted (the better statement when they are few).
 */
export function customerPageStatement(query: CustomerPageQuery, isMatchesFirst = false): SQL {
  const [field, direction] = query.sort.split(':') as [CustomerSortField, 'asc' | 'desc'];
  const { expr, type } = CUSTOMER_SORT_KEYS[field];
  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  const conditions = customerFilterConditions(customerFilterSchema.parse(query.filter)).map((condition) => sql`(${condition})`);
  if (query.after) {
    const bound = sql`(cast(${query.after.key} as ${type}), cast(${query.after.id} as uuid))`;
    conditions.push(direction === 'asc' ? sql`(${expr}, customers.id) > ${bound}` : sql`(${expr}, customers.id) < ${bound}`);
  }
  const where = and(...conditions) ?? sql`true`;
  return isMatchesFirst
    ? sql`with m as materialized (select * from customers where ${where})
          select customers.*, g.name as group_name from m customers left join customer_groups g on g.id = customers.customer_group_id
          order by ${expr} ${order}, customers.id ${order} limit ${query.limit + 1}`
    : sql`select customers.*, g.name as group_name from customers left join customer_groups g on g.id = customers.customer_group_id
          where ${where} order by ${expr} ${order}, customers.id ${order} limit ${query.limit + 1}`;
}

/** The floor of a page of the customer list (customerPageStatement); returns the page's row count. */
export function customerPageFloor(handle: DatabaseHandle, query: CustomerPageQuery, isMatchesFirst = false): Floor {
  const statement = customerPageStatement(query, isMatchesFirst);
  return async () => Math.min(query.limit, (await rowsOf(handle, statement)).length);
}

/**
 * The number above the list, as one statement: the planner's estimate (EXPLAIN) when the service answered with an
 * estimate, else the bounded exact count the service also makes.
 */
export function customerCountFloor(handle: DatabaseHandle, filter: CustomerFilter, isExact: boolean): Floor {
  const where = and(...customerFilterConditions(customerFilterSchema.parse(filter)));
  const matches = sql`select 1 from customers where ${where ?? sql`true`}`;
  if (!isExact) {
    return async () => {
      const [row] = await rowsOf<Record<string, unknown>>(handle, sql`explain (format json) ${matches}`);
      return Math.round(planOf(Object.values(row)[0])['Plan Rows' as never] as number);
    };
  }
  // Past the cap the service says "more than EXACT_COUNT_MAX", and shows the cap.
  return async () => Math.min(EXACT_COUNT_MAX, (await rowsOf<{ n: number }>(handle, sql`select count(*)::int as n from (${matches} limit ${EXACT_COUNT_MAX + 1}) m`))[0].n);
}

/**
 * getCustomerById as one JSON-aggregating SELECT: the customer with group and creator, addresses, and the newest
 * `recentOrders` orders (one more, for the next cursor). Returns 1 + addresses (+ orders when `isCountingOrders`).
 */
export function customerDetailFloor(handle: DatabaseHandle, ids: string[], recentOrders: number, isCountingOrders: boolean): Floor {
  return async (i) => {
    const [row] = await rowsOf<{ detail: { addresses: unknown[]; orders: unknown[] } }>(
      handle,
      sql`select json_build_object(
            'customer', to_jsonb(c), 'group', g.name, 'creator', s.name,
            'addresses', (select coalesce(json_agg(a order by a.created_at, a.id), '[]') from customer_addresses a where a.customer_id = c.id),
            'orders', (select coalesce(json_agg(o), '[]') from (
              select o.id, o.order_number, o.status, o.currency, o.total, o.refunded_total, o.item_count, o.placed_at
              from orders o where o.customer_id = c.id order by o.placed_at desc, o.id desc limit ${recentOrders + 1}) o)
          ) as detail
          from customers c left join customer_groups g on g.id = c.customer_group_id left join staff_members s on s.id = c.created_by_id
          where c.id = ${ids[i % ids.length]}`,
    );
    return 1 + row.detail.addresses.length + (isCountingOrders ? Math.min(recentOrders, row.detail.orders.length) : 0);
  };
}

/** A customer's orders, newest first, one page from the orders_customer_placed_idx, after an order when given. */
export function customerOrdersFloor(handle: DatabaseHandle, customerId: string, limit: number, after?: { placedAt: string; id: string }): Floor {
  const bound = after ? sql`and (o.placed_at, o.id) < (cast(${after.placedAt} as timestamptz), cast(${after.id} as uuid))` : sql``;
  const statement = sql`select o.* from orders o where o.customer_id = ${customerId} ${bound} order by o.placed_at desc, o.id desc limit ${limit + 1}`;
  return async () => Math.min(limit, (await rowsOf(handle, statement)).length);
}

const ORDER_SORT_KEYS: Record<OrderSort extends `${infer F}:${string}` ? F : never, SQL[]> = {
  placedAt: [sql`o.placed_at`, sql`o.id`],
  total: [sql`o.total`, sql`o.id`],
  status: [sql`o.status`, sql`o.placed_at`, sql`o.id`],
  customer: [sql`c.sort_name`, sql`c.id`, sql`o.placed_at`, sql`o.id`],
};

/** One page of the order list with its customers' names, on the sort's index, one row more than the page. */
export function orderPageStatement(query: { sort: OrderSort; status?: string; limit: number }): SQL {
  const [field, direction] = query.sort.split(':') as [keyof typeof ORDER_SORT_KEYS, 'asc' | 'desc'];
  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  const keys = sql.join(
    ORDER_SORT_KEYS[field].map((key) => sql`${key} ${order}`),
    sql`, `,
  );
  const where = query.status ? sql`where o.status = ${query.status}` : sql``;
  return sql`select o.*, c.first_name || ' ' || c.last_name as customer_name, c.sort_name from orders o join customers c on c.id = o.customer_id
    ${where} order by ${keys} limit ${query.limit + 1}`;
}

export function orderPageFloor(handle: DatabaseHandle, query: { sort: OrderSort; status?: string; limit: number }): Floor {
  const statement = orderPageStatement(query);
  return async () => Math.min(query.limit, (await rowsOf(handle, statement)).length);
}

/**
 * The order list's count: the planner's estimate when the service gave one, else the bounded exact count.
 */
export function orderCountFloor(handle: DatabaseHandle, status: string | null, isExact: boolean): Floor {
  const matches = sql`select 1 from orders ${status ? sql`where status = ${status}` : sql``}`;
  if (!isExact) {
    return async () => {
      const [row] = await rowsOf<Record<string, unknown>>(handle, sql`explain (format json) ${matches}`);
      return Math.round(planOf(Object.values(row)[0])['Plan Rows' as never] as number);
    };
  }
  // Past the cap the service says "more than EXACT_COUNT_MAX", and shows the cap.
  return async () => Math.min(EXACT_COUNT_MAX, (await rowsOf<{ n: number }>(handle, sql`select count(*)::int as n from (${matches} limit ${EXACT_COUNT_MAX + 1}) m`))[0].n);
}

const MONTHS = 12;
const LIST_SIZE = 5;

/**
 * The dashboard overview's figures as one statement of the same set-based queries (one scan of customers for the
 * totals, one range of the first-seen index per count, one range of orders, two short index walks for the lists, one
 * scan of the metrics): the cheapest exact SQL, without rollups. Returns the number of top customers.
 */
export function overviewFloor(handle: DatabaseHandle): Floor {
  return async () => {
    const now = new Date();
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
    const lastMonth = sameSpanLastMonth(now);
    const firstSeen = sql`least(c.created_at, c.first_order_date)`;
    const atRisk = sql`(m.rfm_segment in (${sql.join(
      AT_RISK_SEGMENTS.map((segment) => sql`${segment}`),
      sql`, `,
    )}) or (m.p_alive <= ${AT_RISK_P_ALIVE} and m.monetary_score >= 4))`;
    const [row] = await rowsOf<{ top: unknown[] | null }>(
      handle,
      sql`select
        (select json_agg(t) from (select c.customer_group_id, count(*) filter (where c.erased_at is null) as customers,
            count(*) filter (where c.erased_at is null and c.order_count >= 1) as buyers,
            count(*) filter (where c.erased_at is null and c.order_count >= 2) as repeat_buyers, coalesce(sum(c.total_spend), 0) as spend
          from customers c group by c.customer_group_id) t) as totals,
        (select json_agg(t) from (select to_char(${firstSeen} at time zone 'UTC', 'YYYY-MM') as month, count(*) as count from customers c
          where ${firstSeen} >= ${windowStart.toISOString()}::timestamptz and ${firstSeen} <= ${now.toISOString()}::timestamptz and c.erased_at is null group by 1) t) as per_month,
        (select count(*) from customers c where ${firstSeen} >= ${lastMonth.from.toISOString()}::timestamptz and ${firstSeen} <= ${lastMonth.to.toISOString()}::timestamptz
          and c.erased_at is null) as last_month,
        (select json_build_object('revenue', coalesce(sum(o.total - o.refunded_total), 0), 'orders', count(*)) from orders o
          where o.status in ${COUNTED_STATUSES} and o.placed_at >= ${windowStart.toISOString()}::timestamptz and o.placed_at <= ${now.toISOString()}::timestamptz) as revenue,
        (select json_agg(t) from (select c.id, c.first_name, c.last_name, g.name, c.total_spend, c.order_count, c.last_order_date
          from customers c left join customer_groups g on g.id = c.customer_group_id where c.total_spend > 0 and c.erased_at is null
          order by c.total_spend desc, c.id desc limit ${LIST_SIZE}) t) as top,
        (select json_agg(t) from (select m.rfm_segment, count(*), count(*) filter (where ${atRisk}), max(m.as_of), max(m.computed_at)
          from customer_metrics m group by m.rfm_segment) t) as segments,
        (select json_agg(t) from (select c.id, c.first_name, c.last_name, g.name, c.total_spend, m.rfm_segment, m.p_alive, m.days_since_last_order
          from customer_metrics m join customers c on c.id = m.customer_id left join customer_groups g on g.id = c.customer_group_id
          where ${atRisk} and c.erased_at is null order by c.total_spend desc, c.id desc limit ${LIST_SIZE}) t) as at_risk,
        (select json_agg(g) from customer_groups g) as groups`,
    );
    return row.top?.length ?? 0;
  };
}
