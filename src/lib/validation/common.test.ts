import { describe, expect, it } from 'vitest';

import { countryCodeSchema, emailSchema, moneyMinorSchema, phoneSchema } from './common';
import { customerCreateSchema } from './customer';

describe('emailSchema', () => {
  it.each([
    ['  Ada@Example.COM ', 'ada@example.com'],
    ['o.brien+shop@example.co.uk', 'o.brien+shop@example.co.uk'],
  ])('accepts %j as %j', (input, expected) => {
    expect(emailSchema.parse(input)).toBe(expected);
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', `${'a'.repeat(250)}@example.com`])('rejects %j', (input) => {
    expect(emailSchema.safeParse(input).success).toBe(false);
  });
});

describe('phoneSchema', () => {
  it.each([
    ['07911 123456', '+447911123456'],
    ['+1 (202) 555-0143', '+12025550143'],
    ['+49 30 901820', '+4930901820'],
    ['0044 7911 123456', '+447911123456'],
  ])('normalises %j to E.164 %j', (input, expected) => {
    expect(phoneSchema.parse(input)).toBe(expected);
  });

  it.each(['12', 'call me', '+44 1', '+999 1234567'])('rejects %j with a message showing the expected format', (input) => {
    const result = phoneSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/valid phone number/);
  });
});

describe('countryCodeSchema', () => {
  it.each([['gb', 'GB'], [' us ', 'US'], ['AX', 'AX']])('accepts %j as %j', (input, expected) => {
    expect(countryCodeSchema.parse(input)).toBe(expected);
  });
  it.each(['UK', 'XX', 'GBR', '', 'EU'])('rejects %j', (input) => {
    expect(countryCodeSchema.safeParse(input).success).toBe(false);
  });
});

describe('moneyMinorSchema', () => {
  it.each([0, 1, 1999, Number.MAX_SAFE_INTEGER])('accepts %d minor units', (value) => {
    expect(moneyMinorSchema.parse(value)).toBe(value);
  });
  it.each([12.5, -1, Number.MAX_SAFE_INTEGER + 2, Number.NaN])('rejects %d', (value) => {
    expect(moneyMinorSchema.safeParse(value).success).toBe(false);
  });
});

describe('customerCreateSchema', () => {
  it('asks for an email or a phone, on the email field', () => {
    const result = customerCreateSchema.safeParse({ firstName: 'Ada' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['email'], message: 'Give an email or a phone number' })]);
  });

  it('treats blank optional fields as absent', () => {
    expect(customerCreateSchema.parse({ firstName: 'Ada', email: 'ada@example.com', phone: ' ', company: '', customerGroupId: '' })).toMatchObject({
      phone: null,
      company: null,
      customerGroupId: null,
    });
  });

  it('keeps one spelling of tags that differ only in case', () => {
    expect(customerCreateSchema.parse({ firstName: 'A', email: 'a@example.com', tags: ['VIP', 'vip', ' trade '] }).tags).toEqual(['VIP', 'trade']);
  });
});
