import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, createCustomer, deleteCustomerAddress, getCustomerById, updateCustomerAddress } from './customers';
import { NotFoundError, ValidationFailedError } from './errors';

withTestDatabase();

let staff: Actor;
beforeAll(async () => {
  staff = await createStaffActor();
});

const home = { line1: '1 High Street', city: 'London', postalCode: 'SW1A 1AA', countryCode: 'gb' };
const work = { line1: '5 Rue de Rivoli', city: 'Paris', countryCode: 'FR' };

async function newCustomer() {
  return createCustomer({ actor: staff, input: { firstName: 'Addr', email: `${crypto.randomUUID()}@example.com` } });
}

describe(`customer addresses (${TEST_DB_KIND})`, () => {
  it('makes the first address the default for shipping and billing, and upper-cases the country code', async () => {
    const customer = await newCustomer();
    const address = await addCustomerAddress({ actor: staff, customerId: customer.id, input: home });
    expect(address).toMatchObject({ countryCode: 'GB', isDefaultShipping: true, isDefaultBilling: true });
  });

  it('keeps one default per kind: a new default shipping address takes over from the old one', async () => {
    const customer = await newCustomer();
    const first = await addCustomerAddress({ actor: staff, customerId: customer.id, input: home });
    const second = await addCustomerAddress({ actor: staff, customerId: customer.id, input: { ...work, isDefaultShipping: true } });
    const { addresses } = await getCustomerById({ id: customer.id });
    expect(addresses.find((a) => a.id === first.id)).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
    expect(addresses.find((a) => a.id === second.id)).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    await updateCustomerAddress({ actor: staff, customerId: customer.id, addressId: second.id, input: { isDefaultBilling: true } });
    const after = (await getCustomerById({ id: customer.id })).addresses;
    expect(after.filter((a) => a.isDefaultBilling).map((a) => a.id)).toEqual([second.id]);
  });

  it('holds one default under concurrent changes', async () => {
    const customer = await newCustomer();
    const added = [];
    for (let i = 0; i < 5; i++) added.push(await addCustomerAddress({ actor: staff, customerId: customer.id, input: { ...home, line1: `${i} High Street` } }));
    await Promise.all(added.map((a) => updateCustomerAddress({ actor: staff, customerId: customer.id, addressId: a.id, input: { isDefaultShipping: true } })));
    const { addresses } = await getCustomerById({ id: customer.id });
    expect(addresses.filter((a) => a.isDefaultShipping)).toHaveLength(1);
  });

  it('promotes the newest remaining address when the default is removed', async () => {
    const customer = await newCustomer();
    const first = await addCustomerAddress({ actor: staff, customerId: customer.id, input: home });
    const second = await addCustomerAddress({ actor: staff, customerId: customer.id, input: work });
    await deleteCustomerAddress({ actor: staff, customerId: customer.id, addressId: first.id });
    const { addresses } = await getCustomerById({ id: customer.id });
    expect(addresses).toEqual([expect.objectContaining({ id: second.id, isDefaultShipping: true, isDefaultBilling: true })]);
  });

  it('names the bad field and stores nothing', async () => {
    const customer = await newCustomer();
    for (const [field, input] of [
      ['countryCode', { ...home, countryCode: 'XX' }],
      ['line1', { ...home, line1: '' }],
      ['city', { ...home, city: ' ' }],
      ['phone', { ...home, phone: 'call me' }],
    ] as const) {
      const error = await addCustomerAddress({ actor: staff, customerId: customer.id, input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fieldErrors?.[0]?.path).toBe(field);
    }
    expect((await getCustomerById({ id: customer.id })).addresses).toHaveLength(0);
  });

  it('refuses a postcode that does not fit the country, naming the field and the country, and tidies case and spaces', async () => {
    const customer = await newCustomer();
    for (const [input, message] of [
      [{ ...home, postalCode: '!!' }, 'Enter a valid UK postcode, like SW1A 1AA'],
      [{ ...home, postalCode: '8001' }, 'Enter a valid UK postcode, like SW1A 1AA'],
      [{ ...work, postalCode: 'SW1A 1AA' }, 'Enter a valid postcode for France, like 75008'],
      // A country postcode-validator has no pattern for still takes only a sane code.
      [{ ...home, countryCode: 'AE', postalCode: '!!' }, 'Enter a valid postcode for United Arab Emirates'],
    ] as const) {
      const error = await addCustomerAddress({ actor: staff, customerId: customer.id, input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).fieldErrors).toEqual([{ path: 'postalCode', message }]);
    }
    expect((await getCustomerById({ id: customer.id })).addresses).toHaveLength(0);

    const saved = await addCustomerAddress({ actor: staff, customerId: customer.id, input: { ...home, postalCode: '  sw1a   1aa ' } });
    expect(saved.postalCode).toBe('SW1A 1AA');
    expect((await addCustomerAddress({ actor: staff, customerId: customer.id, input: { ...home, countryCode: 'AE', postalCode: '12-34' } })).postalCode).toBe('12-34');
    expect((await addCustomerAddress({ actor: staff, customerId: customer.id, input: { ...home, postalCode: '' } })).postalCode).toBeNull();
  });

  it('checks a changed postcode, or a changed country, against the other one as stored', async () => {
    const customer = await newCustomer();
    const address = await addCustomerAddress({ actor: staff, customerId: customer.id, input: home });
    for (const input of [{ postalCode: '8001' }, { countryCode: 'US' }]) {
      const error = await updateCustomerAddress({ actor: staff, customerId: customer.id, addressId: address.id, input }).catch((e: unknown) => e);
      expect((error as ValidationFailedError).fieldErrors?.[0]?.path).toBe('postalCode');
    }
    const moved = await updateCustomerAddress({ actor: staff, customerId: customer.id, addressId: address.id, input: { countryCode: 'CH', postalCode: '8001', city: 'Zürich' } });
    expect([moved.countryCode, moved.postalCode]).toEqual(['CH', '8001']);
  });

  it('refuses to touch another customer’s address', async () => {
    const owner = await newCustomer();
    const stranger = await newCustomer();
    const address = await addCustomerAddress({ actor: staff, customerId: owner.id, input: home });
    await expect(updateCustomerAddress({ actor: staff, customerId: stranger.id, addressId: address.id, input: { city: 'Leeds' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCustomerAddress({ actor: staff, customerId: stranger.id, addressId: address.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCustomerAddress({ actor: staff, customerId: owner.id, addressId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addCustomerAddress({ actor: staff, customerId: 'not-an-id', input: home })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCustomerById({ id: owner.id })).addresses[0].city).toBe('London');
  });
});
