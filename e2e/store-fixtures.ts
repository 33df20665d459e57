// Storefront helpers for the e2e specs: customers made the way a shopper makes them (sign-up with name and email
// through the server's /api/store/auth endpoints, then the password chosen with the link the server wrote into its
// outbox), staff sessions, and orders entered by staff through the REST API.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from 'vitest';

import { throwawayPassword } from '@/lib/throwaway-password';

export const STORE_PASSWORD = 'store-horse-battery';

export interface StoreCustomer {
  email: string;
  firstName: string;
  lastName: string;
  /** A `Cookie` header value carrying the store session. */
  cookie: string;
  customerId: string;
}

export interface Mail {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** The first http(s) link in the body. */
  link: string | null;
}

/**
 * A private address per request: sign-up and sign-in are limited per client address and minute, and the suite
 * makes more of them than that from one machine (the server trusts X-Forwarded-For when no proxy is configured).
 */
export function clientAddress(): string {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `10.${octet()}.${octet()}.${octet()}`;
}

/** A fresh email address for this run, so that re-running against one server never meets an existing login. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@store.example`;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = Buffer.from(body.replace(/=\r?\n/g, ''), 'latin1');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const hex = bytes[i] === 0x3d ? bytes.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]);
  }
  return Buffer.from(out).toString('utf8');
}

/** Reads one .eml file written by the outbox transport (a single text part, 7bit, quoted-printable or base64). */
export function readMail(file: string): Mail {
  const raw = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const split = raw.indexOf('\n\n');
  // Folded header lines continue with whitespace.
  const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const body = raw.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1].trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { file, to: header('To').toLowerCase(), subject: header('Subject'), text, link: /https?:\/\/[^\s<>"]+/.exec(text)?.[0] ?? null };
}

/** The .eml files in the outbox now, to tell the mails an action sends from those before it. */
export function outboxFiles(outboxDir: string): Set<string> {
  try {
    return new Set(readdirSync(outboxDir).filter((file) => file.endsWith('.eml')));
  } catch {
    return new Set();
  }
}

/**
 * Waits for a mail to `to` whose subject matches, and that was not in the outbox in `before`; the newest if several.
 * Polls the folder: the server writes the file while (or just after) it answers the request that sent it.
 */
export async function waitForMail(outboxDir: string, { to, subject, before = new Set<string>() }: { to: string; subject: RegExp; before?: Set<string> }): Promise<Mail> {
  // Its own loop rather than expect.poll, which only works inside a test, not in a beforeAll.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const files = [...outboxFiles(outboxDir)].filter((file) => !before.has(file)).sort().reverse();
    const found = files.map((file) => readMail(path.join(outboxDir, file))).find((mail) => mail.to.includes(to.toLowerCase()) && subject.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a subject like ${subject} in ${outboxDir} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The `Cookie` header value for the cookies a response sets. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

/** What a browser on the shop's own pages sends with a fetch: its origin (better-auth's CSRF check) and an address. */
function authHeaders(baseURL: string): Record<string, string> {
  return { 'content-type': 'application/json', origin: baseURL, 'x-forwarded-for': clientAddress() };
}

/** A JSON request to the signed-in customer's store API. */
export function storeApi(baseURL: string, cookie: string | null) {
  return (route: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1/store${route}`, {
      ...init,
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: baseURL, ...(cookie ? { cookie } : {}) },
    });
}

/** A JSON request to the REST API with the e2e admin key. */
export function adminApi(baseURL: string, apiKey: string) {
  return (route: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${route}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } });
}

/**
 * Signs a customer up through the server's store auth endpoint as the sign-up form does (a throwaway password),
 * confirms the email as the mailed link's page does (choosing `password` with the link's token), signs in, and
 * returns that session (checked against /api/v1/store/me) with the linked customer id.
 */
export async function signUpStoreCustomerOverHttp(
  baseURL: string,
  outboxDir: string,
  { email, firstName, lastName, password = STORE_PASSWORD }: { email: string; firstName: string; lastName: string; password?: string },
): Promise<StoreCustomer> {
  const before = outboxFiles(outboxDir);
  const auth = (route: string, body: Record<string, unknown>) =>
    fetch(`${baseURL}/api/store/auth${route}`, { method: 'POST', headers: authHeaders(baseURL), body: JSON.stringify(body) });
  const signUp = await auth('/sign-up/email', { email, password: throwawayPassword(), name: `${firstName} ${lastName}`.trim(), firstName, lastName, callbackURL: '/store/verify-email' });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  // Nothing is signed in before the email is confirmed.
  expect(cookieFrom(signUp)).not.toMatch(/session_token/);

  const mail = await waitForMail(outboxDir, { to: email, subject: /confirm your email/i, before });
  const token = new URL(mail.link!).searchParams.get('token');
  expect(token).toBeTruthy();
  const confirm = await auth('/reset-password', { newPassword: password, token });
  expect(confirm.status, await confirm.clone().text()).toBe(200);
  const signIn = await auth('/sign-in/email', { email, password });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  const cookie = cookieFrom(signIn);
  expect(cookie).toMatch(/(^|; )(__Secure-)?store\.session_token=/);

  const me = await storeApi(baseURL, cookie)('/me');
  expect(me.status).toBe(200);
  const profile = (await me.json()) as { id: string; email: string };
  expect(profile.email).toBe(email);
  return { email, firstName, lastName, cookie, customerId: profile.id };
}

/**
 * Signs a staff member in through the dashboard's auth endpoint; returns the `staff.session_token` cookie (named
 * `__Secure-staff.session_token` by a production server, as the store's is `__Secure-store.session_token`).
 */
export async function staffSessionCookie(baseURL: string, credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/sign-in/email`, { method: 'POST', headers: authHeaders(baseURL), body: JSON.stringify(credentials) });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = cookieFrom(response);
  expect(cookie).toMatch(/(^|; )(__Secure-)?staff\.session_token=/);
  return cookie;
}

export interface PlacedOrder {
  id: string;
  orderNumber: string | number;
  total: number;
  status: string;
}

/** Staff enter an order for the customer through the REST API and, unless told otherwise, complete it. */
export async function placeOrder(
  baseURL: string,
  apiKey: string,
  { customerId, items, complete = true }: { customerId: string; items: { sku: string; name: string; quantity: number; unitPrice: number }[]; complete?: boolean },
): Promise<PlacedOrder> {
  const api = adminApi(baseURL, apiKey);
  const created = await api('/orders', { method: 'POST', body: JSON.stringify({ customerId, items }) });
  expect(created.status, await created.clone().text()).toBe(201);
  let order = (await created.json()) as PlacedOrder;
  if (complete) {
    const completed = await api(`/orders/${order.id}/complete`, { method: 'POST' });
    expect(completed.status, await completed.clone().text()).toBe(200);
    order = (await completed.json()) as PlacedOrder;
  }
  return order;
}
