import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customerGroups, customers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCustomer, deleteCustomer, getCustomerById, listCustomerEvents, updateCustomer } from './customers';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from './errors';

withTestDatabase();

let staff: Actor & { type: 'staff' };
let admin: Actor;

beforeAll(async () => {
  staff = await createStaffActor('staff', 'Sam Staff');
  admin = await createStaffActor('admin');
});

async function expectFieldError(promise: Promise<unknown>, errorClass: typeof ValidationFailedError | typeof ConflictError, path: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errorClass);
  expect((error as ValidationFailedError).fieldErrors?.map((f) => f.path)).toContain(path);
}

describe(`createCustomer (${TEST_DB_KIND})`, () => {
  it('normalises email to lower case and phone to E.164, and records the creating staff member', async () => {
    const customer = await createCustomer({
      actor: staff,
      input: { firstName: ' Ada ', lastName: 'Lovelace', email: 'Ada.Lovelace@Example.COM', phone: '07911 123456', tags: ['vip', 'VIP', 'london'] },
    });
    expect(customer).toMatchObject({ firstName: 'Ada', email: 'ada.lovelace@example.com', phone: '+447911123456', createdById: staff.id, version: 1 });
    expect(customer.tags).toEqual(['vip', 'london']);
    const detail = await getCustomerById({ id: customer.id });
    expect(detail.createdBy).toEqual({ id: staff.id, name: 'Sam Staff' });
    const events = await listCustomerEvents({ customerId: customer.id });
    expect(events.data.map((e) => e.type)).toEqual(['customer.created']);
  });

  it('rejects an email that differs only in case from an existing one, naming the email field', async () => {
    await createCustomer({ actor: staff, input: { firstName: 'Grace', email: 'grace@example.com' } });
    await expectFieldError(createCustomer({ actor: staff, input: { firstName: 'Other', email: 'GRACE@example.com' } }), ConflictError, 'email');
    const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers).where(eq(customers.firstName, 'Other'));
    expect(count).toBe(0);
  });

  it.each([
    ['email', { firstName: 'X', email: 'not-an-email' }],
    ['phone', { firstName: 'X', phone: '12' }],
    ['firstName', { firstName: '  ', email: 'blank@example.com' }],
    ['email', { firstName: 'No contact' }],
    ['customerGroupId', { firstName: 'X', email: 'g@example.com', customerGroupId: 'nope' }],
    ['smsMarketingConsent', { firstName: 'X', email: 'sms@example.com', smsMarketingConsent: true }],
  ])('refuses bad input naming the field %s, and stores nothing', async (path, input) => {
    const before = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers);
    await expectFieldError(createCustomer({ actor: staff, input }), ValidationFailedError, path);
    const after = await getDb().select({ count: sql<number>`count(*)::int` }).from(customers);
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses a group id that does not exist, naming customerGroupId', async () => {
    await expectFieldError(
      createCustomer({ actor: staff, input: { firstName: 'X', email: 'nogroup@example.com', customerGroupId: crypto.randomUUID() } }),
      ValidationFailedError,
      'customerGroupId',
    );
  });

  it('records when marketing consent was given', async () => {
    const customer = await createCustomer({ actor: staff, input: { firstName: 'C', email: 'consent@example.com', emailMarketingConsent: true } });
    expect(customer.emailConsentAt).not.toBeNull();
    expect(customer.smsConsentAt).toBeNull();
  });
});

