import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customers, storeUsers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, createCustomer, deleteCustomer, getCustomerById, updateCustomer } from '../customers';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';
import { ACCOUNT_LINK_CONFLICT, linkVerifiedStoreLogin } from './link-account';

withTestDatabase();

let staff: Actor;
beforeAll(async () => {
  staff = await createStaffActor();
});

/** A verified storefront login, as better-auth leaves it after the emailed link was opened. */
async function login(email: string, firstName = 'Lin', lastName = 'King') {
  const id = crypto.randomUUID();
  await getDb().insert(storeUsers).values({ id, name: `${firstName} ${lastName}`, email, emailVerified: true, firstName, lastName });
  return { id, email, firstName, lastName };
}

const customerActor = (id: string): Actor => ({ type: 'customer', id, role: 'customer', name: 'Self' });

describe(`linking a verified store login to its customer (${TEST_DB_KIND})`, () => {
  it('creates a customer with no creator for a new email, and answers the same customer on every later call', async () => {
    const user = await login('fresh@shop.test', 'Fay', 'Fresh');
    const first = await linkVerifiedStoreLogin(user);
    expect(first.linked).toBe('new');
    const [row] = await getDb().select().from(customers).where(eq(customers.id, first.customerId));
    expect(row).toMatchObject({ firstName: 'Fay', lastName: 'Fresh', email: 'fresh@shop.test', createdById: null, userId: user.id });
    expect(await linkVerifiedStoreLogin(user)).toEqual({ customerId: first.customerId, linked: 'already' });
  });

  it('claims the customer a staff member entered, keeping what staff entered', async () => {
    const existing = await createCustomer({ actor: staff, input: { firstName: 'Old', lastName: 'Record', email: 'known@shop.test', notes: 'Prefers phone calls' } });
    const user = await login('known@shop.test', 'New', 'Name');
    expect(await linkVerifiedStoreLogin(user)).toEqual({ customerId: existing.id, linked: 'existing' });
    const detail = await getCustomerById({ id: existing.id });
    expect(detail).toMatchObject({ firstName: 'Old', lastName: 'Record', notes: 'Prefers phone calls', userId: user.id, version: existing.version + 1 });
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, existing.id));
    expect(events.map((e) => [e.type, e.actorType])).toContainEqual(['customer.account_linked', 'customer']);
  });

  it('refuses to link a customer that already belongs to another login', async () => {
    const first = await login('taken@shop.test');
    const { customerId } = await linkVerifiedStoreLogin(first);
    // Staff changed the first login's customer to an email that a second login then signs up with.
    await updateCustomer({ actor: staff, id: customerId, input: { email: 'second@shop.test' } });
    const second = await login('second@shop.test');
    await expect(linkVerifiedStoreLogin(second)).rejects.toThrow(new ConflictError(ACCOUNT_LINK_CONFLICT));
  });

  it('links once when the verification link and the first page load race', async () => {
    const user = await login('racer@shop.test');
    const results = await Promise.all(Array.from({ length: 8 }, () => linkVerifiedStoreLogin(user)));
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(results.filter((r) => r.linked === 'new')).toHaveLength(1);
    expect(await getDb().select().from(customers).where(eq(customers.email, 'racer@shop.test'))).toHaveLength(1);
  });

  it('races to claim an existing customer: one claim, one event', async () => {
    const existing = await createCustomer({ actor: staff, input: { firstName: 'Guest', email: 'guest@shop.test' } });
    const user = await login('guest@shop.test');
    const results = await Promise.all(Array.from({ length: 8 }, () => linkVerifiedStoreLogin(user)));
    expect(results.every((r) => r.customerId === existing.id)).toBe(true);
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, existing.id));
    expect(events.filter((e) => e.type === 'customer.account_linked')).toHaveLength(1);
  });
});

describe(`what a customer actor may do (${TEST_DB_KIND})`, () => {
  it('edits only their own name, phone and consent, and the consent gets a time', async () => {
    const me = await createCustomer({ actor: staff, input: { firstName: 'Me', email: 'me@shop.test' } });
    const other = await createCustomer({ actor: staff, input: { firstName: 'Other', email: 'other@shop.test' } });
    const updated = await updateCustomer({ actor: customerActor(me.id), id: me.id, input: { phone: '+44 7911 123456', emailMarketingConsent: true } });
    expect(updated).toMatchObject({ phone: '+447911123456', emailMarketingConsent: true });
    expect(updated.emailConsentAt).not.toBeNull();

    await expect(updateCustomer({ actor: customerActor(me.id), id: other.id, input: { firstName: 'Hacked' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCustomer({ actor: customerActor(me.id), id: me.id, input: { customerGroupId: null } as never })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(updateCustomer({ actor: customerActor(me.id), id: me.id, input: { notes: 'x' } as never })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(addCustomerAddress({ actor: customerActor(me.id), customerId: other.id, input: { line1: '1 A St', city: 'Leeds', countryCode: 'GB' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getCustomerById({ id: other.id })).toMatchObject({ firstName: 'Other', addresses: [], version: other.version });
  });

  it('is refused by every staff operation, even on their own record', async () => {
    const me = await createCustomer({ actor: staff, input: { firstName: 'Me', email: 'me2@shop.test' } });
    await expect(createCustomer({ actor: customerActor(me.id), input: { firstName: 'X', email: 'x@shop.test' } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteCustomer({ actor: customerActor(me.id), id: me.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
