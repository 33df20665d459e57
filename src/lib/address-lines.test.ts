import { describe, expect, it } from 'vitest';

import { addressLines } from './address-lines';

const base = { firstName: 'Ada', lastName: 'Lovelace', company: null, line1: '1 Main Street', line2: null, region: null, phone: null };

describe('addressLines', () => {
  it('writes the town line the way each country does', () => {
    expect(addressLines({ ...base, city: 'London', postalCode: 'SW1A 1AA', countryCode: 'GB' })).toEqual(['Ada Lovelace', '1 Main Street', 'London', 'SW1A 1AA', 'United Kingdom']);
    expect(addressLines({ ...base, city: 'Berlin', postalCode: '10115', countryCode: 'DE' })).toEqual(['Ada Lovelace', '1 Main Street', '10115 Berlin', 'Germany']);
    expect(addressLines({ ...base, city: 'Austin', region: 'TX', postalCode: '78701', countryCode: 'US' })).toEqual(['Ada Lovelace', '1 Main Street', 'Austin, TX 78701', 'United States']);
    expect(addressLines({ ...base, firstName: '', lastName: '', company: 'Acme', city: 'Tokyo', postalCode: '100-0001', countryCode: 'JP' })).toEqual(['Acme', '1 Main Street', 'Tokyo, 100-0001', 'Japan']);
  });
});
