import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';
import { canonicalEmail } from '@/lib/email-canonical';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { addCustomerAddress, createCustomer, dismissDuplicate, listDuplicateCustomers } from '../customers';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../errors';

withTestDatabase();

let staff: Actor;
let admin: Actor;
beforeAll(async () => {
  staff = await createStaffActor('staff');
  admin = await createStaffActor('admin');
});

const create = (input: { firstName: string } & Record<string, unknown>) => createCustomer({ actor: staff, input: { lastName: '', ...input } });

async function allPairs() {
  const pairs = [];
  let cursor: string | null = null;
  do {
    const page = await listDuplicateCustomers({ limit: 2, cursor });
    pairs.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return pairs;
}

async function reasonsOf(x: { id: string }, y: { id: string }) {
  const pair = (await allPairs()).find((p) => [p.a.id, p.b.id].sort().join() === [x.id, y.id].sort().join());
  return pair?.reasons ?? null;
}

describe('canonicalEmail', () => {
  it.each([
    ['Jo.Bloggs+shop@GoogleMail.com', 'jobloggs@gmail.com'],
    ['j.o.bloggs@gmail.com', 'jobloggs@gmail.com'],
    ['jo.bloggs+news@outlook.com', 'jo.bloggs@outlook.com'],
    ['jo+x@me.com', 'jo@icloud.com'],
    ['jo.bloggs+x@example.com', 'jo.bloggs+x@example.com'],
  ])('%s reaches %s', (email, mailbox) => expect(canonicalEmail(email)).toBe(mailbox));
});

describe(`listDuplicateCustomers (${TEST_DB_KIND})`, () => {
  it('pairs gmail addresses that differ by dots, +tags and googlemail.com, but not dots elsewhere', async () => {
    const a = await create({ firstName: 'Ann', email: 'ann.lee@gmail.com' });
    const b = await create({ firstName: 'Annie', email: 'annlee+shop@googlemail.com' });
    const c = await create({ firstName: 'Bob', email: 'bob.ray+a@outlook.com' });
    const d = await create({ firstName: 'Robert', email: 'bob.ray@outlook.com' });
    const e = await create({ firstName: 'Cy', email: 'cy.d@example.com' });
    const f = await create({ firstName: 'Cyd', email: 'cyd@example.com' });
    expect(await reasonsOf(a, b)).toEqual(['email']);
    expect(await reasonsOf(c, d)).toEqual(['email']);
    expect(await reasonsOf(e, f)).toBeNull();
    // The stored column follows the same table as the JS function.
    const [row] = await getDb().select({ emailCanonical: customers.emailCanonical }).from(customers).where(eq(customers.id, b.id));
    expect(row.emailCanonical).toBe(canonicalEmail('annlee+shop@googlemail.com'));
  });

  it('pairs the same E.164 phone', async () => {
    const a = await create({ firstName: 'Dee', phone: '07911 123456' });
    const b = await create({ firstName: 'Dora', phone: '+44 7911 123456' });
    expect(await reasonsOf(a, b)).toEqual(['phone']);
  });

  it('pairs similar names at the same postcode or street line, and not different names there', async () => {
    const a = await create({ firstName: 'Katherine', lastName: 'Smithson', email: 'k1@example.net' });
    const b = await create({ firstName: 'Catherine', lastName: 'Smithson', email: 'k2@example.net' });
    const stranger = await create({ firstName: 'Zed', lastName: 'Quinn', email: 'zq@example.net' });
    await addCustomerAddress({ actor: staff, customerId: a.id, input: { line1: '12 Mill Lane', city: 'Bath', postalCode: 'BA1 1AA', countryCode: 'GB' } });
    await addCustomerAddress({ actor: staff, customerId: b.id, input: { line1: 'Flat 2, 12 Mill Lane', city: 'Bath', postalCode: 'ba11aa', countryCode: 'GB' } });
    await addCustomerAddress({ actor: staff, customerId: stranger.id, input: { line1: '12 Mill Lane', city: 'Bath', postalCode: 'BA1 1AA', countryCode: 'GB' } });
    expect(await reasonsOf(a, b)).toEqual(['name_postcode']);
    expect(await reasonsOf(a, stranger)).toBeNull();

    const c = await create({ firstName: 'Jonathan', lastName: 'Parkes', email: 'jp1@example.net' });
    const d = await create({ firstName: 'Jonathon', lastName: 'Parkes', email: 'jp2@example.net' });
    await addCustomerAddress({ actor: staff, customerId: c.id, input: { line1: '7 Rose St.', city: 'Leeds', postalCode: 'LS2 9JT', countryCode: 'GB' } });
    await addCustomerAddress({ actor: staff, customerId: d.id, input: { line1: '7 rose st', city: 'Leeds', postalCode: 'LS6 1AA', countryCode: 'GB' } });
    expect(await reasonsOf(c, d)).toEqual(['name_street']);
  });

  it('gives every reason a pair has, once', async () => {
    const a = await create({ firstName: 'Eve', email: 'eve.x@gmail.com', phone: '+447911000111' });
    const b = await create({ firstName: 'Eve', email: 'evex@gmail.com', phone: '+447911000111' });
    expect(await reasonsOf(a, b)).toEqual(['email', 'phone']);
  });

  it('leaves erased customers out', async () => {
    const a = await create({ firstName: 'Fay', phone: '+447911000222' });
    const b = await create({ firstName: 'Fay', phone: '+447911000222' });
    await getDb().update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, b.id));
    expect(await reasonsOf(a, b)).toBeNull();
  });

  it('keeps a dismissed pair off the list, whichever order it was dismissed in', async () => {
    const a = await create({ firstName: 'Gus', phone: '+447911000333' });
    const b = await create({ firstName: 'Gus', phone: '+447911000333' });
    expect(await reasonsOf(a, b)).toEqual(['phone']);
    const [high, low] = [a.id, b.id].sort().reverse();
    await dismissDuplicate({ actor: admin, input: { customerAId: high, customerBId: low } });
    await dismissDuplicate({ actor: admin, input: { customerAId: low, customerBId: high } });
    expect(await reasonsOf(a, b)).toBeNull();
  });

  it('pages in a stable order without repeats, and refuses a forged cursor', async () => {
    const pairs = await allPairs();
    const keys = pairs.map((p) => `${p.a.id}:${p.b.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
    expect(pairs.every((p) => p.a.id < p.b.id)).toBe(true);
    await expect(listDuplicateCustomers({ cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('refuses a dismissal by staff, of a customer and itself, or of a missing customer', async () => {
    const a = await create({ firstName: 'Hal', email: 'hal@example.net' });
    await expect(dismissDuplicate({ actor: staff, input: { customerAId: a.id, customerBId: crypto.randomUUID() } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dismissDuplicate({ actor: admin, input: { customerAId: a.id, customerBId: a.id } })).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(dismissDuplicate({ actor: admin, input: { customerAId: a.id, customerBId: crypto.randomUUID() } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
