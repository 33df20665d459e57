import { randomUUID } from 'node:crypto';

import type { Faker } from '@faker-js/faker';

import type { OrderStatus } from '@/lib/order-status';

import { cumulative, DAY_MS, isChristmasSeason, orderMoment, weightedIndex } from './demo-order-calendar';
import { demoOrderCharges, type DemoBuyerKind } from './demo-order-pricing';
import { DEMO_PRODUCTS, REFUND_REASONS, TRADE_CASE_SIZES, tradePrice } from './demo-products';

// Rows are shaped as the JSON records that demo-insert-orders.ts reads with json_to_recordset: keys are SQL columns.
export interface DemoOrderRow {
  id: string;
  customer_id: string;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  shipping_total: number;
  total: number;
  refunded_total: number;
  item_count: number;
  placed_at: string;
  completed_at: string | null;
  cancelled_at: string | null;
  created_by_id: string | null;
  updated_at: string;
}

export interface DemoOrderItemRow {
  customer_id: string;
  order_id: string;
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  line_total: number;
}

export interface DemoRefundRow {
  customer_id: string;
  order_id: string;
  amount: number;
  reason: string;
  created_by_id: string | null;
  created_at: string;
}

export interface DemoOrders {
  orders: DemoOrderRow[];
  items: DemoOrderItemRow[];
  refunds: DemoRefundRow[];
}

/** Who is buying: enough of a customer to give them a plausible history. */
export interface DemoBuyer {
  id: string;
  kind: DemoBuyerKind;
  createdMs: number;
  countryCode: string;
}

export interface DemoOrderContext {
  now: Date;
  /** The shop currency: every order is in it, as createOrder insists. */
  currency: string;
  /** Average orders per customer over the whole run; the mix of buyers stays the same at any value. */
  ordersPerCustomer: number;
  /** Staff who may have entered orders or refunded them, in a stable order. */
  staffIds: string[];
}

/** About 15,000 orders for the 2,000 demo customers. */
export const DEFAULT_ORDERS_PER_CUSTOMER = 7.5;

const YEAR_MS = 365 * DAY_MS;
// Measured on this mix, with customers created as demo-generator.ts creates them (skewed towards recent sign-ups):
// orders per customer ≈ FIXED_ORDERS (one-time buyers, minimum counts) + ORDERS_PER_RATE × the factor applied to every
// buyer's ordering rate. Solving that for the requested average keeps the total on target at any ordersPerCustomer.
const FIXED_ORDERS = 0.7;
const ORDERS_PER_RATE = 3.9;
const RETAIL_LINES = cumulative([45, 28, 15, 8, 4]);
const VIP_LINES = cumulative([25, 27, 20, 14, 8, 6]);
const RETAIL_QUANTITIES = cumulative([80, 14, 4, 2]);
const CASE_SIZES = cumulative(TRADE_CASE_SIZES.map((size) => size.weight));
const IN_SEASON = cumulative(DEMO_PRODUCTS.map((product) => product.weight));
const OFF_SEASON = cumulative(DEMO_PRODUCTS.map((product) => (product.isChristmas ? 0 : product.weight)));

/**
 * Appends a buyer's whole order history to `out`: how many orders (none, one, a few, many) and when follows the kind
 * of customer; each order gets items, charges and a status as of `context.now`. Same rng state, same history.
 */
export function addDemoOrders(out: DemoOrders, rng: Faker, buyer: DemoBuyer, context: DemoOrderContext): void {
  const nowMs = context.now.getTime();
  const plan = orderPlan(rng, buyer, nowMs, Math.max(0, (context.ordersPerCustomer - FIXED_ORDERS) / ORDERS_PER_RATE));
  const moments: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    // Most buyers sign up at their first order; the rest of their orders fall across their active years.
    const isSignUpOrder = i === 0 && plan.firstAtSignUp;
    moments.push(isSignUpOrder ? buyer.createdMs + Math.floor(rng.number.float() ** 3 * 2 * 3_600_000) : orderMoment(rng, buyer.createdMs, plan.endMs));
  }
  moments.sort((a, b) => a - b);
  for (const placedMs of moments) addDemoOrder(out, rng, buyer, context, Math.min(placedMs, nowMs));
}

