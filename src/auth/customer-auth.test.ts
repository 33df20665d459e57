import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createEmailVerificationToken } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerEvents, customers, storeUsers } from '@/db/schema';
import { throwawayPassword } from '@/lib/throwaway-password';
import { createCustomer } from '@/services/customers';
import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { staffActorFromHeaders } from './actor';
import { customerActorFromHeaders } from './customer-actor';
import { getCustomerAuth } from './customer-auth';
import { authSecret } from './secret';
import { isPasswordResetTokenUsable } from './store-email-confirmation';
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

async function send(pathname: string, body: Record<string, unknown>): Promise<number> {
  return (await post(pathname, body)).status;
}

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** How many mails in the outbox went to `email`. */
function mailsTo(email: string): number {
  return readdirSync(outbox).filter((file) => readFileSync(path.join(outbox, file), 'utf8').includes(`To: ${email}`)).length;
}

/**
 * What the mailbox's owner does with the newest confirmation mail: opens the link (the choose-your-password page)
 * and chooses a password, which the page's form posts to /reset-password with the link's token.
 */
async function confirmByMail(email: string, password: string): Promise<Response> {
  const link = new URL(lastLinkTo(email));
  expect(link.pathname).toBe('/store/verify-email');
  return post('/reset-password', { newPassword: password, token: link.searchParams.get('token') });
}

/** Signs in with email and password; the cookie when it worked. */
async function signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await post('/sign-in/email', { email, password });
  return { status: response.status, cookie: cookieFrom(response) };
}

/** Signs up as the storefront form does (name and email, a throwaway password), then chooses PASSWORD by the mail. */
async function signUpAndVerify(email: string, firstName = 'Ada', lastName = 'Lovelace') {
  const signUp = await post('/sign-up/email', { email, password: throwawayPassword(), name: `${firstName} ${lastName}`, firstName, lastName, callbackURL: '/store/account' });
  expect(signUp.status).toBe(200);
  expect((await confirmByMail(email, PASSWORD)).status).toBe(200);
  const { status, cookie } = await signIn(email, PASSWORD);
  expect(status).toBe(200);
  return cookie;
}

beforeAll(() => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  outbox = mkdtempSync(path.join(tmpdir(), 'store-outbox-'));
  process.env.OUTBOX_DIR = outbox;
});

