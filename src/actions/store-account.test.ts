import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { customerAddresses, customers } from '@/db/schema';
import type { CustomerAddress } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';
import { signUpStoreCustomer, signInStaffMember, type StoreCustomerSession } from '@/test/store-session';

// The actions read the session from the request's headers and refresh the account pages after a write; here the
// request is whatever cookie the test puts in `requestCookie`, and refreshing is a no-op.
let requestCookie = '';
vi.mock('next/headers', () => ({ headers: async () => new Headers(requestCookie ? { cookie: requestCookie } : {}) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { addAddressAction, deleteAddressAction, saveProfileAction, setDefaultAddressAction, updateAddressAction } = await import('./store-account');

withTestDatabase();

const ADDRESS_NOT_FOUND = 'No address with this id for this customer';

let ada: StoreCustomerSession;
let bob: StoreCustomerSession;
let bobHome: CustomerAddress;
let bobWork: CustomerAddress;
let adaHome: CustomerAddress;

function as(session: StoreCustomerSession | { cookie: string } | null) {
  requestCookie = session?.cookie ?? '';
}

async function addressRows(customerId: string) {
  return getDb().select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).orderBy(asc(customerAddresses.id));
}

async function customerRow(customerId: string) {
  const [row] = await getDb().select().from(customers).where(eq(customers.id, customerId));
  return row;
}

/** What Next's redirect() throws: its digest names the target. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => {
      throw new Error('expected a redirect, the action returned');
    },
    (thrown: unknown) => thrown,
  );
  const digest = (error as { digest?: unknown }).digest;
  expect(typeof digest, String(error)).toBe('string');
  const [kind, , url] = (digest as string).split(';');
  expect(kind).toBe('NEXT_REDIRECT');
  return url;
}

beforeAll(async () => {
  ada = await signUpStoreCustomer({ email: 'ada@actions.test', firstName: 'Ada', lastName: 'Lovelace' });
  bob = await signUpStoreCustomer({ email: 'bob@actions.test', firstName: 'Bob', lastName: 'Builder' });
});

beforeEach(() => as(null));

describe(`account server actions (${TEST_DB_KIND})`, () => {
  it("each customer's actions change only their own record: the first address is both defaults, a second can take the shipping one", async () => {
    as(bob);
    const home = await addAddressAction({ line1: '5 Bob Street', city: 'Bristol', countryCode: 'GB' });
    const work = await addAddressAction({ line1: '6 Site Road', city: 'Bath', countryCode: 'GB' });
    if (!home.ok || !work.ok) throw new Error(`Bob's addresses were refused: ${JSON.stringify([home, work])}`);
    [bobHome, bobWork] = [home.data, work.data];
    expect(bobHome).toMatchObject({ customerId: bob.customerId, isDefaultShipping: true, isDefaultBilling: true });

    as(ada);
    const own = await addAddressAction({ line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', countryCode: 'GB' });
    if (!own.ok) throw new Error(own.message);
    adaHome = own.data;
    expect(adaHome.customerId).toBe(ada.customerId);
    const profile = await saveProfileAction({ phone: '+442079460000', emailMarketingConsent: true });
    expect(profile).toMatchObject({ ok: true, data: { phone: '+442079460000', emailMarketingConsent: true } });

    expect((await addressRows(bob.customerId)).map((row) => row.city).sort()).toEqual(['Bath', 'Bristol']);
    expect((await addressRows(ada.customerId)).map((row) => row.city)).toEqual(['London']);
  });

  it("answers not-found to every address action naming another customer's address, and changes nothing of either", async () => {
    as(ada);
    const bobBefore = await addressRows(bob.customerId);
    const adaBefore = await addressRows(ada.customerId);
    const bobCustomerBefore = await customerRow(bob.customerId);

    for (const { id } of [bobHome, bobWork]) {
      const attempts = {
        update: await updateAddressAction(id, { city: 'Stolen', isDefaultShipping: true, isDefaultBilling: true }),
        shipping: await setDefaultAddressAction(id, 'shipping'),
        billing: await setDefaultAddressAction(id, 'billing'),
        delete: await deleteAddressAction(id),
      };
      for (const [name, result] of Object.entries(attempts)) {
        // The same answer as for an address that does not exist at all.
        expect(result, name).toEqual({ ok: false, message: ADDRESS_NOT_FOUND, fieldErrors: [] });
      }
    }
    expect(await updateAddressAction(crypto.randomUUID(), { city: 'Nowhere' })).toEqual({ ok: false, message: ADDRESS_NOT_FOUND, fieldErrors: [] });

    expect(await addressRows(bob.customerId)).toEqual(bobBefore);
    expect(await addressRows(ada.customerId)).toEqual(adaBefore);
    expect(await customerRow(bob.customerId)).toEqual(bobCustomerBefore);
  });

  it("refuses a profile or address naming another customer's id instead of applying it anywhere", async () => {
    as(ada);
    const bobCustomerBefore = await customerRow(bob.customerId);
    const bobBefore = await addressRows(bob.customerId);
    const adaVersion = (await customerRow(ada.customerId)).version;

    const profile = await saveProfileAction({ firstName: 'Mallory', id: bob.customerId } as never);
    expect(profile.ok).toBe(false);
    const address = await addAddressAction({ line1: '1 Planted Lane', city: 'Leeds', countryCode: 'GB', customerId: bob.customerId } as never);
    // Either refused, or (if the field were ignored) added to Ada: never to Bob.
    if (address.ok) expect(address.data.customerId).toBe(ada.customerId);

    expect(await customerRow(bob.customerId)).toEqual(bobCustomerBefore);
    expect(await addressRows(bob.customerId)).toEqual(bobBefore);
    expect((await customerRow(ada.customerId)).firstName).toBe('Ada');
    expect((await customerRow(ada.customerId)).version).toBe(adaVersion);
  });

  it('sends every action to the store sign-in without a session, and writes nothing', async () => {
    const before = [await addressRows(ada.customerId), await addressRows(bob.customerId), await customerRow(ada.customerId)];
    const calls = {
      saveProfileAction: () => saveProfileAction({ firstName: 'Nobody' }),
      addAddressAction: () => addAddressAction({ line1: '1 Anon Road', city: 'York', countryCode: 'GB' }),
      updateAddressAction: () => updateAddressAction(adaHome.id, { city: 'York' }),
      deleteAddressAction: () => deleteAddressAction(adaHome.id),
      setDefaultAddressAction: () => setDefaultAddressAction(bobWork.id, 'shipping'),
    };
    for (const cookie of [null, { cookie: 'store.session_token=forged.value' }]) {
      as(cookie);
      for (const [name, call] of Object.entries(calls)) expect(await redirectTarget(call), name).toBe('/store/sign-in');
    }
    expect([await addressRows(ada.customerId), await addressRows(bob.customerId), await customerRow(ada.customerId)]).toEqual(before);
  });

  it('treats a staff session as no customer at all', async () => {
    const staff = await signInStaffMember({ email: 'owner@actions.test' });
    as(staff);
    expect(await redirectTarget(() => deleteAddressAction(bobHome.id))).toBe('/store/sign-in');
    expect(await redirectTarget(() => saveProfileAction({ firstName: 'Staffer' }))).toBe('/store/sign-in');
    expect(await addressRows(bob.customerId)).toHaveLength(2);
  });
});
