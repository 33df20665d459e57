import { z } from 'zod';

import { minorToMajorString, parseMajorToMinor } from '@/lib/format';
import { discountCodeSchema } from '@/lib/validation/discount';
import { orderCreateSchema, orderItemSchema, type OrderCreateInput } from '@/lib/validation/order';

/** One item line as typed: amounts in major units ("12.50"), quantity as text. */
export interface OrderItemFormValues {
  sku: string;
  name: string;
  quantity: string;
  unitPrice: string;
}

/** The order form's own shape: text boxes hold strings; `orderFormSchema` turns them into the create input. */
export interface OrderFormValues {
  customerId: string;
  // The id of one of the customer's addresses, or '' for none.
  shippingAddressId: string;
  billingAddressId: string;
  items: OrderItemFormValues[];
  // A code the customer gave; the service checks it (group, dates, limits, minimum) and sets the discount from it.
  discountCode: string;
  discountTotal: string;
  taxTotal: string;
  shippingTotal: string;
}

export const EMPTY_ITEM: OrderItemFormValues = { sku: '', name: '', quantity: '1', unitPrice: '' };

/** "12.50" for GBP, "1250" for JPY: how an amount is typed in this currency. */
export function amountExample(currency: string): string {
  return minorToMajorString(1250, currency);
}

/** Major-unit text → integer minor units, parsed digit by digit (never `parseFloat(x) * 100`, which turns 19.99 into 1998.9999…). */
export function majorAmount(currency: string, { required, label }: { required: boolean; label: string }) {
  return z.string().transform((text, ctx) => {
    const minor = parseMajorToMinor(text, currency);
    if (minor === null) {
      if (!required) return 0;
      ctx.addIssue({ code: 'custom', message: `Enter ${label}` });
      return z.NEVER;
    }
    if (Number.isNaN(minor)) {
      const message = text.trim().startsWith('-') ? 'Amount cannot be negative' : `Enter an amount like ${amountExample(currency)}`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return minor;
  });
}

const quantityText = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    const message = trimmed === '' ? 'Enter a quantity' : /^-\s*\d/.test(trimmed) ? 'Quantity cannot be negative' : 'Quantity is a whole number';
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return Number(trimmed);
});

/**
 * The order form's schema for `currency`. Every field is checked by the shared rules of `orderCreateSchema`
 * (piped after the text is turned into numbers), and the whole order is piped through it last, so the form
 * produces exactly the input the server action and the service accept, with errors on the same paths.
 */
export function orderFormSchema(currency: string) {
  const { shape } = orderCreateSchema;
  const item = z.object({
    sku: orderItemSchema.shape.sku,
    name: orderItemSchema.shape.name,
    quantity: quantityText.pipe(orderItemSchema.shape.quantity),
    unitPrice: majorAmount(currency, { required: true, label: 'a unit price' }).pipe(orderItemSchema.shape.unitPrice),
  });
  return z
    .object({
      customerId: z.string().min(1, 'Choose a customer').pipe(shape.customerId),
      shippingAddressId: shape.shippingAddressId,
      billingAddressId: shape.billingAddressId,
      items: z.array(item).pipe(shape.items),
      discountCode: z
        .string()
        .transform((code) => code.trim() || null)
        .pipe(discountCodeSchema.nullable()),
      discountTotal: majorAmount(currency, { required: false, label: 'a discount' }).pipe(shape.discountTotal.unwrap()),
      taxTotal: majorAmount(currency, { required: false, label: 'the tax' }).pipe(shape.taxTotal.unwrap()),
      shippingTotal: majorAmount(currency, { required: false, label: 'the shipping' }).pipe(shape.shippingTotal.unwrap()),
    })
    .transform((order): OrderCreateInput => ({ ...order, currency }))
    .pipe(orderCreateSchema);
}

export type OrderFormOutput = z.output<ReturnType<typeof orderFormSchema>>;

/** What the preview shows while typing: lines that do not parse yet count as zero. All integer minor units. */
export function previewTotals(values: Pick<OrderFormValues, 'items' | 'discountTotal' | 'taxTotal' | 'shippingTotal'>, currency: string) {
  const amount = (text: string | undefined) => {
    const minor = parseMajorToMinor(text ?? '', currency);
    return minor === null || Number.isNaN(minor) ? 0 : minor;
  };
  const quantity = (text: string | undefined) => (/^\d+$/.test((text ?? '').trim()) ? Number(text) : 0);
  const lineTotals = (values.items ?? []).map((line) => quantity(line?.quantity) * amount(line?.unitPrice));
  const subtotal = lineTotals.reduce((sum, line) => sum + line, 0);
  const discount = amount(values.discountTotal);
  const tax = amount(values.taxTotal);
  const shipping = amount(values.shippingTotal);
  return { lineTotals, subtotal, discount, tax, shipping, total: subtotal - discount + tax + shipping };
}
