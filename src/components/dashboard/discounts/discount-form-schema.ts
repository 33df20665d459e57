import { z } from 'zod';

import { minorToMajorString, parseMajorToMinor } from '@/lib/format';
import type { Discount } from '@/lib/types';
import { discountCreateSchema, type DiscountKind } from '@/lib/validation/discount';

type DiscountCreateOutput = z.output<typeof discountCreateSchema>;

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
 * The discount form's schema for `currency`: text is turned into numbers and dates, then the whole discount is checked
 * by the shared `discountCreateSchema`, so the form's errors sit on the same paths as the server's. Both run every
 * time and their errors are shown together: a `.pipe` would stop at the first text that is not a number, and staff
 * would meet the errors one submit at a time.
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
    .transform((form, ctx): DiscountCreateOutput => {
      const unreadable = new Map<string, string>();
      const text = form.value.trim();
      const value = form.kind === 'percentage' ? (/^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN) : (parseMajorToMinor(text, currency) ?? Number.NaN);
      if (Number.isNaN(value)) unreadable.set('value', form.kind === 'percentage' ? 'Enter a percentage like 10 or 12.5' : `Enter an amount like ${minorToMajorString(500, currency)}`);
      const minSubtotal = parseMajorToMinor(form.minSubtotal, currency);
      if (Number.isNaN(minSubtotal))
        unreadable.set('minSubtotal', form.minSubtotal.trim().startsWith('-') ? 'Minimum subtotal cannot be negative' : `Enter an amount like ${minorToMajorString(5000, currency)}`);
      const date = (local: string) => (local ? new Date(local) : null);
      const checked = discountCreateSchema.safeParse({
        ...form,
        // Stand-ins that pass, so an unreadable field gets only its own message.
        value: unreadable.has('value') ? 1 : value,
        minSubtotal: minSubtotal === null || Number.isNaN(minSubtotal) ? 0 : minSubtotal,
        startsAt: date(form.startsAt),
        endsAt: date(form.endsAt),
      });
      for (const [path, message] of unreadable) ctx.addIssue({ code: 'custom', path: [path], message });
      for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message });
      return checked.success && unreadable.size === 0 ? checked.data : z.NEVER;
    });
}

export type DiscountFormOutput = z.output<ReturnType<typeof discountFormSchema>>;
