// Test helper: a signed-up, verified storefront customer and their session cookie, made the way a shopper makes
// one (sign-up with name and email through the store auth endpoint, then the password chosen through the emailed
// confirmation link).
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { customerActorFromHeaders } from '@/auth/customer-actor';
import { getCustomerAuth } from '@/auth/customer-auth';
import { getStaffAuth } from '@/auth/staff-auth';
import { throwawayPassword } from '@/lib/throwaway-password';
import type { StaffRole } from '@/lib/types';
import { createStaffMember } from '@/services/staff';

/** The origin the helper's requests claim; BETTER_AUTH_URL is set to it when unset, so better-auth trusts it. */
export const STORE_TEST_ORIGIN = 'http://localhost:3000';
export const STORE_TEST_PASSWORD = 'long-enough-password';

export interface StoreCustomerSignUp {
  email: string;
  firstName: string;
  lastName: string;
  /** The password chosen on confirming; defaults to STORE_TEST_PASSWORD. */
  password?: string;
}

export interface StoreCustomerSession {
  /** A `Cookie` header value carrying the store session (`store.session_token`). */
  cookie: string;
  /** The id of the customer record the login is linked to (what `customer.id` is in a store route). */
  customerId: string;
}

// Sign-up is limited per client address and minute; each request comes from an address of its own.
let requestCount = 0;
function nextClientAddress(): string {
  requestCount += 1;
  return `198.18.${Math.floor(requestCount / 250) % 250}.${(requestCount % 250) + 1}`;
}

function outbox(): string {
  process.env.OUTBOX_DIR ||= mkdtempSync(path.join(tmpdir(), 'store-session-outbox-'));
  return process.env.OUTBOX_DIR;
}

/** The newest link in a mail to `email` in the outbox. */
function lastLinkTo(dir: string, email: string): string {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.eml') && statSync(path.join(dir, file)).isFile())
    .sort()
    .reverse();
  for (const file of files) {
    const mail = readFileSync(path.join(dir, file), 'utf8');
    if (!mail.toLowerCase().includes(`to: ${email.toLowerCase()}`)) continue;
    const link = /https?:\/\/\S+/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    if (link) return link[0];
  }
  throw new Error(`signUpStoreCustomer: no mail to ${email} in ${dir}`);
}

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function post(pathname: string, body: Record<string, unknown>): Promise<Response> {
  return getCustomerAuth().handler(
    new Request(`${STORE_TEST_ORIGIN}/api/store/auth${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: STORE_TEST_ORIGIN, 'x-forwarded-for': nextClientAddress() },
      body: JSON.stringify(body),
    }),
  );
}

/**
 * Signs up a storefront customer through getCustomerAuth().handler as the sign-up form does (a throwaway password),
 * confirms the email the way the mailed link's page does (choosing `password` with the link's token), signs in, and
 * returns the session cookie and the linked customer id. The mail is read from OUTBOX_DIR (a temporary folder
 * when unset). Call it inside a test or a beforeAll of a file that uses withTestDatabase(). Throws when any step
 * fails. The email must not have a store login yet.
 */
export async function signUpStoreCustomer({ email, firstName, lastName, password = STORE_TEST_PASSWORD }: StoreCustomerSignUp): Promise<StoreCustomerSession> {
  process.env.BETTER_AUTH_URL ||= STORE_TEST_ORIGIN;
  const dir = outbox();
  const signUp = await post('/sign-up/email', { email, password: throwawayPassword(), name: `${firstName} ${lastName}`.trim(), firstName, lastName, callbackURL: '/store/account' });
  if (signUp.status !== 200) throw new Error(`signUpStoreCustomer: sign-up answered ${signUp.status}: ${await signUp.text()}`);

  const token = new URL(lastLinkTo(dir, email)).searchParams.get('token');
  const confirm = await post('/reset-password', { newPassword: password, token });
  if (confirm.status !== 200) throw new Error(`signUpStoreCustomer: choosing the password answered ${confirm.status}: ${await confirm.text()}`);
  const signIn = await post('/sign-in/email', { email, password });
  const cookie = cookieFrom(signIn);
  if (signIn.status !== 200 || !cookie) throw new Error(`signUpStoreCustomer: sign-in answered ${signIn.status} without a session`);

  const actor = await customerActorFromHeaders(new Headers({ cookie }));
  if (!actor) throw new Error(`signUpStoreCustomer: the session of ${email} is not linked to a customer`);
  return { cookie, customerId: actor.id };
}

/**
 * Creates a staff member and signs them in through getStaffAuth().handler, returning the dashboard session cookie:
 * for checking that a staff session is not a storefront customer.
 */
export async function signInStaffMember({ email, role = 'owner', password = STORE_TEST_PASSWORD }: { email: string; role?: StaffRole; password?: string }): Promise<{ cookie: string; staffId: string }> {
  process.env.BETTER_AUTH_URL ||= STORE_TEST_ORIGIN;
  const staff = await createStaffMember({ name: `Staff ${role}`, email, password, role });
  const signIn = await getStaffAuth().handler(
    new Request(`${STORE_TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: STORE_TEST_ORIGIN, 'x-forwarded-for': nextClientAddress() },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = cookieFrom(signIn);
  if (signIn.status !== 200 || !cookie) throw new Error(`signInStaffMember: sign-in answered ${signIn.status}`);
  return { cookie, staffId: staff.id };
}
