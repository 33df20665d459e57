import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customers } from '@/db/schema';
import { createCustomer } from '@/services/customers';
import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { staffActorFromHeaders } from './actor';
import { customerActorFromHeaders } from './customer-actor';
import { getCustomerAuth } from './customer-auth';
import { getStaffAuth } from './staff-auth';

withTestDatabase();

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'long-enough-password';
let outbox = '';
let address = 0;

function post(pathname: string, body: Record<string, unknown>, cookie?: string): Promise<Response> {
  address += 1;
  return getCustomerAuth().handler(
    new Request(`${ORIGIN}/api/store/auth${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `203.0.113.${address % 250}`, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

/** The newest link in a mail to `email` in the outbox. */
function lastLinkTo(email: string): string {
  const files = readdirSync(outbox).sort();
  for (const file of files.reverse()) {
    const mail = readFileSync(path.join(outbox, file), 'utf8');
    if (!mail.includes(`To: ${email}`)) continue;
    const link = /https?:\/\/\S+/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    if (link) return link[0];
  }
  throw new Error(`no mail to ${email}`);
}

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function signUpAndVerify(email: string, firstName = 'Ada', lastName = 'Lovelace') {
  const signUp = await post('/sign-up/email', { email, password: PASSWORD, name: `${firstName} ${lastName}`, firstName, lastName, callbackURL: '/store/account' });
  expect(signUp.status).toBe(200);
  const verify = await getCustomerAuth().handler(new Request(lastLinkTo(email), { headers: { origin: ORIGIN } }));
  expect(verify.status).toBe(302);
  return cookieFrom(verify);
}

beforeAll(() => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  outbox = mkdtempSync(path.join(tmpdir(), 'store-outbox-'));
  process.env.OUTBOX_DIR = outbox;
});

describe(`storefront accounts (${TEST_DB_KIND})`, () => {
  it('signs up, cannot sign in before verifying, and the verification link signs in and creates the customer', async () => {
    const signUp = await post('/sign-up/email', { email: 'New@Shop.test', password: PASSWORD, name: 'Nia New', firstName: 'Nia', lastName: 'New' });
    expect(signUp.status).toBe(200);
    expect(cookieFrom(signUp)).toBe('');
    const early = await post('/sign-in/email', { email: 'new@shop.test', password: PASSWORD });
    expect(early.status).toBe(403);
    expect(await getDb().select().from(customers).where(eq(customers.email, 'new@shop.test'))).toHaveLength(0);

    const verify = await getCustomerAuth().handler(new Request(lastLinkTo('new@shop.test'), { headers: { origin: ORIGIN } }));
    expect(verify.status).toBe(302);
    const actor = await customerActorFromHeaders(new Headers({ cookie: cookieFrom(verify) }));
    const [customer] = await getDb().select().from(customers).where(eq(customers.email, 'new@shop.test'));
    expect(customer).toMatchObject({ firstName: 'Nia', lastName: 'New', createdById: null });
    expect(actor).toEqual({ type: 'customer', id: customer.id, role: 'customer', name: 'Nia New' });
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, customer.id));
    expect(events.map((e) => [e.type, e.actorType])).toEqual([['customer.created', 'customer']]);
  });

  it('links to the customer staff already entered with that email, only after verification', async () => {
    const staff = await createStaffMember({ name: 'Sam', email: 'sam@staff.test', password: PASSWORD, role: 'staff' });
    const existing = await createCustomer({ actor: { type: 'staff', id: staff.id, role: 'staff', name: 'Sam' }, input: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@shop.test' } });
    await post('/sign-up/email', { email: 'grace@shop.test', password: PASSWORD, name: 'Someone Else', firstName: 'Someone', lastName: 'Else' });
    const [before] = await getDb().select().from(customers).where(eq(customers.id, existing.id));
    expect(before.userId).toBeNull();

    const verify = await getCustomerAuth().handler(new Request(lastLinkTo('grace@shop.test'), { headers: { origin: ORIGIN } }));
    const actor = await customerActorFromHeaders(new Headers({ cookie: cookieFrom(verify) }));
    expect(actor?.id).toBe(existing.id);
    const [after] = await getDb().select().from(customers).where(eq(customers.id, existing.id));
    // The record keeps what staff entered; only the login is attached.
    expect(after).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', createdById: staff.id });
    expect(after.userId).not.toBeNull();
  });

  it('keeps customer and staff sessions apart', async () => {
    await createStaffMember({ name: 'Both', email: 'both@shop.test', password: PASSWORD, role: 'owner' });
    const customerCookie = await signUpAndVerify('both@shop.test', 'Bo', 'Th');
    expect(await staffActorFromHeaders(new Headers({ cookie: customerCookie }))).toBeNull();
    const staffSignIn = await getStaffAuth().handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ email: 'both@shop.test', password: PASSWORD }),
      }),
    );
    expect(staffSignIn.status).toBe(200);
    const staffCookie = cookieFrom(staffSignIn);
    expect(await customerActorFromHeaders(new Headers({ cookie: staffCookie }))).toBeNull();
    expect(await staffActorFromHeaders(new Headers({ cookie: staffCookie }))).toMatchObject({ type: 'staff', role: 'owner' });
  });

  it('resets a password by the emailed link, and the old password stops working', async () => {
    await signUpAndVerify('reset@shop.test', 'Re', 'Set');
    const request = await post('/request-password-reset', { email: 'reset@shop.test', redirectTo: '/store/reset-password' });
    expect(request.status).toBe(200);
    const link = await getCustomerAuth().handler(new Request(lastLinkTo('reset@shop.test')));
    expect(link.status).toBe(302);
    const token = new URL(link.headers.get('location')!, ORIGIN).searchParams.get('token');
    expect(token).toBeTruthy();
    expect((await post('/reset-password', { newPassword: 'a-brand-new-password', token })).status).toBe(200);
    expect((await post('/sign-in/email', { email: 'reset@shop.test', password: PASSWORD })).status).toBe(401);
    expect((await post('/sign-in/email', { email: 'reset@shop.test', password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('refuses a sign-up with a named field error', async () => {
    const response = await post('/sign-up/email', { email: 'bad@shop.test', password: 'short', name: 'x', firstName: '' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual(expect.arrayContaining([{ path: 'firstName', message: 'First name is required' }, { path: 'password', message: 'Use at least 8 characters' }]));
  });

  it('limits the mails one address can be sent', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/request-password-reset', { email: 'victim@shop.test', redirectTo: '/store/reset-password' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
