import { describe, expect, it } from 'vitest';

import { placeServerErrors } from './order-form-errors';

describe('placeServerErrors', () => {
  it('puts each error of an item line on that line’s field', () => {
    expect(placeServerErrors([{ path: 'items.1.quantity', message: 'Quantity is at least 1' }]).placed).toEqual([
      { name: 'items.1.quantity', message: 'Quantity is at least 1' },
    ]);
  });

  it('orders errors as the fields appear on the page, so the first on the page gets focus', () => {
    const { placed } = placeServerErrors([
      { path: 'shippingTotal', message: 's' },
      { path: 'items', message: 'list' },
      { path: 'items.10.sku', message: 'sku 10' },
      { path: 'items.2.unitPrice', message: 'price 2' },
      { path: 'items.2.name', message: 'name 2' },
      { path: 'discountTotal', message: 'd' },
      { path: 'customerId', message: 'No customer with this id' },
    ]);
    expect(placed.map((error) => error.name)).toEqual(['customerId', 'items.2.name', 'items.2.unitPrice', 'items.10.sku', 'root.items', 'discountTotal', 'shippingTotal']);
  });

  it('leaves errors without a field of their own for the form’s message', () => {
    const { placed, unplaced } = placeServerErrors([
      { path: 'currency', message: 'This shop records orders in GBP' },
      { path: 'items.0.colour', message: 'unknown' },
    ]);
    expect(placed).toEqual([]);
    expect(unplaced.map((error) => error.path)).toEqual(['currency', 'items.0.colour']);
  });
});
