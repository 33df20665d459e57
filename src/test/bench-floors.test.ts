import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { CUSTOMER_SORTS, type CustomerFilter, type CustomerSort } from '@/lib/validation/customer';
import { ORDER_SORTS } from '@/lib/validation/order';
import { seedDemoData } from '@/seed/demo';
import { addCustomerAddress, createCustomer, listCustomers, updateCustomer } from '@/services/customers';
import { completeOrder, createOrder, listOrders, refundOrder } from '@/services/orders';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { customerPageStatement, customerSortKey, orderPageStatement } from '../../bench/floors';
import { BENCH_ACTOR } from '../../bench/write-cases';
import { completeOrderFloor, createOrderFloor, refundOrderFloor, updateCustomerFloor } from '../../bench/write-floors';

// A floor is only a floor if it gives the same answer as the service: the same rows in the same order for a list
// page, the same writes for a write path. Otherwise the bench's ratios measure a different question.

const { handle } = withTestDatabase();
const PAGE = 20;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await getDb().execute(query)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  await seedDemoData({ customers: 300, seed: 5, ordersPerCustomer: 3 });
  await getDb().execute(sql`analyze`);
}, 120_000);

describe(`bench floors of the lists (${TEST_DB_KIND})`, () => {
  const pageIds = async (statement: ReturnType<typeof sql>) => (await rows<{ id: string }>(statement)).slice(0, PAGE).map((row) => row.id);

  it('list every customer page, first and second, in every sort, as listCustomers does', async () => {
    for (const sort of CUSTOMER_SORTS) {
      const first = await listCustomers({ sort, limit: PAGE });
      expect(await pageIds(customerPageStatement({ filter: {}, sort, limit: PAGE })), sort).toEqual(first.data.map((c) => c.id));
      const lastId = first.data.at(-1)!.id;
      const second = await listCustomers({ sort, limit: PAGE, cursor: first.nextCursor });
      const after = { key: await customerSortKey(handle(), sort, lastId), id: lastId };
      expect(await pageIds(customerPageStatement({ filter: {}, sort, limit: PAGE, after })), `${sort}, second page`).toEqual(second.data.map((c) => c.id));
    }
  });

  it('list the filtered pages as listCustomers does, by either statement', async () => {
    const filters: CustomerFilter[] = [{ q: 'example' }, { tag: 'vip' }, { country: 'GB' }, { emailConsent: 'yes', minOrders: 2 }, { neverOrdered: 'yes' }, { maxSpend: 5000 }];
    const sorts: CustomerSort[] = ['createdAt:desc', 'name:asc', 'totalSpend:desc', 'lastOrderDate:asc'];
    for (const filter of filters) {
      for (const sort of sorts) {
        const expected = (await listCustomers({ ...filter, sort, limit: PAGE })).data.map((c) => c.id);
        const label = `${JSON.stringify(filter)} ${sort}`;
        expect(await pageIds(customerPageStatement({ filter, sort, limit: PAGE })), label).toEqual(expected);
        expect(await pageIds(customerPageStatement({ filter, sort, limit: PAGE }, true)), `${label}, matches first`).toEqual(expected);
      }
    }
  });

  it('list the order pages in every sort, and a status, as listOrders does', async () => {
    for (const sort of ORDER_SORTS) {
      expect(await pageIds(orderPageStatement({ sort, limit: PAGE })), sort).toEqual((await listOrders({ sort, limit: PAGE })).data.map((o) => o.id));
    }
    expect(await pageIds(orderPageStatement({ sort: 'placedAt:desc', status: 'completed', limit: PAGE }))).toEqual(
      (await listOrders({ status: 'completed', limit: PAGE })).data.map((o) => o.id),
    );
  });
});

