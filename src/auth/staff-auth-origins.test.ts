import { beforeAll, describe, expect, it } from 'vitest';

import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { getStaffAuth } from './staff-auth';

withTestDatabase();

// `npm start` serves on 0.0.0.0 without BETTER_AUTH_URL: Next.js gives route handlers a URL on that bind
// address, while the browser's Origin is whatever address it was opened at.
const BOUND = 'http://0.0.0.0:3311';

function signIn(headers: Record<string, string>, ip: string): Promise<Response> {
  return getStaffAuth().handler(
    new Request(`${BOUND}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: JSON.stringify({ email: 'omar@shop.test', password: 'long-enough-password' }),
    }),
  );
}

beforeAll(async () => {
  delete process.env.BETTER_AUTH_URL;
  await createStaffMember({ name: 'Omar Owner', email: 'omar@shop.test', password: 'long-enough-password', role: 'owner' });
});

describe(`staff sign-in without a pinned URL (${TEST_DB_KIND})`, () => {
  it.each([
    ['127.0.0.1', '10.1.0.1', { host: '127.0.0.1:3311', origin: 'http://127.0.0.1:3311' }],
    ['localhost', '10.1.0.2', { host: 'localhost:3311', origin: 'http://localhost:3311' }],
    ['a LAN name', '10.1.0.3', { host: 'till.lan:3311', origin: 'http://till.lan:3311' }],
    ['a proxy’s public https host', '10.1.0.4', { host: 'app:3311', 'x-forwarded-host': 'shop.example.com', 'x-forwarded-proto': 'https', origin: 'https://shop.example.com' }],
  ])('signs in at whichever address the dashboard was opened: %s', async (_, ip, headers) => {
    const response = await signIn(headers, ip);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('staff.session_token=');
  });

  it.each([
    ['another site', '10.2.0.1', 'http://evil.example'],
    ['another port of the same host', '10.2.0.2', 'http://127.0.0.1:4000'],
    ['the same host over https when the request came over http', '10.2.0.3', 'https://127.0.0.1:3311'],
  ])('refuses a sign-in posted from %s, without a session', async (_, ip, origin) => {
    const response = await signIn({ host: '127.0.0.1:3311', origin }, ip);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'INVALID_ORIGIN' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
