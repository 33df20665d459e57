import { describe, expect, it } from 'vitest';

import type { Discount } from '@/lib/types';

import { discountFormSchema, EMPTY_DISCOUNT, toFormValues, type DiscountFormValues } from './discount-form-schema';

const schema = discountFormSchema('GBP');
const form = (patch: Partial<DiscountFormValues>): DiscountFormValues => ({ ...EMPTY_DISCOUNT, code: 'save', value: '10', ...patch });

function pathsOf(values: DiscountFormValues): string[] {
  const result = schema.safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('discountFormSchema', () => {
  it('turns the typed text into the create input: upper-case code, percent, pence, limits, dates', () => {
    const output = schema.parse(form({ value: '12.5', minSubtotal: '50.00', usageLimit: '100', perCustomerLimit: '', startsAt: '2026-06-01T09:00' }));
    expect(output).toMatchObject({ code: 'SAVE', kind: 'percentage', value: 12.5, minSubtotal: 5000, usageLimit: 100, perCustomerLimit: null, endsAt: null, active: true });
    expect(output.startsAt).toEqual(new Date('2026-06-01T09:00'));
    expect(schema.parse(form({ kind: 'fixed_amount', value: '4.99' })).value).toBe(499);
  });

  it.each([
    [{ value: '' }, 'value'],
    [{ value: 'ten' }, 'value'],
    [{ value: '150' }, 'value'],
    [{ kind: 'fixed_amount' as const, value: '4.999' }, 'value'],
    [{ minSubtotal: '-5' }, 'minSubtotal'],
    [{ code: 'TEN OFF' }, 'code'],
    [{ usageLimit: '0' }, 'usageLimit'],
    [{ startsAt: '2026-06-02T00:00', endsAt: '2026-06-01T00:00' }, 'endsAt'],
  ])('names the field for %j', (patch, path) => {
    expect(pathsOf(form(patch))).toContain(path);
  });

  it('shows every field\'s error at once, the missing code beside an unreadable value', () => {
    const result = schema.safeParse({ ...EMPTY_DISCOUNT, value: 'ten', minSubtotal: '-5', usageLimit: '0' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      code: 'Code is required',
      value: 'Enter a percentage like 10 or 12.5',
      minSubtotal: 'Minimum subtotal cannot be negative',
      usageLimit: 'Usage limit is at least 1 (leave it blank for no limit)',
    });
  });

  it('round-trips a stored discount through the edit form', () => {
    const discount: Discount = {
      id: crypto.randomUUID(), code: 'TRADE-5', description: '', kind: 'fixed_amount', value: 500, currency: 'GBP', customerGroups: [{ id: crypto.randomUUID(), name: 'Wholesaler' }],
      startsAt: '2026-06-01T08:00:00.000Z', endsAt: null, minSubtotal: 5000, usageLimit: null, perCustomerLimit: 1, timesUsed: 3, active: true, version: 2, createdAt: '', updatedAt: '',
    };
    const output = schema.parse(toFormValues(discount));
    expect(output).toMatchObject({ code: 'TRADE-5', kind: 'fixed_amount', value: 500, minSubtotal: 5000, usageLimit: null, perCustomerLimit: 1, customerGroupIds: [discount.customerGroups[0].id] });
    expect(output.startsAt?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
  });
});
