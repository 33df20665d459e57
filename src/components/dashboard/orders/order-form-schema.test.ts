import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { orderFormSchema, previewTotals, type OrderFormValues } from './order-form-schema';

const CUSTOMER_ID = '0b7c2f1e-4d5a-4c3b-9a8e-1f2d3c4b5a69';

function values(overrides: Partial<OrderFormValues> = {}): OrderFormValues {
  return {
    customerId: CUSTOMER_ID,
    shippingAddressId: '',
    billingAddressId: '',
    items: [{ sku: 'MUG-1', name: 'Mug', quantity: '3', unitPrice: '19.99' }],
    discountCode: '',
    discountTotal: '',
    taxTotal: '',
    shippingTotal: '',
    ...overrides,
  };
}

/** The form's errors as `path → message`, the way react-hook-form will place them. */
function errorsOf(input: OrderFormValues, currency = 'GBP'): Record<string, string> {
  const result = orderFormSchema(currency).safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('orderFormSchema', () => {
  it('sends the chosen address ids, and "No address" as null so that no default is copied', () => {
    const chosen = orderFormSchema('GBP').parse(values({ shippingAddressId: CUSTOMER_ID, billingAddressId: '' }));
    expect([chosen.shippingAddressId, chosen.billingAddressId]).toEqual([CUSTOMER_ID, null]);
  });

  it('turns prices typed in pounds into exact pence (19.99 × 3 is 5997, not 5996.999…)', () => {
    const order = orderFormSchema('GBP').parse(values({ shippingTotal: '4.95', taxTotal: '0.10', discountTotal: '.5' }));
    expect(order.items).toEqual([{ sku: 'MUG-1', name: 'Mug', quantity: 3, unitPrice: 1999 }]);
    expect([order.discountTotal, order.taxTotal, order.shippingTotal]).toEqual([50, 10, 495]);
    expect(order.currency).toBe('GBP');
  });

  it('reads every amount with up to two decimals as the exact integer of pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (pounds, pence) => {
        const text = `${pounds}.${String(pence).padStart(2, '0')}`;
        const order = orderFormSchema('GBP').parse(values({ items: [{ sku: 'A', name: 'A', quantity: '1', unitPrice: text }] }));
        expect(order.items[0].unitPrice).toBe(pounds * 100 + pence);
      }),
    );
  });

  it('uses the currency’s own minor units (yen have none)', () => {
    expect(orderFormSchema('JPY').parse(values({ items: [{ sku: 'A', name: 'A', quantity: '2', unitPrice: '1250' }] })).items[0].unitPrice).toBe(1250);
    expect(errorsOf(values({ items: [{ sku: 'A', name: 'A', quantity: '2', unitPrice: '12.50' }] }), 'JPY')).toEqual({ 'items.0.unitPrice': 'Enter an amount like 1250' });
  });

  it('names each bad field of each line at once, on the path the server uses too', () => {
    const errors = errorsOf(
      values({
        customerId: '',
        items: [
          { sku: '', name: 'Mug', quantity: '1', unitPrice: '2' },
          { sku: 'B', name: '', quantity: '1.5', unitPrice: '12.345' },
          { sku: 'C', name: 'Cup', quantity: '0', unitPrice: '-1' },
          { sku: 'D', name: 'Dish', quantity: '-2', unitPrice: '1' },
        ],
        shippingTotal: 'free',
      }),
    );
    expect(errors).toEqual({
      customerId: 'Choose a customer',
      'items.0.sku': 'SKU is required',
      'items.1.name': 'Item name is required',
      'items.1.quantity': 'Quantity is a whole number',
      'items.1.unitPrice': 'Enter an amount like 12.50',
      'items.2.quantity': 'Quantity is at least 1',
      'items.2.unitPrice': 'Amount cannot be negative',
      'items.3.quantity': 'Quantity cannot be negative',
      shippingTotal: 'Enter an amount like 12.50',
    });
  });

  it('takes a discount code in capitals, a blank one as none, and refuses one beside a discount amount', () => {
    expect(orderFormSchema('GBP').parse(values({ discountCode: ' summer-10 ' })).discountCode).toBe('SUMMER-10');
    expect(orderFormSchema('GBP').parse(values({ discountCode: '  ' })).discountCode).toBeNull();
    expect(errorsOf(values({ discountCode: 'TEN OFF' }))).toEqual({ discountCode: 'Use letters A–Z, digits, "-" and "_" only' });
    expect(errorsOf(values({ discountCode: 'SAVE', discountTotal: '1.00' }))).toEqual({ discountTotal: 'Give a discount code or a discount amount, not both' });
  });

  it('asks for a unit price but lets discount, tax and shipping stay blank (zero)', () => {
    expect(errorsOf(values({ items: [{ sku: 'A', name: 'A', quantity: '1', unitPrice: ' ' }] }))).toEqual({ 'items.0.unitPrice': 'Enter a unit price' });
    const order = orderFormSchema('GBP').parse(values());
    expect([order.discountTotal, order.taxTotal, order.shippingTotal]).toEqual([0, 0, 0]);
  });

  it('applies the shared order rules: at least one item, a discount no larger than the subtotal', () => {
    expect(errorsOf(values({ items: [] }))).toEqual({ items: 'Add at least one item' });
    expect(errorsOf(values({ discountTotal: '59.98' }))).toEqual({ discountTotal: 'The discount cannot exceed the items subtotal' });
    expect(errorsOf(values({ discountTotal: '59.97' }))).toEqual({});
  });
});

describe('previewTotals', () => {
  it('adds lines, takes off the discount and adds tax and shipping, in integer pence', () => {
    const totals = previewTotals(
      values({
        items: [
          { sku: 'A', name: 'A', quantity: '3', unitPrice: '19.99' },
          { sku: 'B', name: 'B', quantity: '1', unitPrice: '0.10' },
        ],
        discountTotal: '5',
        taxTotal: '11.01',
        shippingTotal: '4.95',
      }),
      'GBP',
    );
    expect(totals).toEqual({ lineTotals: [5997, 10], subtotal: 6007, discount: 500, tax: 1101, shipping: 495, total: 7103 });
  });

  it('counts lines that are still being typed as zero rather than failing', () => {
    const totals = previewTotals(values({ items: [{ sku: '', name: '', quantity: '', unitPrice: '12.' }, { sku: '', name: '', quantity: '2', unitPrice: 'abc' }] }), 'GBP');
    expect(totals.lineTotals).toEqual([0, 0]);
    expect(totals.total).toBe(0);
  });
});
