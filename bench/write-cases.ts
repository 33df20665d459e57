// The write cases: one service call per iteration, each on a row of its own (a customer, an order) so that no call
// finds the work already done, and the floor's statement on as many other rows of the same kind.
import { sql } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import type { Actor } from '@/lib/types';
import { DEMO_PRODUCTS } from '@/seed/demo-products';
import { updateCustomer } from '@/services/customers';
import { createOrder, refundOrder } from '@/services/orders';

import type { BenchCase } from './cases';
import { rowsOf } from './database';
import { WARM_UP_RUNS } from './measure';
import { createOrderFloor, refundOrderFloor, updateCustomerFloor, type BenchLine } from './write-floors';

export const BENCH_ACTOR: Actor = { type: 'system', id: null, role: 'owner', name: 'bench' };
const SHIPPING = 395;
const REFUND = 100;

const lines = (i: number): BenchLine[] =>
  [0, 1].map((k) => {
    const product = DEMO_PRODUCTS[(i + k) % DEMO_PRODUCTS.length];
    return { sku: product.sku, name: product.name, quantity: 1 + ((i + k) % 3), unitPrice: product.price };
  });

/** Splits `rows` into the case's and the floor's, `each` apiece. */
function halves<T>(rows: T[], each: number): [T[], T[]] {
  if (rows.length < 2 * each) throw new Error(`The write cases need ${2 * each} rows, found ${rows.length}`);
  return [rows.slice(0, each), rows.slice(each, 2 * each)];
}

/** updateCustomer, createOrder and refundOrder, each `iterations` times (and the warm-up) on fresh rows. */
export async function buildWriteCases(handle: DatabaseHandle, iterations: number): Promise<BenchCase[]> {
  const each = iterations + WARM_UP_RUNS;
  // A stamp keeps every run's notes new, so each update changes something and writes its event.
  const stamp = Date.now().toString(36);
  const customers = (await rowsOf<{ id: string }>(handle, sql`select id from customers where erased_at is null and email is not null order by random() limit ${4 * each}`)).map((r) => r.id);
  const [updateIds, updateFloorIds] = halves(customers.slice(0, 2 * each), each);
  const [orderIds, orderFloorIds] = halves(customers.slice(2 * each), each);
  const refundable = (
    await rowsOf<{ id: string }>(
      handle,
      sql`select id from orders where status = 'completed' and total - refunded_total > ${REFUND} order by random() limit ${2 * each}`,
    )
  ).map((r) => r.id);
  const [refundIds, refundFloorIds] = halves(refundable, each);
  const note = (i: number) => `Bench update ${stamp} ${i}`;
  return [
    {
      name: 'updateCustomer (notes)',
      run: async (i) => {
        await updateCustomer({ actor: BENCH_ACTOR, id: updateIds[i], input: { notes: note(i) } });
        return 1;
      },
      floors: [(i) => updateCustomerFloor(handle, updateFloorIds[i], note(i))],
    },
    {
      name: 'createOrder (2 lines)',
      run: async (i) => (await createOrder({ actor: BENCH_ACTOR, input: { customerId: orderIds[i], items: lines(i), shippingTotal: SHIPPING } })).items.length,
      floors: [(i) => createOrderFloor(handle, orderFloorIds[i], lines(i), SHIPPING)],
    },
    {
      name: `refundOrder (${REFUND} minor units)`,
      run: async (i) => {
        await refundOrder({ actor: BENCH_ACTOR, id: refundIds[i], input: { amount: REFUND, reason: 'Bench refund' } });
        return 1;
      },
      floors: [(i) => refundOrderFloor(handle, refundFloorIds[i], REFUND, 'Bench refund')],
    },
  ];
}
