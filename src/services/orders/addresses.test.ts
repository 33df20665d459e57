import { beforeAll, describe, expect, it } from 'vitest';

import type { Actor, OrderAddress } from '@/lib/types';
import type { OrderCreateInput } from '@/lib/validation/order';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, deleteCustomerAddress, updateCustomerAddress } from '../customer-addresses';
import { createCustomer } from '../customers';
import { ValidationFailedError } from '../errors';
import { createOrder, getOrderById } from '../orders';
import { eraseCustomer, exportCustomerData } from '../privacy';

withTestDatabase();

let admin: Actor;
beforeAll(async () => {
  admin = await createStaffActor('admin', 'Ann Admin');
});

const HOME = { firstName: 'Ada', lastName: 'Lovelace', line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', countryCode: 'GB' };
const OFFICE = { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines Ltd', line1: '1 Dock Road', line2: 'Unit 4', city: 'Leeds', region: 'West Yorkshire', postalCode: 'LS1 4AP', countryCode: 'GB', phone: '+44 7911 123456' };

const snapshot = (address: Partial<OrderAddress> & Pick<OrderAddress, 'line1' | 'city' | 'countryCode'>): OrderAddress => ({
  firstName: '', lastName: '', company: null, line2: null, region: null, postalCode: null, phone: null, ...address,
});

async function customerWith(...addresses: (typeof HOME & { isDefaultShipping?: boolean; isDefaultBilling?: boolean })[]) {
  const customer = await createCustomer({ actor: admin, input: { firstName: 'Ada', lastName: 'Lovelace', email: `${crypto.randomUUID()}@example.com` } });
  const added = [];
  for (const address of addresses) added.push(await addCustomerAddress({ actor: admin, customerId: customer.id, input: address }));
  return { id: customer.id, addresses: added };
}

function place(customerId: string, extra: Partial<OrderCreateInput> = {}) {
  return createOrder({ actor: admin, input: { customerId, items: [{ sku: 'MUG-1', name: 'Mug', quantity: 1, unitPrice: 1250 }], ...extra } });
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationFailedError);
  return ((error as ValidationFailedError).fieldErrors ?? []).map((field) => field.path);
}

describe(`order addresses (${TEST_DB_KIND})`, () => {
  it("copies the customer's default shipping and billing addresses when none is given", async () => {
    const customer = await customerWith(HOME, { ...OFFICE, isDefaultBilling: true });
    const order = await place(customer.id);
    expect(order.shippingAddress).toEqual(snapshot(HOME));
    expect(order.billingAddress).toEqual(snapshot({ ...OFFICE, phone: '+447911123456' }));
    expect(await getOrderById({ id: order.id })).toMatchObject({ shippingAddress: order.shippingAddress, billingAddress: order.billingAddress });
  });

  it('bills the shipping address when the customer has no default billing address, and records none for a customer without addresses', async () => {
    const customer = await customerWith(HOME);
    await updateCustomerAddress({ actor: admin, customerId: customer.id, addressId: customer.addresses[0].id, input: { isDefaultBilling: false } });
    const order = await place(customer.id);
    expect(order.billingAddress).toEqual(snapshot(HOME));
    expect(order.shippingAddress).toEqual(order.billingAddress);

    const bare = await customerWith();
    expect(await place(bare.id)).toMatchObject({ shippingAddress: null, billingAddress: null });
  });

  it('keeps an address given in the order as given (normalised by the address rules), and null means none', async () => {
    const customer = await customerWith(HOME);
    const order = await place(customer.id, { shippingAddress: { ...OFFICE, countryCode: 'gb', company: '  ' }, billingAddress: null });
    expect(order.shippingAddress).toEqual(snapshot({ ...OFFICE, company: null, phone: '+447911123456' }));
    expect(order.billingAddress).toBeNull();
  });

  it("takes one of the customer's own addresses by id, and refuses another customer's naming the field", async () => {
    const customer = await customerWith(HOME, OFFICE);
    const other = await customerWith(HOME);
    const order = await place(customer.id, { shippingAddressId: customer.addresses[1].id, billingAddressId: customer.addresses[0].id });
    expect(order.shippingAddress).toMatchObject({ line1: OFFICE.line1, company: OFFICE.company });
    expect(order.billingAddress).toMatchObject({ line1: HOME.line1 });

    expect(await fieldsOf(place(customer.id, { shippingAddressId: other.addresses[0].id }))).toEqual(['shippingAddressId']);
    expect(await fieldsOf(place(customer.id, { billingAddressId: crypto.randomUUID() }))).toEqual(['billingAddressId']);
    expect(await fieldsOf(place(customer.id, { shippingAddressId: customer.addresses[0].id, shippingAddress: HOME }))).toEqual(['shippingAddressId']);
  });

  it('names the invalid field of an address given in the order', async () => {
    const customer = await customerWith();
    const fields = await fieldsOf(place(customer.id, { shippingAddress: { ...HOME, city: '', countryCode: 'XX' }, billingAddress: { ...HOME, postcode: 'SW1' } as never }));
    expect(fields).toEqual(expect.arrayContaining(['shippingAddress.city', 'shippingAddress.countryCode', 'billingAddress']));
  });

  it("checks an order address's postcode against its country, as the address book does", async () => {
    const customer = await customerWith();
    expect(await fieldsOf(place(customer.id, { shippingAddress: { ...HOME, postalCode: '8001' } }))).toEqual(['shippingAddress.postalCode']);
    const order = await place(customer.id, { shippingAddress: { ...HOME, postalCode: ' sw1y  4jh ' } });
    expect(order.shippingAddress?.postalCode).toBe('SW1Y 4JH');
  });

  it("is a copy: editing or deleting the customer's address later leaves the order's address as it was", async () => {
    const customer = await customerWith(HOME);
    const order = await place(customer.id);
    await updateCustomerAddress({ actor: admin, customerId: customer.id, addressId: customer.addresses[0].id, input: { line1: '99 Elsewhere Road', city: 'Bath' } });
    expect((await getOrderById({ id: order.id })).shippingAddress).toEqual(snapshot(HOME));
    await deleteCustomerAddress({ actor: admin, customerId: customer.id, addressId: customer.addresses[0].id });
    expect(await getOrderById({ id: order.id })).toMatchObject({ shippingAddress: snapshot(HOME), billingAddress: snapshot(HOME) });
  });

  it("is in the person's data export, and an erasure blanks both copies while the order stays", async () => {
    const customer = await customerWith(HOME, { ...OFFICE, isDefaultBilling: true });
    const order = await place(customer.id);
    const exported = await exportCustomerData({ actor: admin, customerId: customer.id });
    expect(exported.orders[0]).toMatchObject({ id: order.id, shippingAddress: snapshot(HOME), billingAddress: expect.objectContaining({ line1: OFFICE.line1 }) });

    await eraseCustomer({ actor: admin, customerId: customer.id, input: { confirm: 'ERASE' } });
    expect(await getOrderById({ id: order.id })).toMatchObject({ id: order.id, total: 1250, shippingAddress: null, billingAddress: null });
  });
});
