import { z } from 'zod';

import { minorToMajorString, parseMajorToMinor } from '@/lib/format';
import type { Discount } from '@/lib/types';
import { discountCreateSchema, type DiscountCreateInput, type DiscountKind } from '@/lib/validation/discount';

/** The form's own shape: text boxes hold strings; `discountFormSchema` turns them into the create input. */
export interface DiscountFormValues {
  code: string;
  description: string;
  kind: DiscountKind;
  // Percent ("12.5") or an amount in major units ("5.00"), by kind.
  value: string;
  customerGroupIds: string[];
  // <input type="datetime-local"> values, in the browser's time zone; '' for none.
  startsAt: string;
  endsAt: string;
  minSubtotal: string;
  usageLimit: string;
  perCustomerLimit: string;
  active: boolean;
}

export const EMPTY_DISCOUNT: DiscountFormValues = {
  code: '',
  description: '',
  kind: 'percentage',
  value: '',
  customerGroupIds: [],
  startsAt: '',
  endsAt: '',
  minSubtotal: '',
  usageLimit: '',
  perCustomerLimit: '',
  active: true,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a datetime-local value in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toFormValues(discount: Discount): DiscountFormValues {
  return {
    code: discount.code,
    description: discount.description,
    kind: discount.kind,
    value: discount.kind === 'percentage' ? String(discount.value) : minorToMajorString(discount.value, discount.currency),
    customerGroupIds: discount.customerGroups.map((group) => group.id),
    startsAt: toLocalInput(discount.startsAt),
    endsAt: toLocalInput(discount.endsAt),
    minSubtotal: discount.minSubtotal ? minorToMajorString(discount.minSubtotal, discount.currency) : '',
    usageLimit: discount.usageLimit?.toString() ?? '',
    perCustomerLimit: discount.perCustomerLimit?.toString() ?? '',
    active: discount.active,
  };
}

/**
 * The discount form's schema for `currency`: text is turned into numbers and dates, then the whole discount is
 * piped through the shared `discountCreateSchema`, so the form's errors sit on the same paths as the server's.
 */
export function discountFormSchema(currency: string) {
  return z
    .object({
      code: z.string(),
      description: z.string(),
      kind: z.enum(['percentage', 'fixed_amount']),
      value: z.string(),
      customerGroupIds: z.array(z.string()),
      startsAt: z.string(),
      endsAt: z.string(),
      minSubtotal: z.string(),
      usageLimit: z.string(),
      perCustomerLimit: z.string(),
      active: z.boolean(),
    })
    .transform((form, ctx): DiscountCreateInput => {
      const text = form.value.trim();
      let value = form.kind === 'percentage' ? (/^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN) : (parseMajorToMinor(text, currency) ?? Number.NaN);
      if (Number.isNaN(value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: form.kind === 'percentage' ? 'Enter a percentage like 10 or 12.5' : `Enter an amount like ${minorToMajorString(500, currency)}` });
        value = 0;
      }
      const minSubtotal = parseMajorToMinor(form.minSubtotal, currency);
      if (Number.isNaN(minSubtotal)) ctx.addIssue({ code: 'custom', path: ['minSubtotal'], message: `Enter an amount like ${minorToMajorString(5000, currency)}` });
      const date = (local: string) => (local ? new Date(local) : null);
      return {
        ...form,
        value,
        minSubtotal: minSubtotal === null || Number.isNaN(minSubtotal) ? 0 : minSubtotal,
        startsAt: date(form.startsAt),
        endsAt: date(form.endsAt),
      };
    })
    .pipe(discountCreateSchema);
}

export type DiscountFormOutput = z.output<ReturnType<typeof discountFormSchema>>;
