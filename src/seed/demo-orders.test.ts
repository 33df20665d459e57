import { describe, expect, it } from 'vitest';

import { generateDemoBatches, type DemoContext } from './demo-generator';
import { DEFAULT_ORDERS_PER_CUSTOMER, type DemoOrderRow } from './demo-orders';
import { DEMO_PRODUCTS } from './demo-products';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const DAY = 86_400_000;
const context: DemoContext = {
  seed: 7,
  firstNumber: 1,
  groupIds: { retail: 'retail-id', wholesaler: 'wholesaler-id', vip: 'vip-id' },
  staffIds: ['staff-a', 'staff-b'],
  now: NOW,
  currency: 'EUR',
  ordersPerCustomer: DEFAULT_ORDERS_PER_CUSTOMER,
};

function generate(overrides: Partial<DemoContext> = {}, count = 2000, batchSize = 500) {
  const batches = [...generateDemoBatches({ ...context, ...overrides }, count, batchSize)];
  return {
    customers: batches.flatMap((b) => b.customers),
    orders: batches.flatMap((b) => b.orders),
    items: batches.flatMap((b) => b.items),
    refunds: batches.flatMap((b) => b.refunds),
  };
}

const ID_KEYS = ['id', 'customer_id', 'order_id'];
// Ids are random (so repeated runs never clash); everything else is the seed's.
const withoutIds = (rows: object[]) => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !ID_KEYS.includes(key))));
const demo = generate();
const ordersOf = new Map<string, DemoOrderRow[]>();
for (const order of demo.orders) ordersOf.set(order.customer_id, [...(ordersOf.get(order.customer_id) ?? []), order]);
const customersIn = (group: string | null) => demo.customers.filter((c) => c.customer_group_id === group);
const counted = (orders: DemoOrderRow[] = []) => orders.filter((o) => o.status === 'completed' || o.status === 'partially_refunded');
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('demo orders', () => {
  it('are the same for the same seed whatever the batch size, and other for another seed', () => {
    const again = generate({}, 2000, 333);
    expect(withoutIds(again.orders)).toEqual(withoutIds(demo.orders));
    expect(withoutIds(again.items)).toEqual(withoutIds(demo.items));
    expect(withoutIds(again.refunds)).toEqual(withoutIds(demo.refunds));
    expect(withoutIds(generate({ seed: 8 }, 200).orders)).not.toEqual(withoutIds(generate({}, 200).orders));
  });

  it('leave the customers as they would be without orders', () => {
    const alone = generate({ ordersPerCustomer: 0 }, 300);
    expect(alone.orders).toHaveLength(0);
    expect(withoutIds(generate({}, 300).customers)).toEqual(withoutIds(alone.customers));
  });

  it('come to about the requested number per customer', () => {
    expect(demo.orders.length / demo.customers.length).toBeGreaterThan(DEFAULT_ORDERS_PER_CUSTOMER * 0.9);
    expect(demo.orders.length / demo.customers.length).toBeLessThan(DEFAULT_ORDERS_PER_CUSTOMER * 1.1);
    const fewer = generate({ ordersPerCustomer: 3 }, 2000);
    expect(fewer.orders.length / fewer.customers.length).toBeGreaterThan(2.6);
    expect(fewer.orders.length / fewer.customers.length).toBeLessThan(3.4);
  });

  it('mix customers who never ordered, many one-time buyers, frequent VIPs and lapsed regulars', () => {
    const share = (predicate: (orders: DemoOrderRow[]) => boolean) => demo.customers.filter((c) => predicate(ordersOf.get(c.id) ?? [])).length / demo.customers.length;
    expect(share((orders) => orders.length === 0)).toBeGreaterThan(0.08);
    expect(share((orders) => orders.length === 1)).toBeGreaterThan(0.25);
    // Repeat buyers whose last purchase is 6 to 12 months old.
    const isLapsed = (orders: DemoOrderRow[]) => {
      const purchases = counted(orders);
      const last = Math.max(...purchases.map((o) => Date.parse(o.placed_at)));
      return purchases.length >= 2 && NOW.getTime() - last > 182 * DAY && NOW.getTime() - last < 366 * DAY;
    };
    expect(share(isLapsed)).toBeGreaterThan(0.03);
    const ordersPerCustomer = (group: string | null) => mean(customersIn(group).map((c) => ordersOf.get(c.id)?.length ?? 0));
    expect(ordersPerCustomer('vip-id')).toBeGreaterThan(3 * ordersPerCustomer('retail-id'));
  });

  it('give wholesalers few but large orders: many lines, cases of units, high totals', () => {
    const ordersIn = (group: string | null) => customersIn(group).flatMap((c) => ordersOf.get(c.id) ?? []);
    const trade = ordersIn('wholesaler-id');
    const retail = ordersIn('retail-id');
    const linesOf = new Map<string, number>();
    for (const item of demo.items) linesOf.set(item.order_id, (linesOf.get(item.order_id) ?? 0) + 1);
    expect(mean(trade.map((o) => linesOf.get(o.id)!))).toBeGreaterThan(3 * mean(retail.map((o) => linesOf.get(o.id)!)));
    expect(mean(trade.map((o) => o.item_count))).toBeGreaterThan(50);
    expect(mean(trade.map((o) => o.total))).toBeGreaterThan(20 * mean(retail.map((o) => o.total)));
    expect(Math.max(...trade.map((o) => o.total))).toBeGreaterThan(500_000);
    expect(trade.length / customersIn('wholesaler-id').length).toBeLessThan(ordersIn('vip-id').length / customersIn('vip-id').length);
  });

  it('peak before Christmas: more orders a day in November and December than in September and October', () => {
    const perDay = (from: string, to: string) => demo.orders.filter((o) => o.placed_at >= from && o.placed_at < to).length / ((Date.parse(to) - Date.parse(from)) / DAY);
    expect(perDay('2024-11-01', '2025-01-01')).toBeGreaterThan(1.4 * perDay('2024-09-01', '2024-11-01'));
    expect(perDay('2025-01-01', '2025-02-01')).toBeLessThan(perDay('2024-12-01', '2025-01-01'));
  });

  it('settle as a shop would: mostly completed, a few pending recent ones, some cancelled, refunded or partly refunded', () => {
    const share = (status: string) => demo.orders.filter((o) => o.status === status).length / demo.orders.length;
    expect(share('completed')).toBeGreaterThan(0.85);
    for (const status of ['cancelled', 'refunded', 'partially_refunded']) expect(share(status)).toBeGreaterThan(0.01);
    const pending = demo.orders.filter((o) => o.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(share('pending')).toBeLessThan(0.02);
    // Trade orders take up to a week to complete; nothing older stays pending.
    for (const order of pending) expect(NOW.getTime() - Date.parse(order.placed_at)).toBeLessThanOrEqual(7 * DAY);
  });

  it('add up: lines, subtotal, charges, total, refunds, and times in order up to now', () => {
    const products = new Map(DEMO_PRODUCTS.map((p) => [p.sku, p.name]));
    const group = <T extends { order_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.order_id, [...(map.get(row.order_id) ?? []), row]);
      return map;
    };
    const itemsOf = group(demo.items);
    const refundsOf = group(demo.refunds);
    const createdAt = new Map(demo.customers.map((c) => [c.id, Date.parse(c.created_at)]));
    const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
    // Every broken rule of every order, so that one failure shows them all (and 15,000 orders check quickly).
    const problems: string[] = [];
    const check = (order: DemoOrderRow, rule: string, holds: boolean) => {
      if (!holds) problems.push(`${order.placed_at} ${order.status}: ${rule}`);
    };
    for (const order of demo.orders) {
      const items = itemsOf.get(order.id) ?? [];
      const refunds = refundsOf.get(order.id) ?? [];
      const placed = Date.parse(order.placed_at);
      const later = [order.completed_at, order.cancelled_at, ...refunds.map((r) => r.created_at)].filter((at) => at !== null).map(Date.parse);
      check(order, 'has items, each product once', items.length > 0 && new Set(items.map((i) => i.sku)).size === items.length);
      check(order, 'items are catalogue products', items.every((i) => products.get(i.sku) === i.name));
      check(order, 'line total = unit price × quantity', items.every((i) => i.line_total === i.unit_price * i.quantity));
      check(order, 'in the shop currency', order.currency === 'EUR');
      check(order, 'subtotal = Σ lines', order.subtotal === sum(items.map((i) => i.line_total)));
      check(order, 'item count = Σ quantities', order.item_count === sum(items.map((i) => i.quantity)));
      check(order, 'total = subtotal - discount + tax + shipping', order.total === order.subtotal - order.discount_total + order.tax_total + order.shipping_total);
      check(order, 'discount at most 20%', order.discount_total <= Math.round(order.subtotal * 0.2));
      check(order, 'tax at most 23%', order.tax_total <= Math.round((order.subtotal - order.discount_total) * 0.23));
      check(order, 'shipping at most 75.00', order.shipping_total <= 7_500);
      check(order, 'refunded total = Σ refunds', order.refunded_total === sum(refunds.map((r) => r.amount)));
      check(order, 'refunds only on refunded orders', refunds.length === 0 || order.status.endsWith('refunded'));
      check(order, 'refunded in full', order.status !== 'refunded' || order.refunded_total === order.total);
      check(order, 'partly refunded', order.status !== 'partially_refunded' || (order.refunded_total > 0 && order.refunded_total < order.total));
      check(order, 'completed_at iff completed', (order.completed_at !== null) === ['completed', 'refunded', 'partially_refunded'].includes(order.status));
      check(order, 'cancelled_at iff cancelled', (order.cancelled_at !== null) === (order.status === 'cancelled'));
      check(order, 'placed after sign-up, not in the future', placed >= createdAt.get(order.customer_id)! && placed <= NOW.getTime());
      check(order, 'later steps between placing and now', later.every((at) => at >= placed && at <= NOW.getTime()));
      check(order, 'refunded after completion', refunds.every((r) => r.created_at > order.completed_at!));
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
