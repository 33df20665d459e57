import { describe, expect, it } from 'vitest';

import { splitServerErrors } from '@/components/forms/server-errors';

import { placeOrderError } from './order-form-errors';

const place = (...fieldErrors: { path: string; message: string }[]) => splitServerErrors({ message: 'Some fields need attention', fieldErrors }, placeOrderError);

describe('placeOrderError', () => {
  it('puts each error of an item line on that line’s field', () => {
    expect(place({ path: 'items.1.quantity', message: 'Quantity is at least 1' }).placed).toEqual([{ name: 'items.1.quantity', message: 'Quantity is at least 1' }]);
  });

  it('orders errors as the fields appear on the page, so the first on the page gets focus', () => {
    const { placed } = place(
      { path: 'shippingTotal', message: 's' },
      { path: 'items', message: 'list' },
      { path: 'items.10.sku', message: 'sku 10' },
      { path: 'items.2.unitPrice', message: 'price 2' },
      { path: 'items.2.name', message: 'name 2' },
      { path: 'discountTotal', message: 'd' },
      { path: 'customerId', message: 'No customer with this id' },
    );
    expect(placed.map((error) => error.name)).toEqual(['customerId', 'items.2.name', 'items.2.unitPrice', 'items.10.sku', 'root.items', 'discountTotal', 'shippingTotal']);
  });

  it('leaves errors without a field of their own for the form’s message', () => {
    const { placed, formMessage } = place({ path: 'currency', message: 'This shop records orders in GBP.' }, { path: 'items.0.colour', message: 'Unknown field.' });
    expect(placed).toEqual([]);
    expect(formMessage).toBe('This shop records orders in GBP. Unknown field.');
  });
});
