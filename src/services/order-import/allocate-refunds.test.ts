import { describe, expect, it } from 'vitest';

import { allocateRefunds, type RefundableOrder } from './allocate-refunds';

const at = (day: number) => Date.UTC(2011, 0, day);
const order = (orderId: string, day: number, remaining: number, newest: number, customerId = 'c1'): RefundableOrder => ({ orderId, customerId, placedAt: at(day), remaining, newest });

describe('allocateRefunds', () => {
  it("refunds the customer's newest earlier orders first, each up to what remains of it", () => {
    const orders = [order('jan1', 1, 1000, 3), order('jan2', 2, 300, 2), order('jan9', 9, 5000, 1)];
    const result = allocateRefunds([{ invoiceNo: 'C1', customerId: 'c1', placedAt: at(5), amount: 800 }], orders);
    // jan9 was placed after the cancellation, so it cannot be what came back.
    expect(result.allocations).toEqual([
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'jan2', amount: 300 },
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'jan1', amount: 500 },
    ]);
    expect(result.unallocated).toEqual([]);
  });

  it('takes cancellations in time order, so an earlier one uses an order up first', () => {
    const orders = [order('a', 1, 1000, 1)];
    const result = allocateRefunds(
      [
        { invoiceNo: 'C-late', customerId: 'c1', placedAt: at(4), amount: 700 },
        { invoiceNo: 'C-early', customerId: 'c1', placedAt: at(3), amount: 600 },
      ],
      orders,
    );
    expect(result.allocations).toEqual([
      { invoiceNo: 'C-early', customerId: 'c1', orderId: 'a', amount: 600 },
      { invoiceNo: 'C-late', customerId: 'c1', orderId: 'a', amount: 400 },
    ]);
    expect(result.unallocated).toEqual([{ invoiceNo: 'C-late', amount: 300 }]);
    // The caller's rows are not changed.
    expect(orders[0].remaining).toBe(1000);
  });

  it("never touches another customer's orders and reports what no order can take", () => {
    const result = allocateRefunds([{ invoiceNo: 'C2', customerId: 'c2', placedAt: at(9), amount: 250 }], [order('other', 1, 1000, 1, 'c1')]);
    expect(result).toEqual({ allocations: [], unallocated: [{ invoiceNo: 'C2', amount: 250 }] });
  });

  it('tells orders of the same minute apart by their rank', () => {
    const result = allocateRefunds([{ invoiceNo: 'C3', customerId: 'c1', placedAt: at(1), amount: 100 }], [order('first', 1, 500, 2), order('second', 1, 500, 1)]);
    expect(result.allocations).toEqual([{ invoiceNo: 'C3', customerId: 'c1', orderId: 'second', amount: 100 }]);
  });
});
