import { describe, expect, it } from 'vitest';

import type { CustomerEvent } from '@/lib/types';

import { describeCustomerEvent, listInWords, type EventNames } from './customer-event-text';

const SAM = '11111111-1111-4111-8111-111111111111';
const VIP = '22222222-2222-4222-8222-222222222222';
const RETAIL = '33333333-3333-4333-8333-333333333333';
const names: EventNames = {
  staff: new Map([[SAM, 'Sam Staff']]),
  groups: new Map([[VIP, 'VIP'], [RETAIL, 'Retail']]),
  country: (code) => (code === 'GB' ? 'United Kingdom' : code),
  money: (minor) => `£${(minor / 100).toFixed(2)}`,
};

function event(type: string, data: Record<string, unknown> = {}, actor: Partial<CustomerEvent> = {}): CustomerEvent {
  return { id: 'e', customerId: 'c', type, actorType: 'staff', actorId: SAM, data, createdAt: '2025-01-01T00:00:00Z', ...actor };
}

describe('describeCustomerEvent', () => {
  it('names the staff member who created the customer', () => {
    expect(describeCustomerEvent(event('customer.created'), names).sentence).toBe('Created by Sam Staff');
  });

  it('names the file, line and job of a customer created or updated by a CSV import, and the consent it gave', () => {
    const data = { import: { fileName: 'shop.csv', line: 12, jobId: 'abcdef12-0000' }, consent: { email: { given: true, source: 'import' } } };
    expect(describeCustomerEvent(event('customer.created', data), names)).toEqual({
      sentence: 'Imported from “shop.csv” by Sam Staff',
      details: ['Line 12 of import abcdef12', 'Marketing consent (email) given in the file, recorded as given at import'],
    });
    const updated = describeCustomerEvent(event('customer.updated', { changes: { company: [null, 'Acme'] }, import: { fileName: 'shop.csv', line: 3 } }), names);
    expect(updated).toEqual({ sentence: 'Sam Staff updated company from “shop.csv”', details: ['Company: (empty) → “Acme”', 'Line 3'] });
  });

  it('says imported or signed up when no staff member created the customer', () => {
    expect(describeCustomerEvent(event('customer.created', {}, { actorType: 'system', actorId: null }), names).sentence).toBe('Imported');
    expect(describeCustomerEvent(event('customer.created', {}, { actorType: 'customer' }), names).sentence).toBe('Signed up in the store');
  });

  it('says when a customer made a store account and confirmed the email, and what they changed themselves', () => {
    expect(describeCustomerEvent(event('customer.account_linked', { email: 'ada@shop.test' }, { actorType: 'customer' }), names).sentence).toBe(
      'Made a store account and confirmed ada@shop.test',
    );
    const edit = event('customer.updated', { changes: { phone: [null, '+447700900123'] } }, { actorType: 'customer' });
    expect(describeCustomerEvent(edit, names).sentence).toBe('The customer changed phone');
  });

  it('lists the changed fields in words, with from → to details', () => {
    const text = describeCustomerEvent(event('customer.updated', { changes: { company: ['Acme', 'Acme plc'], smsMarketingConsent: [false, true] } }), names);
    expect(text.sentence).toBe('Sam Staff changed company and SMS marketing consent');
    expect(text.details).toEqual(['Company: “Acme” → “Acme plc”', 'SMS marketing consent given']);
  });

  it('names groups rather than ids when the group changes', () => {
    expect(describeCustomerEvent(event('customer.group_changed', { from: RETAIL, to: VIP }), names).sentence).toBe('Sam Staff moved them from Retail to VIP');
    expect(describeCustomerEvent(event('customer.group_changed', { from: null, to: VIP }), names).sentence).toBe('Sam Staff added them to VIP');
    expect(describeCustomerEvent(event('customer.group_changed', { from: VIP, to: null }), names).sentence).toBe('Sam Staff removed them from VIP');
  });

  it('places added and removed addresses', () => {
    expect(describeCustomerEvent(event('address.added', { city: 'London', countryCode: 'GB' }), names).sentence).toBe('Sam Staff added an address in London, United Kingdom');
  });

  it('says which default changed when only a default flag was updated', () => {
    expect(describeCustomerEvent(event('address.updated', { fields: ['isDefaultShipping'] }), names).sentence).toBe('Sam Staff set the default shipping address');
    expect(describeCustomerEvent(event('address.updated', { fields: ['line1', 'isDefaultBilling'] }), names).sentence).toBe('Sam Staff updated an address');
  });

  it('names orders and amounts for order events', () => {
    expect(describeCustomerEvent(event('order.completed', { orderNumber: '#1001', total: 1250 }), names).sentence).toBe('Sam Staff completed order #1001 (£12.50)');
    expect(describeCustomerEvent(event('order.refunded', { orderNumber: '#1001', amount: 500, full: false }), names).sentence).toBe('Sam Staff refunded £5.00 of order #1001');
  });

  it('sums up what an order-history import brought in', () => {
    const system = { actorType: 'system' as const, actorId: null };
    expect(describeCustomerEvent(event('orders.imported', { source: 'online_retail.csv.gz', orders: 34, ordersTotal: 539121, refunds: 2, refunded: 10258 }, system), names)).toEqual({
      sentence: 'The system imported 34 orders (£5391.21) from online_retail.csv.gz',
      details: ['Refunded £102.58 for cancelled invoices'],
    });
    expect(describeCustomerEvent(event('orders.imported', { source: 'retail.csv', orders: 0, ordersTotal: 0, refunds: 1, refunded: 500 }, system), names).sentence).toBe('The system imported refunds from retail.csv');
  });

  it('still reads for a staff member who no longer exists and for unknown event types', () => {
    expect(describeCustomerEvent(event('campaign.sent', {}, { actorId: 'gone' }), names).sentence).toBe('A former staff member: campaign sent');
  });
});

describe('listInWords', () => {
  it('joins with commas and a final "and"', () => {
    expect([listInWords([]), listInWords(['a']), listInWords(['a', 'b']), listInWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('describeCustomerEvent: customer.merged', () => {
  it('names who merged whom, what moved and which values came from the merged record', () => {
    const names = { staff: new Map([['s1', 'Ann Admin']]), groups: new Map(), country: (c: string) => c, money: (m: number) => String(m) };
    const text = describeCustomerEvent(
      { id: 'e', customerId: 'c', type: 'customer.merged', actorType: 'staff', actorId: 's1', createdAt: '2025-01-01T00:00:00Z', data: { sourceId: 'abc', sourceName: 'Joe Bloggs', sourceEmail: 'joe@example.com', ordersMoved: 2, fromSource: ['phone', 'customerGroupId'] } },
      names,
    );
    expect(text).toEqual({ sentence: 'Ann Admin merged Joe Bloggs, joe@example.com into this customer', details: ['Merged record: abc', '2 orders moved here', 'Kept from the merged record: phone and group'] });
  });

  it('names the tags a bulk action added or removed', () => {
    expect(describeCustomerEvent(event('customer.tags_added', { tags: ['vip'] }), names)).toEqual({ sentence: 'Sam Staff added the tag “vip”', details: [] });
    expect(describeCustomerEvent(event('customer.tags_removed', { tags: ['spring', 'promo', 'old'] }), names).sentence).toBe(
      'Sam Staff removed the tags “spring”, “promo” and “old”',
    );
  });
});
