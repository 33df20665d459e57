import { beforeAll, describe, expect, it } from 'vitest';

import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { staffActorFromHeaders } from './actor';
import { SIGN_IN_LIMIT, getStaffAuth } from './staff-auth';

withTestDatabase();

const ORIGIN = 'http://localhost:3000';

function signIn(email: string, password: string, ip: string, origin = ORIGIN, host?: string): Promise<Response> {
  return getStaffAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': ip, ...(host ? { host } : {}) },
      body: JSON.stringify({ email, password }),
    }),
  );
}

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  await createStaffMember({ name: 'Rita Admin', email: 'rita@shop.test', password: 'long-enough-password', role: 'admin' });
});

describe(`staff sign-in (${TEST_DB_KIND})`, () => {
  it('signs in with the password set by createStaffMember and the session names the role', async () => {
    const response = await signIn('Rita@Shop.test', 'long-enough-password', '10.0.0.1');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('staff.session_token=');
    const sessionCookie = cookie.split(';')[0];
    const actor = await staffActorFromHeaders(new Headers({ cookie: sessionCookie }));
    expect(actor).toMatchObject({ type: 'staff', role: 'admin', name: 'Rita Admin' });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const response = await signIn('rita@shop.test', 'wrong-password', '10.0.0.2');
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toMatch(/invalid email or password/i);
  });

  it(`answers 429 after ${SIGN_IN_LIMIT.max} attempts a minute from one address, while other addresses still get in`, async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_LIMIT.max; i++) statuses.push((await signIn('rita@shop.test', 'wrong-password', '10.0.0.3')).status);
    expect(statuses.slice(0, SIGN_IN_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn('rita@shop.test', 'long-enough-password', '10.0.0.4')).status).toBe(200);
  });

  it('with BETTER_AUTH_URL pinned to localhost, also signs in from the same server opened as 127.0.0.1', async () => {
    const response = await signIn('rita@shop.test', 'long-enough-password', '10.0.0.5', 'http://127.0.0.1:3000');
    expect(response.status).toBe(200);
  });

  it('with BETTER_AUTH_URL pinned, refuses any other origin, even one the Host header claims', async () => {
    const response = await signIn('rita@shop.test', 'long-enough-password', '10.0.0.6', 'http://shop.example', 'shop.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('gives no actor for a missing or forged session cookie', async () => {
    expect(await staffActorFromHeaders(new Headers())).toBeNull();
    expect(await staffActorFromHeaders(new Headers({ cookie: 'staff.session_token=forged.value' }))).toBeNull();
  });
});