describe(`bench floors of the writes (${TEST_DB_KIND})`, () => {
  // Two customers alike, one for the service and one for the floor, each with a default address and one order placed
  // at the same moment for the same lines.
  const placedAt = new Date('2025-03-01T10:00:00.000Z');
  const items = [
    { sku: 'MUG-1', name: 'Mug', quantity: 2, unitPrice: 1250 },
    { sku: 'TEA-2', name: 'Tea', quantity: 1, unitPrice: 800 },
  ];

  async function twin(name: string) {
    const customer = await createCustomer({ actor: BENCH_ACTOR, input: { firstName: name, email: `${name.toLowerCase()}.${crypto.randomUUID()}@twins.test`, notes: 'before' } });
    await addCustomerAddress({
      actor: BENCH_ACTOR,
      customerId: customer.id,
      input: { line1: '1 High Street', city: 'Leeds', postalCode: 'LS1 1AA', countryCode: 'GB', isDefaultShipping: true, isDefaultBilling: true },
    });
    return customer.id;
  }

  const statsOf = async (id: string) =>
    (await rows<Record<string, unknown>>(sql`select total_spend::text, order_count, (extract(epoch from first_order_date) * 1000)::bigint::text as first_order_ms,
            (extract(epoch from last_order_date) * 1000)::bigint::text as last_order_ms, version, notes from customers where id = ${id}`))[0];
  const eventOf = async (id: string, type: string) =>
    (await rows<{ actor_type: string; data: Record<string, unknown> }>(sql`select actor_type, data from customer_events where customer_id = ${id} and type = ${type}`))[0];
  const orderOf = async (customerId: string) =>
    (
      await rows<Record<string, unknown>>(
        sql`select id, status, subtotal::text, total::text, refunded_total::text, item_count, shipping_address, billing_address, completed_at is not null as completed
            from orders where customer_id = ${customerId}`,
      )
    )[0];
  const itemsOf = async (customerId: string) =>
    rows(sql`select sku, name, quantity, unit_price::text, line_total::text, position from order_items where customer_id = ${customerId} order by position`);
  const withoutIds = (data: Record<string, unknown>) => ({ ...data, orderId: typeof data.orderId, orderNumber: typeof data.orderNumber });

  it('place, complete and refund an order, and update a customer, as the services do', async () => {
    const [app, floor] = [await twin('Service'), await twin('Floor')];

    await createOrder({ actor: BENCH_ACTOR, input: { customerId: app, items, shippingTotal: 395 } });
    expect(await createOrderFloor(handle(), floor, items, 395)).toBe(2);
    const [appOrder, floorOrder] = [await orderOf(app), await orderOf(floor)];
    expect({ ...floorOrder, id: null }).toEqual({ ...appOrder, id: null });
    expect(floorOrder.shipping_address).toMatchObject({ line1: '1 High Street', postalCode: 'LS1 1AA' });
    expect(await itemsOf(floor)).toEqual(await itemsOf(app));
    expect(withoutIds((await eventOf(floor, 'order.placed')).data)).toEqual(withoutIds((await eventOf(app, 'order.placed')).data));

    // The same placing moment on both, so that the order dates of the stats can be compared.
    await getDb().execute(sql`update orders set placed_at = ${placedAt.toISOString()}::timestamptz where customer_id in (${app}, ${floor})`);
    expect((await completeOrder({ actor: BENCH_ACTOR, id: appOrder.id as string })).applied).toBe(true);
    expect(await completeOrderFloor(handle(), floorOrder.id as string)).toBe(1);
    expect(await completeOrderFloor(handle(), floorOrder.id as string)).toBe(0);
    expect({ ...(await statsOf(floor)), notes: null }).toEqual({ ...(await statsOf(app)), notes: null });
    expect(await statsOf(floor)).toMatchObject({ total_spend: '3695', order_count: 1, first_order_ms: String(placedAt.getTime()), last_order_ms: String(placedAt.getTime()) });
    expect({ ...(await orderOf(floor)), id: null }).toEqual({ ...(await orderOf(app)), id: null });
    expect(withoutIds((await eventOf(floor, 'order.completed')).data)).toEqual(withoutIds((await eventOf(app, 'order.completed')).data));

    await refundOrder({ actor: BENCH_ACTOR, id: appOrder.id as string, input: { amount: 100, reason: 'Bench refund' } });
    expect(await refundOrderFloor(handle(), floorOrder.id as string, 100, 'Bench refund')).toBe(1);
    expect({ ...(await statsOf(floor)), notes: null }).toEqual({ ...(await statsOf(app)), notes: null });
    expect(await orderOf(floor)).toMatchObject({ status: 'partially_refunded', refunded_total: '100' });
    expect({ ...(await orderOf(floor)), id: null }).toEqual({ ...(await orderOf(app)), id: null });
    expect(withoutIds((await eventOf(floor, 'order.refunded')).data)).toEqual(withoutIds((await eventOf(app, 'order.refunded')).data));
    const refunds = await rows<{ amount: string; reason: string }>(sql`select customer_id, amount::text, reason from order_refunds where customer_id in (${app}, ${floor}) order by customer_id = ${app}`);
    expect(refunds.map(({ amount, reason }) => ({ amount, reason }))).toEqual([{ amount: '100', reason: 'Bench refund' }, { amount: '100', reason: 'Bench refund' }]);

    await updateCustomer({ actor: BENCH_ACTOR, id: app, input: { notes: 'after' } });
    expect(await updateCustomerFloor(handle(), floor, 'after')).toBe(1);
    expect(await statsOf(floor)).toEqual(await statsOf(app));
    expect(await eventOf(floor, 'customer.updated')).toEqual(await eventOf(app, 'customer.updated'));
    expect((await eventOf(floor, 'customer.updated')).data).toEqual({ changes: { notes: ['before', 'after'] } });
  });
});
