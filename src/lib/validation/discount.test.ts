import { describe, expect, it } from 'vitest';

import { discountCreateSchema, discountUpdateSchema, toStoredDiscountValue } from './discount';

const base = { code: 'SAVE10', kind: 'percentage', value: 10 } as const;

describe('discountCreateSchema', () => {
  it.each([
    ['  save-10 ', 'SAVE-10'],
    ['vip_2026', 'VIP_2026'],
  ])('normalises the code %j to %j', (code, expected) => {
    expect(discountCreateSchema.parse({ ...base, code }).code).toBe(expected);
  });

  it.each([
    [{ code: '' }, 'code'],
    [{ code: 'TEN OFF' }, 'code'],
    [{ code: 'ÉTÉ' }, 'code'],
    [{ value: 0 }, 'value'],
    [{ value: 100.5 }, 'value'],
    [{ value: 12.345 }, 'value'],
    [{ value: 1e-9 }, 'value'],
    [{ value: 1.4e-155 }, 'value'],
    [{ kind: 'fixed_amount', value: 4.99 }, 'value'],
    [{ kind: 'free' }, 'kind'],
    [{ usageLimit: 0 }, 'usageLimit'],
    [{ perCustomerLimit: 1.5 }, 'perCustomerLimit'],
    [{ startsAt: '2026-03-01', endsAt: '2026-03-01' }, 'endsAt'],
    [{ customerGroupIds: ['not-a-uuid'] }, 'customerGroupIds.0'],
  ])('refuses %j on %s', (patch, path) => {
    const result = discountCreateSchema.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('defaults to everyone, no minimum, no limits, active; blank limits mean none', () => {
    expect(discountCreateSchema.parse({ ...base, usageLimit: '', perCustomerLimit: '' })).toMatchObject({ customerGroupIds: [], minSubtotal: 0, usageLimit: null, perCustomerLimit: null, active: true, description: '' });
  });

  it('accepts 100% and 0.01%, stored as basis points', () => {
    expect(toStoredDiscountValue('percentage', discountCreateSchema.parse({ ...base, value: 100 }).value)).toBe(10_000);
    expect(toStoredDiscountValue('percentage', 0.29)).toBe(29);
    expect(toStoredDiscountValue('fixed_amount', 499)).toBe(499);
  });
});

describe('discountUpdateSchema', () => {
  it('leaves fields not sent undefined, so an update changes only what it names', () => {
    expect(discountUpdateSchema.parse({ active: false, version: 2 })).toEqual({ active: false, version: 2 });
  });
});
