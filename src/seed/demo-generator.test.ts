import { Faker, base, en } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';

import { phoneSchema } from '@/lib/validation/common';
import { isCountryCode } from '@/lib/countries';
import { postcodeProblem } from '@/lib/validation/postcode';

import { DEMO_COUNTRIES, demoPhone } from './demo-countries';
import { emailLocalPart, generateDemoBatches, type DemoContext } from './demo-generator';

const context: DemoContext = {
  seed: 7,
  firstNumber: 1,
  groupIds: { retail: 'retail-id', wholesaler: 'wholesaler-id', vip: 'vip-id' },
  staffIds: ['staff-a', 'staff-b'],
  now: new Date('2025-06-01T12:00:00.000Z'),
  currency: 'GBP',
  // Customers alone here; demo-orders.test.ts covers their orders.
  ordersPerCustomer: 0,
};

function generate(overrides: Partial<DemoContext> = {}, count = 500, batchSize = 200) {
  const batches = [...generateDemoBatches({ ...context, ...overrides }, count, batchSize)];
  return { customers: batches.flatMap((b) => b.customers), addresses: batches.flatMap((b) => b.addresses), batches };
}

// Ids are random (so repeated runs never clash); everything else is the seed's.
const withoutIds = (rows: object[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id' && key !== 'customer_id')));

describe('generateDemoBatches', () => {
  it('gives the same customers and addresses for the same seed, whatever the batch size', () => {
    const a = generate({}, 500, 200);
    const b = generate({}, 500, 77);
    expect(withoutIds(b.customers)).toEqual(withoutIds(a.customers));
    expect(withoutIds(b.addresses)).toEqual(withoutIds(a.addresses));
    expect(a.batches.map((batch) => batch.customers.length)).toEqual([200, 200, 100]);
  });

  it('gives other people for another seed', () => {
    const names = (seed: number) => generate({ seed }, 50).customers.map((c) => `${c.first_name} ${c.last_name}`);
    expect(names(8)).not.toEqual(names(7));
  });

  it('keeps the same people when the staff list or the first number differ, only the email numbers move', () => {
    const a = generate({}, 200).customers;
    const b = generate({ staffIds: [], firstNumber: 1001 }, 200).customers;
    expect(b.map((c) => c.first_name)).toEqual(a.map((c) => c.first_name));
    expect(b.map((c) => c.email.replace(/\.\d+@/, '@'))).toEqual(a.map((c) => c.email.replace(/\.\d+@/, '@')));
    expect(b.every((c) => c.created_by_id === null)).toBe(true);
  });

  it('spreads customers over groups, countries, consent and creators in realistic shares', () => {
    const { customers, addresses } = generate({}, 5000, 1000);
    const share = (predicate: (c: (typeof customers)[number]) => boolean) => customers.filter(predicate).length / customers.length;
    expect(share((c) => c.customer_group_id === 'wholesaler-id')).toBeCloseTo(0.1, 1);
    expect(share((c) => c.customer_group_id === 'vip-id')).toBeGreaterThan(0.015);
    expect(share((c) => c.customer_group_id === 'vip-id')).toBeLessThan(0.05);
    expect(share((c) => c.created_by_id !== null)).toBeCloseTo(0.2, 1);
    expect(share((c) => c.email_marketing_consent)).toBeGreaterThan(0.3);
    const wholesalers = customers.filter((c) => c.customer_group_id === 'wholesaler-id');
    expect(wholesalers.filter((c) => c.company).length / wholesalers.length).toBeGreaterThan(0.8);
    expect(new Set(addresses.map((a) => a.country_code))).toEqual(new Set(DEMO_COUNTRIES.map((c) => c.code)));
    const twoYearsAgo = context.now.getTime() - 731 * 86_400_000;
    for (const c of customers) {
      const created = Date.parse(c.created_at);
      expect(created).toBeGreaterThan(twoYearsAgo);
      expect(created).toBeLessThanOrEqual(context.now.getTime());
      if (c.email_consent_at) expect(Date.parse(c.email_consent_at)).toBeGreaterThanOrEqual(created);
      if (c.sms_marketing_consent) expect(c.phone).not.toBeNull();
    }
  });

  it('gives every customer one or two addresses with ISO country codes and exactly one default of each kind', () => {
    const { customers, addresses } = generate({}, 2000, 500);
    const byCustomer = new Map<string, typeof addresses>();
    for (const a of addresses) byCustomer.set(a.customer_id, [...(byCustomer.get(a.customer_id) ?? []), a]);
    for (const customer of customers) {
      const own = byCustomer.get(customer.id) ?? [];
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(2);
      expect(own.filter((a) => a.is_default_shipping)).toHaveLength(1);
      expect(own.filter((a) => a.is_default_billing)).toHaveLength(1);
      for (const a of own) expect(isCountryCode(a.country_code)).toBe(true);
    }
  });

  it('gives every address a postcode the address schema accepts for its country', () => {
    const { addresses } = generate({}, 3000, 1000);
    const refused = addresses.filter((a) => a.postal_code !== null && postcodeProblem(a.postal_code, a.country_code) !== null);
    expect(refused.map((a) => `${a.country_code} ${a.postal_code}`)).toEqual([]);
  });
});

describe('demoPhone', () => {
  it.each(DEMO_COUNTRIES.map((country) => [country.code, country] as const))(
    'gives valid E.164 mobile numbers of %s that the phone schema keeps as they are',
    (code, country) => {
      const faker = new Faker({ locale: [en, base] });
      faker.seed(code.charCodeAt(0) * 100 + code.charCodeAt(1));
      for (let i = 0; i < 2000; i++) {
        const phone = demoPhone(country, faker);
        const parsed = parsePhoneNumberFromString(phone);
        expect(parsed?.isValid(), phone).toBe(true);
        expect(parsed?.country, phone).toBe(code);
        expect(phoneSchema.parse(phone)).toBe(phone);
      }
    },
  );
});

describe('emailLocalPart', () => {
  it.each([
    [['Ada', 'Lovelace'], 'ada.lovelace'],
    [['Zoë', "O'Brien"], 'zoe.obrien'],
    [['Jürgen', 'Groß'], 'jurgen.gross'],
    [['María Luisa', 'Peralta Garibay'], 'marialuisa.peraltagaribay'],
    [['Ilay', 'van den Velde'], 'ilay.vandenvelde'],
    [['Søren', 'Æbelø'], 'soren.aebelo'],
    [['李', '王'], 'customer'],
  ])('turns %j into %s', (parts, expected) => {
    expect(emailLocalPart(...parts)).toBe(expected);
  });
});