describe(`updateCustomer (${TEST_DB_KIND})`, () => {
  it('applies a partial update, bumps the version and records the changed fields on the timeline', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Alan', email: 'alan@example.com' } });
    const updated = await updateCustomer({ actor: staff, id: created.id, input: { company: 'Bletchley', version: 1 } });
    expect(updated).toMatchObject({ firstName: 'Alan', company: 'Bletchley', version: 2 });
    const events = await listCustomerEvents({ customerId: created.id });
    expect(events.data[0]).toMatchObject({ type: 'customer.updated', actorId: staff.id, data: { changes: { company: [null, 'Bletchley'] } } });
  });

  it('edits an imported customer that has no email or phone, but keeps a staff-entered one reachable', async () => {
    const [imported] = await getDb().insert(customers).values({ firstName: 'Customer', lastName: '17850', externalId: '17850' }).returning();
    const updated = await updateCustomer({ actor: staff, id: imported.id, input: { company: 'Hearts & Lanterns', version: imported.version } });
    expect(updated).toMatchObject({ company: 'Hearts & Lanterns', email: null, phone: null });
    const entered = await createCustomer({ actor: staff, input: { firstName: 'Reach', email: 'reach@example.com' } });
    await expectFieldError(updateCustomer({ actor: staff, id: entered.id, input: { email: '' } }), ValidationFailedError, 'email');
  });

  it('leaves the fields it was not sent as they were', async () => {
    const created = await createCustomer({
      actor: staff,
      input: { firstName: 'Keep', lastName: 'Fields', email: 'keep@example.com', notes: 'likes tea', tags: ['trade'], emailMarketingConsent: true },
    });
    const updated = await updateCustomer({ actor: staff, id: created.id, input: { company: 'Teapots Ltd' } });
    expect(updated).toMatchObject({ lastName: 'Fields', notes: 'likes tea', tags: ['trade'], emailMarketingConsent: true, company: 'Teapots Ltd' });
    expect(updated.emailConsentAt).toBe(created.emailConsentAt);
  });

  it('refuses a stale version instead of overwriting the newer edit', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Stale', email: 'stale@example.com' } });
    await updateCustomer({ actor: staff, id: created.id, input: { notes: 'first edit', version: 1 } });
    await expectFieldError(updateCustomer({ actor: admin, id: created.id, input: { notes: 'second edit', version: 1 } }), ConflictError, 'version');
    expect((await getCustomerById({ id: created.id })).notes).toBe('first edit');
  });

  it('lets exactly one of several concurrent edits from the same version win', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Race', email: 'race@example.com' } });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => updateCustomer({ actor: staff, id: created.id, input: { notes: `edit ${i}`, version: 1 } })),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    const final = await getCustomerById({ id: created.id });
    expect(final.version).toBe(2);
    expect(final.notes).toBe((winners[0] as PromiseFulfilledResult<{ notes: string }>).value.notes);
  });

  it('refuses to remove the last contact detail, naming email', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Only', email: 'only@example.com' } });
    await expectFieldError(updateCustomer({ actor: staff, id: created.id, input: { email: null } }), ValidationFailedError, 'email');
    expect((await getCustomerById({ id: created.id })).email).toBe('only@example.com');
  });

  it('refuses taking another customer’s email', async () => {
    await createCustomer({ actor: staff, input: { firstName: 'A', email: 'taken@example.com' } });
    const other = await createCustomer({ actor: staff, input: { firstName: 'B', email: 'free@example.com' } });
    await expectFieldError(updateCustomer({ actor: staff, id: other.id, input: { email: 'Taken@Example.com' } }), ConflictError, 'email');
  });

  it('records a group change as its own timeline event', async () => {
    const [vip] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
    const created = await createCustomer({ actor: staff, input: { firstName: 'G', email: 'group@example.com' } });
    const updated = await updateCustomer({ actor: staff, id: created.id, input: { customerGroupId: vip.id } });
    expect(updated.customerGroup).toEqual({ id: vip.id, name: 'VIP' });
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, created.id));
    expect(events.map((e) => e.type)).toContain('customer.group_changed');
  });

  it('answers NotFoundError for an unknown id', async () => {
    await expect(updateCustomer({ actor: staff, id: crypto.randomUUID(), input: { notes: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCustomerById({ id: 'not-a-uuid' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(`deleteCustomer (${TEST_DB_KIND})`, () => {
  it('is refused for the staff role and allowed for an admin', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Del', email: 'del@example.com' } });
    await expect(deleteCustomer({ actor: staff, id: created.id })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteCustomer({ actor: admin, id: created.id });
    await expect(getCustomerById({ id: created.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses to delete a customer with orders, keeping the row', async () => {
    const created = await createCustomer({ actor: staff, input: { firstName: 'Buyer', email: 'buyer@example.com' } });
    await getDb().update(customers).set({ orderCount: 2, totalSpend: 5000 }).where(eq(customers.id, created.id));
    await expect(deleteCustomer({ actor: admin, id: created.id })).rejects.toThrow(/2 order/);
    expect((await getCustomerById({ id: created.id })).totalSpend).toBe(5000);
  });
});