describe(`storefront accounts (${TEST_DB_KIND})`, () => {
  it('signs up with name and email, cannot sign in before confirming, and choosing the password by the mailed link confirms and creates the customer', async () => {
    // What the storefront form sends: the shopper's name and email, and a random password nobody knows.
    const throwaway = throwawayPassword();
    const signUp = await post('/sign-up/email', { email: 'New@Shop.test', password: throwaway, name: 'Nia New', firstName: 'Nia', lastName: 'New' });
    expect(signUp.status).toBe(200);
    expect(cookieFrom(signUp)).toBe('');
    expect((await signIn('new@shop.test', PASSWORD)).status).toBe(401);
    // Even the throwaway password, were it known, opens nothing before the email is confirmed.
    expect((await signIn('new@shop.test', throwaway)).status).toBe(403);
    expect(await getDb().select().from(customers).where(eq(customers.email, 'new@shop.test'))).toHaveLength(0);

    expect((await confirmByMail('new@shop.test', PASSWORD)).status).toBe(200);
    expect((await signIn('new@shop.test', throwaway)).status).toBe(401);
    const { status, cookie } = await signIn('new@shop.test', PASSWORD);
    expect(status).toBe(200);
    const actor = await customerActorFromHeaders(new Headers({ cookie }));
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

    expect((await confirmByMail('grace@shop.test', 'grace-chose-this')).status).toBe(200);
    const actor = await customerActorFromHeaders(new Headers({ cookie: (await signIn('grace@shop.test', 'grace-chose-this')).cookie }));
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
    // The reset page checks the token before it shows the form: good until used, then (and when unknown) not.
    const internal = (await getCustomerAuth().$context).internalAdapter;
    expect(await isPasswordResetTokenUsable(internal, token!)).toBe(true);
    expect((await post('/reset-password', { newPassword: 'a-brand-new-password', token })).status).toBe(200);
    expect(await isPasswordResetTokenUsable(internal, token!)).toBe(false);
    expect(await isPasswordResetTokenUsable(internal, 'not-a-token')).toBe(false);
    expect((await post('/sign-in/email', { email: 'reset@shop.test', password: PASSWORD })).status).toBe(401);
    expect((await post('/sign-in/email', { email: 'reset@shop.test', password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('says a reset token has expired after its hour', async () => {
    await signUpAndVerify('late@shop.test', 'La', 'Te');
    expect((await post('/request-password-reset', { email: 'late@shop.test', redirectTo: '/store/reset-password' })).status).toBe(200);
    const link = await getCustomerAuth().handler(new Request(lastLinkTo('late@shop.test')));
    const token = new URL(link.headers.get('location')!, ORIGIN).searchParams.get('token')!;
    const internal = (await getCustomerAuth().$context).internalAdapter;
    expect(await isPasswordResetTokenUsable(internal, token, Date.now() + 59 * 60 * 1000)).toBe(true);
    expect(await isPasswordResetTokenUsable(internal, token, Date.now() + 61 * 60 * 1000)).toBe(false);
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

  it('gives the account to whoever controls the mailbox: the password given at sign-up by someone else never survives', async () => {
    const staff = await createStaffMember({ name: 'Sue', email: 'sue@staff.test', password: PASSWORD, role: 'staff' });
    const victim = await createCustomer({ actor: { type: 'staff', id: staff.id, role: 'staff', name: 'Sue' }, input: { firstName: 'Vera', lastName: 'Victim', email: 'vera@shop.test' } });
    const ATTACKER_PASSWORD = 'mallory-knows-this';
    const VICTIM_PASSWORD = 'vera-chose-this-one';

    // The attacker signs up through the API (the store's form asks for no password) with the victim's email and a
    // password of their own, and signs in to have a link sent.
    expect((await post('/sign-up/email', { email: 'vera@shop.test', password: ATTACKER_PASSWORD, name: 'Mallory', firstName: 'Mallory' })).status).toBe(200);
    expect((await signIn('vera@shop.test', ATTACKER_PASSWORD)).status).toBe(403);
    expect(await send('/send-verification-email', { email: 'vera@shop.test', callbackURL: '/store/verify-email' })).toBe(200);

    // The victim opens the mail: the link asks for a password, and confirming means choosing it.
    expect((await confirmByMail('vera@shop.test', VICTIM_PASSWORD)).status).toBe(200);

    expect((await signIn('vera@shop.test', ATTACKER_PASSWORD)).status).toBe(401);
    const { status, cookie } = await signIn('vera@shop.test', VICTIM_PASSWORD);
    expect(status).toBe(200);
    expect((await customerActorFromHeaders(new Headers({ cookie })))?.id).toBe(victim.id);
    const [linked] = await getDb().select().from(customers).where(eq(customers.id, victim.id));
    expect(linked.userId).not.toBeNull();
  });

  it('answers a second sign-up for an unconfirmed email like a new one, and mails the owner a link to choose the password', async () => {
    expect((await post('/sign-up/email', { email: 'twice@shop.test', password: 'first-comer-password', name: 'First', firstName: 'First' })).status).toBe(200);
    const before = new URL(lastLinkTo('twice@shop.test')).searchParams.get('token');
    // Sent to another host name (a forged Host header): the mailed link still goes to the shop's own address.
    const second = await getCustomerAuth().handler(
      new Request('http://evil.test/api/store/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ email: 'twice@shop.test', password: 'owner-password-1', name: 'Owner', firstName: 'Owner' }),
      }),
    );
    expect(second.status).toBe(200);
    expect(cookieFrom(second)).toBe('');
    const link = new URL(lastLinkTo('twice@shop.test'));
    expect(link.origin).toBe(ORIGIN);
    expect(link.searchParams.get('token')).not.toBe(before);

    expect((await confirmByMail('twice@shop.test', 'owner-password-2')).status).toBe(200);
    expect((await signIn('twice@shop.test', 'first-comer-password')).status).toBe(401);
    expect((await signIn('twice@shop.test', 'owner-password-2')).status).toBe(200);
    // The first mail's link died with the confirmation: it cannot replace the password just chosen.
    const stale = await post('/reset-password', { newPassword: 'stale-link-password', token: before });
    expect(stale.status).toBe(400);
    expect((await signIn('twice@shop.test', 'owner-password-2')).status).toBe(200);
  });

  it("refuses better-auth's own verification link, which would confirm an email without a password being chosen", async () => {
    await post('/sign-up/email', { email: 'jwt@shop.test', password: PASSWORD, name: 'Jo', firstName: 'Jo' });
    const [user] = await getDb().select().from(storeUsers).where(eq(storeUsers.email, 'jwt@shop.test'));
    const token = await createEmailVerificationToken(authSecret(), 'jwt@shop.test', undefined, 3600, { userId: user.id });
    const response = await getCustomerAuth().handler(new Request(`${ORIGIN}/api/store/auth/verify-email?token=${token}&callbackURL=%2Fstore%2Faccount`));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/store/verify-email?error=LINK_REPLACED');
    expect(response.headers.getSetCookie().join()).not.toMatch(/session_token/);
    expect((await signIn('jwt@shop.test', PASSWORD)).status).toBe(403);
  });

  it('sends no mail when an unconfirmed account signs in; sending the link again is limited to 3 mails per email', async () => {
    await post('/sign-up/email', { email: 'slow@shop.test', password: PASSWORD, name: 'Slow', firstName: 'Slow' });
    expect(mailsTo('slow@shop.test')).toBe(1);
    const signIns = [];
    for (let i = 0; i < 6; i++) signIns.push((await signIn('slow@shop.test', PASSWORD)).status);
    expect(signIns).toEqual([403, 403, 403, 403, 403, 403]);
    expect(mailsTo('slow@shop.test')).toBe(1);

    const resends = [];
    for (let i = 0; i < 3; i++) resends.push(await send('/send-verification-email', { email: 'slow@shop.test', callbackURL: '/store/verify-email?next=%2Fstore%2Faccount%2Forders' }));
    expect(resends).toEqual([200, 200, 429]);
    expect(mailsTo('slow@shop.test')).toBe(3);
    // The link sent from the sign-in form keeps where the customer was going.
    expect(new URL(lastLinkTo('slow@shop.test')).searchParams.get('next')).toBe('/store/account/orders');
  });
});