interface OrderPlan {
  count: number;
  /** Orders fall between the sign-up and this moment: now, or 6 to 12 months ago for a lapsed customer. */
  endMs: number;
  firstAtSignUp: boolean;
}

function orderPlan(rng: Faker, buyer: DemoBuyer, nowMs: number, scale: number): OrderPlan {
  const [segment, rate, lapse, lapsedFor, atSignUp] = [rng.number.float(), rng.number.float(), rng.number.float(), rng.number.float(), rng.number.float()];
  const lapsedEnd = nowMs - Math.floor((183 + 182 * lapsedFor) * DAY_MS);
  const canLapse = lapsedEnd - buyer.createdMs > 60 * DAY_MS;
  let ordersPerYear: number;
  let minimum: number;
  let lapseShare: number;
  if (buyer.kind === 'wholesaler') {
    // Few, large orders: a trade account reorders every month or two; some opened an account and never ordered.
    if (segment < 0.08) return { count: 0, endMs: nowMs, firstAtSignUp: false };
    [ordersPerYear, minimum, lapseShare] = [4 + 10 * rate, 1, 0.15];
  } else if (buyer.kind === 'vip') {
    [ordersPerYear, minimum, lapseShare] = [16 + 24 * rate, 3, 0.04];
  } else {
    if (segment < 0.14) return { count: 0, endMs: nowMs, firstAtSignUp: false };
    if (segment < 0.52) return { count: 1, endMs: nowMs, firstAtSignUp: atSignUp < 0.8 };
    // Repeat shoppers: most a few times a year, a long tail of devoted ones.
    [ordersPerYear, minimum, lapseShare] = [Math.min(40, 3 * (1 - rate) ** -0.9), 2, 0.3];
  }
  const endMs = canLapse && lapse < lapseShare ? lapsedEnd : nowMs;
  const expected = ordersPerYear * scale * ((endMs - buyer.createdMs) / YEAR_MS);
  const count = Math.max(minimum, Math.floor(expected + rng.number.float()));
  return { count, endMs, firstAtSignUp: atSignUp < 0.65 };
}

/** Appends one order placed at `placedMs`, with items, charges and its status as of `context.now`. */
export function addDemoOrder(out: DemoOrders, rng: Faker, buyer: DemoBuyer, context: DemoOrderContext, placedMs: number): void {
  const orderId = randomUUID();
  const isTrade = buyer.kind === 'wholesaler';
  const inSeason = isChristmasSeason(placedMs);
  const lineCount = isTrade
    ? 4 + Math.floor(rng.number.float() ** 1.4 * 19)
    : weightedIndex(rng, buyer.kind === 'vip' ? VIP_LINES : RETAIL_LINES) + 1 + (inSeason && rng.number.float() < 0.35 ? 1 : 0);
  const picked = new Set<number>();
  let subtotal = 0;
  let itemCount = 0;
  const firstItem = out.items.length;
  for (let line = 0; line < lineCount; line++) {
    let index = weightedIndex(rng, inSeason ? IN_SEASON : OFF_SEASON);
    // Each product once per order: on a repeat, take the next one along; if that is a Christmas line out of season,
    // the order is a line shorter.
    for (let step = 0; picked.has(index) && step < DEMO_PRODUCTS.length; step++) index = (index + 1) % DEMO_PRODUCTS.length;
    if (picked.has(index) || (!inSeason && DEMO_PRODUCTS[index].isChristmas)) continue;
    picked.add(index);
    const product = DEMO_PRODUCTS[index];
    const quantity = isTrade ? TRADE_CASE_SIZES[weightedIndex(rng, CASE_SIZES)].value : weightedIndex(rng, RETAIL_QUANTITIES) + 1;
    const unitPrice = isTrade ? tradePrice(product) : product.price;
    out.items.push({ customer_id: buyer.id, order_id: orderId, sku: product.sku, name: product.name, quantity, unit_price: unitPrice, line_total: unitPrice * quantity });
    subtotal += unitPrice * quantity;
    itemCount += quantity;
  }
  const charges = demoOrderCharges(rng, buyer.kind, buyer.countryCode, subtotal, placedMs);
  const total = subtotal - charges.discountTotal + charges.taxTotal + charges.shippingTotal;
  const order: DemoOrderRow = {
    id: orderId,
    customer_id: buyer.id,
    status: 'pending',
    currency: context.currency,
    subtotal,
    discount_total: charges.discountTotal,
    tax_total: charges.taxTotal,
    shipping_total: charges.shippingTotal,
    total,
    refunded_total: 0,
    item_count: itemCount,
    placed_at: iso(placedMs),
    completed_at: null,
    cancelled_at: null,
    created_by_id: null,
    updated_at: iso(placedMs),
  };
  settle(out, rng, order, out.items.slice(firstItem), isTrade, context);
  out.orders.push(order);
}

