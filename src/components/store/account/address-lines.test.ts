import { describe, expect, it } from 'vitest';

import type { CustomerAddress } from '@/lib/types';

import { addressLines, addressSummary } from './address-lines';

const address: CustomerAddress = {
  id: '00000000-0000-4000-8000-000000000001',
  customerId: '00000000-0000-4000-8000-000000000002',
  firstName: 'Maya',
  lastName: 'Okafor',
  company: null,
  line1: '12 Elm Row',
  line2: null,
  city: 'Edinburgh',
  region: null,
  postalCode: 'EH7 4AA',
  countryCode: 'GB',
  phone: null,
  isDefaultShipping: true,
  isDefaultBilling: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('addressLines', () => {
  it('prints the address as on a parcel, leaving out empty optional parts', () => {
    expect(addressLines(address)).toEqual(['Maya Okafor', '12 Elm Row', 'Edinburgh, EH7 4AA', 'United Kingdom']);
  });

  it('keeps the company, second line and region, and skips a blank name', () => {
    const full = { ...address, firstName: '', lastName: '', company: 'Okafor Studio', line2: 'Flat 2', region: 'Lothian', countryCode: 'IE' };
    expect(addressLines(full)).toEqual(['Okafor Studio', '12 Elm Row', 'Flat 2', 'Edinburgh, Lothian, EH7 4AA', 'Ireland']);
  });
});

describe('addressSummary', () => {
  it('names the address by street and town', () => {
    expect(addressSummary(address)).toBe('12 Elm Row, Edinburgh');
  });
});
