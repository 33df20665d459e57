import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { SIGN_IN_LIMIT, getStaffAuth, trustedProxies } from './staff-auth';

withTestDatabase();

const ORIGIN = 'http://localhost:3000';

function signIn(forwardedFor: string, password: string): Promise<Response> {
  return getStaffAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email: 'tess@shop.test', password }),
    }),
  );
}

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  // Read when the auth instance is made, on its first use below.
  process.env.TRUSTED_PROXIES = '10.0.0.0/8, 192.0.2.10';
  await createStaffMember({ name: 'Tess', email: 'tess@shop.test', password: 'long-enough-password', role: 'staff' });
});

afterAll(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe('trustedProxies', () => {
  it.each([
    ['', undefined],
    [' , ', undefined],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    [' 10.0.0.0/8, 192.0.2.10 ,', ['10.0.0.0/8', '192.0.2.10']],
  ])('reads %j as %j', (value, expected) => {
    expect(trustedProxies(value)).toEqual(expected);
  });
});

describe(`per-address sign-in limit behind TRUSTED_PROXIES (${TEST_DB_KIND})`, () => {
  it('limits the address the trusted proxies saw, whatever the client put in front of it', async () => {
    const attempts = [];
    for (let i = 0; i <= SIGN_IN_LIMIT.max; i++) {
      // What the client sent, then what each proxy appended: the client's own address, then the inner proxy.
      attempts.push((await signIn(`198.51.100.${i + 1}, 203.0.113.7, 10.1.2.3`, 'wrong-password')).status);
    }
    expect(attempts.slice(0, SIGN_IN_LIMIT.max)).toEqual(Array(SIGN_IN_LIMIT.max).fill(401));
    expect(attempts.at(-1)).toBe(429);
    // Another client behind the same proxies has a limit of its own.
    expect((await signIn('203.0.113.8, 192.0.2.10', 'long-enough-password')).status).toBe(200);
  });
});
