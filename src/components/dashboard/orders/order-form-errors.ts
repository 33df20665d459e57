import type { FieldError } from '@/lib/types';

import type { OrderFormValues } from './order-form-schema';

/** Where react-hook-form shows a server error: a field, or the item list as a whole. */
export type OrderFormErrorTarget = `customerId` | `items.${number}.${'sku' | 'name' | 'quantity' | 'unitPrice'}` | 'root.items' | Exclude<keyof OrderFormValues, 'customerId' | 'items'>;

const ITEM_FIELDS = ['sku', 'name', 'quantity', 'unitPrice'] as const;
const ADJUSTMENTS = ['discountTotal', 'taxTotal', 'shippingTotal'] as const;

function target(path: string): { name: OrderFormErrorTarget; rank: number } | null {
  if (path === 'customerId') return { name: 'customerId', rank: 0 };
  const line = /^items\.(\d+)\.(\w+)$/.exec(path);
  const field = ITEM_FIELDS.indexOf(line?.[2] as (typeof ITEM_FIELDS)[number]);
  if (line && field >= 0) return { name: path as OrderFormErrorTarget, rank: 1 + Number(line[1]) * ITEM_FIELDS.length + field };
  if (path === 'items') return { name: 'root.items', rank: Number.MAX_SAFE_INTEGER - ADJUSTMENTS.length - 1 };
  const adjustment = ADJUSTMENTS.indexOf(path as (typeof ADJUSTMENTS)[number]);
  if (adjustment >= 0) return { name: ADJUSTMENTS[adjustment], rank: Number.MAX_SAFE_INTEGER - ADJUSTMENTS.length + adjustment };
  return null;
}

/**
 * The service's field errors placed on the form's fields in the order they appear on the page (so the first gets
 * focus), and those with no field of their own (currency, placedAt) left for the message above the form.
 */
export function placeServerErrors(errors: FieldError[]): { placed: { name: OrderFormErrorTarget; message: string }[]; unplaced: FieldError[] } {
  const placed: { name: OrderFormErrorTarget; message: string; rank: number }[] = [];
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const found = target(error.path);
    if (found) placed.push({ ...found, message: error.message });
    else unplaced.push(error);
  }
  placed.sort((a, b) => a.rank - b.rank);
  return { placed: placed.map(({ name, message }) => ({ name, message })), unplaced };
}
