import { describe, expect, it } from 'vitest';

import { OWN_EXPORT_EXTRA_COLUMNS, readHeader } from '@/lib/customer-import-formats';

import { headerOf } from './test-files';

const formatOf = (header: string[]) => {
  const reading = readHeader(header);
  return 'plan' in reading ? reading.plan.format : reading;
};

describe('readHeader', () => {
  it('recognises every real header, case-sensitively', () => {
    expect(formatOf(headerOf('shopifyCurrent'))).toBe('Shopify customer export (current)');
    expect(formatOf(headerOf('shopifyWhatsapp'))).toBe('Shopify customer export (current, with WhatsApp and metafield columns)');
    expect(formatOf(headerOf('shopifyLegacy'))).toBe('Shopify customer template / legacy export');
    expect(formatOf(headerOf('shopifyLegacyId'))).toBe('Shopify legacy customer export with Customer ID');
    expect(formatOf(headerOf('wooServer'))).toBe('WooCommerce Analytics customers (download)');
    expect(formatOf(headerOf('wooServer').slice(0, 12))).toBe('WooCommerce Analytics customers (download)');
    expect(formatOf(headerOf('wooBrowser'))).toBe('WooCommerce Analytics customers (table CSV)');
    expect(formatOf(headerOf('shopifyCurrent').map((column) => column.toLowerCase()))).toMatchObject({ unknown: expect.arrayContaining(['email', 'first name']) });
  });

  it('recognises the older variants: Accepts Marketing without SMS, and a legacy export without Note', () => {
    const older = headerOf('shopifyLegacy').map((c) => (c === 'Accepts Email Marketing' ? 'Accepts Marketing' : c)).filter((c) => c !== 'Accepts SMS Marketing');
    expect(formatOf(older)).toBe('Shopify customer template / legacy export');
    expect(formatOf(headerOf('shopifyLegacyId').filter((c) => c !== 'Note'))).toBe('Shopify legacy customer export with Customer ID');
  });

  it("recognises this shop's own export, default and full, and ignores its derived columns", () => {
    expect(formatOf(headerOf('shopifyCurrent'))).toBe('Shopify customer export (current)');
    const full = readHeader([...headerOf('shopifyCurrent'), ...OWN_EXPORT_EXTRA_COLUMNS]);
    expect(full).toMatchObject({ plan: { format: 'This shop’s customer export (full)', ignored: expect.arrayContaining(['Total Spent', 'Total Orders', 'ID', 'RFM Segment', 'Created At']) } });
  });

  it('ignores metafield and WhatsApp columns', () => {
    expect(readHeader(headerOf('shopifyWhatsapp'))).toMatchObject({ plan: { ignored: expect.arrayContaining(['Accepts WhatsApp Marketing', 'Empresa (customer.metafields.custom.empresa)']) } });
  });

  it('names unknown columns, and refuses a file without an Email column unless mapped', () => {
    expect(readHeader(['Email', 'Points', 'Loyalty tier'])).toEqual({ unknown: ['Points', 'Loyalty tier'], columns: ['Email', 'Points', 'Loyalty tier'] });
    expect(readHeader(['First Name', 'Phone'])).toMatchObject({ problem: expect.stringContaining('"Email" column') });
    expect(readHeader(['Mail', 'Points'], { Mail: 'email', Points: 'skip' })).toMatchObject({ plan: { format: 'Columns mapped by hand', targets: ['email', 'skip'] } });
    expect(readHeader(['Name', 'Points'], { Name: 'name', Points: 'skip' })).toMatchObject({ problem: expect.stringContaining('Email or Phone') });
  });
});