// Where the order stands now: completed once paid and packed (hours for shoppers, days for trade), pending until then,
// a few cancelled, and some of the completed ones refunded in full or in part weeks later.
function settle(out: DemoOrders, rng: Faker, order: DemoOrderRow, items: DemoOrderItemRow[], isTrade: boolean, context: DemoOrderContext): void {
  const [fate, delay, refundAfter, share, staffPick, reasonPick, enteredByStaff] = [
    rng.number.float(), rng.number.float(), rng.number.float(), rng.number.float(), rng.number.int(1_000_000), rng.number.int(1_000_000), rng.number.float(),
  ];
  const nowMs = context.now.getTime();
  const placedMs = Date.parse(order.placed_at);
  const staff = (pick: number) => (context.staffIds.length ? context.staffIds[pick % context.staffIds.length] : null);
  // Trade orders often come in by phone or email and are entered by staff.
  if (enteredByStaff < (isTrade ? 0.35 : 0.03)) order.created_by_id = staff(staffPick);

  const completionDelay = isTrade ? DAY_MS * (1 + 6 * delay ** 1.5) : delay < 0.85 ? 1_800_000 + (delay / 0.85) * 11.5 * 3_600_000 : DAY_MS * (1 + ((delay - 0.85) / 0.15) * 2);
  if (fate < 0.03) {
    const cancelledMs = placedMs + Math.floor(completionDelay / 2);
    if (cancelledMs > nowMs) return;
    order.status = 'cancelled';
    order.cancelled_at = order.updated_at = iso(cancelledMs);
    return;
  }
  const completedMs = placedMs + Math.floor(completionDelay);
  if (completedMs > nowMs) return; // still pending: placed in the last few days
  order.status = 'completed';
  order.completed_at = order.updated_at = iso(completedMs);

  const isFullRefund = fate < 0.055;
  const isPartialRefund = !isFullRefund && fate < 0.09;
  const refundedMs = completedMs + Math.floor((2 + 28 * refundAfter) * DAY_MS);
  if ((!isFullRefund && !isPartialRefund) || refundedMs > nowMs || order.total < 2) return;
  const amount = isFullRefund ? order.total : partialRefund(order, items, share, reasonPick);
  order.status = isFullRefund ? 'refunded' : 'partially_refunded';
  order.refunded_total = amount;
  order.updated_at = iso(refundedMs);
  const reasons = isFullRefund ? REFUND_REASONS.full : REFUND_REASONS.partial;
  out.refunds.push({
    customer_id: order.customer_id,
    order_id: order.id,
    amount,
    reason: reasons[reasonPick % reasons.length],
    created_by_id: staff(staffPick >> 3),
    created_at: iso(refundedMs),
  });
}

// One line's share of what was paid (a returned item), or 10-30% as a goodwill gesture; always less than the total.
function partialRefund(order: DemoOrderRow, items: DemoOrderItemRow[], share: number, pick: number): number {
  const paidPerUnitOfPrice = order.total / order.subtotal;
  const line = items[pick % items.length];
  const amount = items.length > 1 ? line.line_total * paidPerUnitOfPrice : line.quantity > 1 ? line.unit_price * paidPerUnitOfPrice : order.total * (0.1 + 0.2 * share);
  return Math.min(order.total - 1, Math.max(1, Math.round(amount)));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
