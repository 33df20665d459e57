import { describe, expect, it } from 'vitest';

import { refundFormSchema } from './refund-form-schema';

function errorsOf(input: { amount: string; reason: string }, remaining: number): Record<string, string> {
  const result = refundFormSchema('GBP', remaining).safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('refundFormSchema', () => {
  it('turns the typed amount into exact pence and trims the reason', () => {
    expect(refundFormSchema('GBP', 7103).parse({ amount: '20.10', reason: '  Damaged mug ' })).toEqual({ amount: 2010, reason: 'Damaged mug' });
  });

  it('allows refunding exactly what is left, and no more', () => {
    expect(errorsOf({ amount: '71.03', reason: '' }, 7103)).toEqual({});
    expect(errorsOf({ amount: '71.04', reason: '' }, 7103)).toEqual({ amount: 'At most £71.03 is left to refund' });
  });

  it.each([
    ['', 'Enter the amount to refund'],
    ['0', 'Refund more than nothing'],
    ['ten', 'Enter an amount like 12.50'],
    ['1.005', 'Enter an amount like 12.50'],
  ])('refuses %j with “%s”', (amount, message) => {
    expect(errorsOf({ amount, reason: '' }, 7103)).toEqual({ amount: message });
  });

  it('keeps the reason within the shared limit', () => {
    expect(errorsOf({ amount: '1', reason: 'x'.repeat(501) }, 7103)).toEqual({ reason: 'Reason is at most 500 characters' });
  });
});
