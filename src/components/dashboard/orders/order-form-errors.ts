import type { ErrorPlace } from '@/components/forms/server-errors';

import type { OrderFormValues } from './order-form-schema';

/** Where react-hook-form shows a server error: a field, or the item list as a whole. */
export type OrderFormErrorTarget = `customerId` | `items.${number}.${'sku' | 'name' | 'quantity' | 'unitPrice'}` | 'root.items' | Exclude<keyof OrderFormValues, 'customerId' | 'items'>;

const ITEM_FIELDS = ['sku', 'name', 'quantity', 'unitPrice'] as const;
const ADJUSTMENTS = ['discountCode', 'discountTotal', 'taxTotal', 'shippingTotal'] as const;

/**
 * The order form's field for a service error's path, ranked as the fields appear on the page (so the first gets
 * focus); null for paths with no field of their own (currency, placedAt), which the message above the form says.
 */
export function placeOrderError(path: string): ErrorPlace<OrderFormErrorTarget> | null {
  if (path === 'customerId') return { name: 'customerId', rank: 0 };
  // The address choices sit under the customer, before the items.
  if (path === 'shippingAddressId' || path === 'billingAddressId') return { name: path, rank: path === 'shippingAddressId' ? 0.25 : 0.5 };
  const line = /^items\.(\d+)\.(\w+)$/.exec(path);
  const field = ITEM_FIELDS.indexOf(line?.[2] as (typeof ITEM_FIELDS)[number]);
  if (line && field >= 0) return { name: path as OrderFormErrorTarget, rank: 1 + Number(line[1]) * ITEM_FIELDS.length + field };
  if (path === 'items') return { name: 'root.items', rank: Number.MAX_SAFE_INTEGER - ADJUSTMENTS.length - 1 };
  const adjustment = ADJUSTMENTS.indexOf(path as (typeof ADJUSTMENTS)[number]);
  if (adjustment >= 0) return { name: ADJUSTMENTS[adjustment], rank: Number.MAX_SAFE_INTEGER - ADJUSTMENTS.length + adjustment };
  return null;
}
