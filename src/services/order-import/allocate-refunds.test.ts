import { describe, expect, it } from 'vitest';

import { allocateRefunds, type Cancellation, type CancellationLine, type RefundableLine, type RefundableOrder } from './allocate-refunds';

const at = (day: number) => Date.UTC(2011, 0, day);
const order = (orderId: string, day: number, newest: number, remaining = 1_000_000, customerId = 'c1'): RefundableOrder => ({ orderId, customerId, placedAt: at(day), remaining, newest });
/** A line `orderId/sku` of `quantity` at `unitPrice`, nothing of it returned yet. */
const line = (orderId: string, sku: string, quantity: number, unitPrice: number, position = 0): RefundableLine => ({
  orderItemId: `${orderId}/${sku}@${unitPrice}`,
  orderId,
  sku,
  unitPrice,
  position,
  remainingQuantity: quantity,
  remainingAmount: quantity * unitPrice,
});
const cancel = (invoiceNo: string, day: number, lines: CancellationLine[], customerId = 'c1'): Cancellation => ({ invoiceNo, customerId, placedAt: at(day), lines });
const back = (sku: string, quantity: number, unitPrice: number): CancellationLine => ({ sku, quantity, unitPrice });

describe('allocateRefunds', () => {
  it('refunds the order that bought the product, not the newest order', () => {
    // 14298's case: C580971 returns mug warmers bought on 571653, not anything of the newer 580055.
    const orders = [order('571653', 1, 2), order('580055', 3, 1)];
    const lines = [line('571653', '22313', 255, 255), line('580055', '21928', 20, 179)];
    const result = allocateRefunds([cancel('C580971', 5, [back('22313', 250, 255)])], orders, lines);
    expect(result.allocations).toEqual([
      { invoiceNo: 'C580971', customerId: 'c1', orderId: '571653', amount: 63_750, items: [{ orderItemId: '571653/22313@255', quantity: 250, amount: 63_750 }] },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('takes the newest earlier line of the product first, never one bought after the cancellation', () => {
    const orders = [order('jan1', 1, 3), order('jan2', 2, 2), order('jan9', 9, 1)];
    const lines = [line('jan1', 'A', 10, 100), line('jan2', 'A', 10, 100), line('jan9', 'A', 10, 100)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 4, 100)])], orders, lines);
    expect(result.allocations.map((a) => [a.orderId, a.items[0].quantity])).toEqual([['jan2', 4]]);
  });

  it('prefers an earlier line at the same unit price to a newer one at another price', () => {
    const orders = [order('old', 1, 2), order('new', 2, 1)];
    const lines = [line('old', 'A', 10, 150), line('new', 'A', 10, 125)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 3, 150)])], orders, lines);
    expect(result.allocations).toEqual([{ invoiceNo: 'C1', customerId: 'c1', orderId: 'old', amount: 450, items: [{ orderItemId: 'old/A@150', quantity: 3, amount: 450 }] }]);
  });

  it('falls back to lines at another price once the same-price ones are used up, at the price credited', () => {
    const orders = [order('old', 1, 2), order('new', 2, 1)];
    const lines = [line('old', 'A', 2, 150), line('new', 'A', 10, 160)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 5, 150)])], orders, lines);
    expect(result.allocations).toEqual([
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'old', amount: 300, items: [{ orderItemId: 'old/A@150', quantity: 2, amount: 300 }] },
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'new', amount: 450, items: [{ orderItemId: 'new/A@160', quantity: 3, amount: 450 }] },
    ]);
  });

  it('splits a line across invoices, each up to the quantity bought there, and one refund per order sums its lines', () => {
    const orders = [order('a', 1, 3), order('b', 2, 2), order('c', 3, 1)];
    const lines = [line('a', 'A', 10, 100), line('b', 'A', 3, 100), line('b', 'B', 5, 200, 1), line('c', 'A', 2, 100)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 8, 100), back('B', 1, 200)])], orders, lines);
    expect(result.allocations).toEqual([
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'c', amount: 200, items: [{ orderItemId: 'c/A@100', quantity: 2, amount: 200 }] },
      {
        invoiceNo: 'C1',
        customerId: 'c1',
        orderId: 'b',
        amount: 500,
        items: [
          { orderItemId: 'b/A@100', quantity: 3, amount: 300 },
          { orderItemId: 'b/B@200', quantity: 1, amount: 200 },
        ],
      },
      { invoiceNo: 'C1', customerId: 'c1', orderId: 'a', amount: 300, items: [{ orderItemId: 'a/A@100', quantity: 3, amount: 300 }] },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('reports as unmatched what no earlier purchase of the product covers, never refunding other products', () => {
    const orders = [order('a', 1, 1)];
    const lines = [line('a', 'A', 2, 100), line('a', 'OTHER', 50, 100)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 5, 100), back('NEVER', 1, 999)])], orders, lines);
    expect(result.allocations).toEqual([{ invoiceNo: 'C1', customerId: 'c1', orderId: 'a', amount: 200, items: [{ orderItemId: 'a/A@100', quantity: 2, amount: 200 }] }]);
    expect(result.unmatched).toEqual([
      { invoiceNo: 'C1', sku: 'A', quantity: 3, amount: 300 },
      { invoiceNo: 'C1', sku: 'NEVER', quantity: 1, amount: 999 },
    ]);
  });

  it('takes cancellations in time order, so an earlier one uses a line up first, and leaves the caller’s rows alone', () => {
    const lines = [line('a', 'A', 10, 100)];
    const result = allocateRefunds([cancel('C-late', 4, [back('A', 7, 100)]), cancel('C-early', 3, [back('A', 6, 100)])], [order('a', 1, 1)], lines);
    expect(result.allocations.map((a) => [a.invoiceNo, a.items[0].quantity])).toEqual([
      ['C-early', 6],
      ['C-late', 4],
    ]);
    expect(result.unmatched).toEqual([{ invoiceNo: 'C-late', sku: 'A', quantity: 3, amount: 300 }]);
    expect(lines[0].remainingQuantity).toBe(10);
  });

  it('counts what earlier refunds returned of a line, and caps a piece at what remains of the line and the order', () => {
    // 8 of 10 came back before; a dashboard refund left only £1.50 of order b.
    const lines = [{ ...line('a', 'A', 10, 100), remainingQuantity: 2, remainingAmount: 200 }, line('b', 'B', 5, 100)];
    const orders = [order('a', 1, 2), order('b', 2, 1, 150)];
    const result = allocateRefunds([cancel('C1', 5, [back('A', 3, 100), back('B', 2, 100)])], orders, lines);
    expect(result.allocations.map((a) => [a.orderId, a.amount, a.items])).toEqual([
      ['a', 200, [{ orderItemId: 'a/A@100', quantity: 2, amount: 200 }]],
      ['b', 150, [{ orderItemId: 'b/B@100', quantity: 2, amount: 150 }]],
    ]);
    expect(result.unmatched).toEqual([
      { invoiceNo: 'C1', sku: 'A', quantity: 1, amount: 100 },
      { invoiceNo: 'C1', sku: 'B', quantity: 0, amount: 50 },
    ]);
  });

  it("never touches another customer's lines of the product", () => {
    const result = allocateRefunds([cancel('C2', 9, [back('A', 1, 250)], 'c2')], [order('other', 1, 1, 1_000, 'c1')], [line('other', 'A', 5, 250)]);
    expect(result).toEqual({ allocations: [], unmatched: [{ invoiceNo: 'C2', sku: 'A', quantity: 1, amount: 250 }] });
  });

  it('tells orders of the same minute apart by their rank, and lines of one order by their position', () => {
    const orders = [order('first', 1, 2), order('second', 1, 1)];
    const lines = [line('first', 'A', 5, 100), { ...line('second', 'A', 5, 100, 2), orderItemId: 'second/late' }, { ...line('second', 'A', 1, 100, 1), orderItemId: 'second/early' }];
    const result = allocateRefunds([cancel('C3', 1, [back('A', 3, 100)])], orders, lines);
    expect(result.allocations).toEqual([
      {
        invoiceNo: 'C3',
        customerId: 'c1',
        orderId: 'second',
        amount: 300,
        items: [
          { orderItemId: 'second/early', quantity: 1, amount: 100 },
          { orderItemId: 'second/late', quantity: 2, amount: 200 },
        ],
      },
    ]);
  });
});
