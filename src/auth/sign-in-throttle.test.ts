import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createSignInThrottle, ACCOUNT_SIGN_IN_LIMIT } from './sign-in-throttle';
import { getStaffAuth } from './staff-auth';

withTestDatabase();

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'long-enough-password';
const { max: MAX } = ACCOUNT_SIGN_IN_LIMIT;

let nextAddress = 0;
/** Each call comes from a new client address, as an attacker who sets X-Forwarded-For would make it. */
function freshAddress(): string {
  nextAddress += 1;
  return `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
}

function signIn(body: Record<string, unknown>): Promise<Response> {
  return getStaffAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': freshAddress() },
      body: JSON.stringify(body),
    }),
  );
}

async function statuses(count: number, email: string, password: string): Promise<number[]> {
  const result = [];
  for (let i = 0; i < count; i++) result.push((await signIn({ email, password })).status);
  return result;
}

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  for (const name of ['nina', 'omar', 'pia', 'quinn', 'rosa']) {
    await createStaffMember({ name, email: `${name}@shop.test`, password: PASSWORD, role: 'staff' });
  }
});

describe(`per-email sign-in throttle (${TEST_DB_KIND})`, () => {
  it(`refuses an email after ${MAX} wrong passwords, from whatever address, and says when to try again`, async () => {
    // Any spelling of the email is the same account.
    const emails = ['nina@shop.test', 'Nina@Shop.test', 'NINA@SHOP.TEST'];
    const failures = [];
    for (let i = 0; i < MAX; i++) failures.push((await signIn({ email: emails[i % 3], password: `guess-${i}` })).status);
    expect(failures).toEqual(Array(MAX).fill(401));

    const refused = await signIn({ email: 'nina@shop.test', password: 'guess-again' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(ACCOUNT_SIGN_IN_LIMIT.windowSeconds - 60);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(ACCOUNT_SIGN_IN_LIMIT.windowSeconds);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_MANY_FAILED_SIGN_INS',
      message: 'Too many failed sign-in attempts for this email. Try again in 15 minutes.',
    });
    // Even the right password waits: otherwise the throttle would only slow the guessing down.
    const rightPassword = await signIn({ email: 'nina@shop.test', password: PASSWORD });
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.headers.get('set-cookie')).toBeNull();
    // Other accounts are untouched.
    expect((await signIn({ email: 'rosa@shop.test', password: PASSWORD })).status).toBe(200);
  });

  it('answers an email without an account exactly as one with an account, so the 429 reveals nothing', async () => {
    const knownStarted = Date.now();
    const known = await statuses(MAX + 1, 'omar@shop.test', 'wrong-password');
    const unknownStarted = Date.now();
    const unknown = await statuses(MAX + 1, 'nobody@shop.test', 'wrong-password');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe(429);
    const [knownBody, unknownBody] = await Promise.all([
      signIn({ email: 'omar@shop.test', password: 'x' }).then((r) => r.json()),
      signIn({ email: 'nobody@shop.test', password: 'x' }).then((r) => r.json()),
    ]);
    // Only the wait may differ: the second window started as much later as the first sequence took (seconds on a busy
    // machine, since each wrong password is hashed), give or take a second of rounding.
    expect({ ...unknownBody, retryAfter: 0 }).toEqual({ ...knownBody, retryAfter: 0 });
    const apart = Math.ceil((unknownStarted - knownStarted) / 1000);
    expect(unknownBody.retryAfter - knownBody.retryAfter).toBeGreaterThanOrEqual(-1);
    expect(unknownBody.retryAfter - knownBody.retryAfter).toBeLessThanOrEqual(apart + 1);
  });

  it('starts counting again after a successful sign-in', async () => {
    expect(await statuses(MAX - 1, 'pia@shop.test', 'wrong-password')).toEqual(Array(MAX - 1).fill(401));
    expect((await signIn({ email: 'pia@shop.test', password: PASSWORD })).status).toBe(200);
    expect(await statuses(MAX, 'pia@shop.test', 'wrong-password')).toEqual(Array(MAX).fill(401));
    expect((await signIn({ email: 'pia@shop.test', password: 'wrong-password' })).status).toBe(429);
  });

  it('does not count requests that never reach the password check', async () => {
    for (let i = 0; i < MAX + 2; i++) expect((await signIn({ email: 'quinn@shop.test' })).status).toBe(400);
    expect((await signIn({ email: 'quinn@shop.test', password: PASSWORD })).status).toBe(200);
  });

  it(`holds at ${MAX} when 20 wrong passwords for one email arrive at once`, async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn({ email: 'racer@shop.test', password: `guess-${i}` })));
    const counts = { 401: 0, 429: 0 } as Record<number, number>;
    for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
    expect(counts).toEqual({ 401: MAX, 429: 20 - MAX });
  });
});

describe(`createSignInThrottle windows (${TEST_DB_KIND})`, () => {
  const throttle = () => createSignInThrottle(getDb(), 'test-secret', { max: 2, windowSeconds: 60 });
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));

  it('waits from the first failure, refused attempts do not extend it, and the email may try again once it ends', async () => {
    const t = throttle();
    expect(await t.reserve('sam@shop.test', at(0))).toEqual({ allowed: true });
    expect(await t.reserve('sam@shop.test', at(10))).toEqual({ allowed: true });
    expect(await t.reserve('sam@shop.test', at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await t.reserve('sam@shop.test', at(50))).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(await t.reserve('sam@shop.test', at(60))).toEqual({ allowed: true });
    expect(await t.reserve('sam@shop.test', at(61))).toEqual({ allowed: true });
    expect(await t.reserve('sam@shop.test', at(62))).toEqual({ allowed: false, retryAfterSeconds: 58 });
  });

  it('gives back an attempt that was released, but never below zero', async () => {
    const t = throttle();
    await t.release('tia@shop.test');
    expect(await t.reserve('tia@shop.test', at(0))).toEqual({ allowed: true });
    expect(await t.reserve('tia@shop.test', at(1))).toEqual({ allowed: true });
    await t.release('tia@shop.test');
    expect(await t.reserve('tia@shop.test', at(2))).toEqual({ allowed: true });
    expect(await t.reserve('tia@shop.test', at(3))).toMatchObject({ allowed: false });
  });
});
