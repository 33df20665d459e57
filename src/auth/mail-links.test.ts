import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { throwawayPassword } from '@/lib/throwaway-password';
import { createStaffMember } from '@/services/staff';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { getCustomerAuth } from './customer-auth';
import { getStaffAuth } from './staff-auth';

withTestDatabase();

// Without BETTER_AUTH_URL the server answers at whichever address it was opened; the links it mails must not follow
// that address: one account would get localhost in one mail and 127.0.0.1 in the next.
const PORT = '3377';
const HOSTS = ['localhost:3377', '127.0.0.1:3377', 'till.lan:3377'];
let outbox = '';
let address = 0;
const warn = vi.spyOn(console, 'warn');
const savedEnv = { url: process.env.BETTER_AUTH_URL, port: process.env.PORT };

function post(auth: 'store' | 'staff', host: string, pathname: string, body: Record<string, unknown>): Promise<Response> {
  address += 1;
  const base = auth === 'store' ? '/api/store/auth' : '/api/auth';
  const handler = auth === 'store' ? getCustomerAuth().handler : getStaffAuth().handler;
  return handler(
    new Request(`http://0.0.0.0:${PORT}${base}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host, origin: `http://${host}`, 'x-forwarded-for': `198.51.100.${address}` },
      body: JSON.stringify(body),
    }),
  );
}

/** The origin of every link in every mail to `email`, oldest mail first. */
function linkOriginsTo(email: string): string[] {
  return readdirSync(outbox)
    .sort()
    .map((file) => readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .filter((mail) => mail.includes(`To: ${email}`))
    .flatMap((mail) => [...mail.matchAll(/https?:\/\/[^\s>]+/g)].map((match) => new URL(match[0]).origin));
}

beforeAll(() => {
  delete process.env.BETTER_AUTH_URL;
  process.env.PORT = PORT;
  outbox = mkdtempSync(path.join(tmpdir(), 'mail-links-outbox-'));
  process.env.OUTBOX_DIR = outbox;
});

afterAll(() => {
  if (savedEnv.url === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = savedEnv.url;
  if (savedEnv.port === undefined) delete process.env.PORT;
  else process.env.PORT = savedEnv.port;
});

describe(`mailed links without BETTER_AUTH_URL (${TEST_DB_KIND})`, () => {
  it('starts both auth instances without a warning about the base URL, which is supported unset', async () => {
    await getCustomerAuth().$context;
    await getStaffAuth().$context;
    const messages = warn.mock.calls.map((call) => call.map(String).join(' '));
    expect(messages.filter((message) => /base url/i.test(message))).toEqual([]);
  });

  it("links every mail of one shopper to the same origin, whichever address each request came to", async () => {
    const email = 'one.origin@shop.test';
    const signUp = { email, password: throwawayPassword(), name: 'Una Origin', firstName: 'Una', lastName: 'Origin', callbackURL: '/store/account' };
    expect((await post('store', HOSTS[0], '/sign-up/email', signUp)).status).toBe(200);
    expect((await post('store', HOSTS[1], '/request-password-reset', { email, redirectTo: '/store/reset-password' })).status).toBe(200);
    expect((await post('store', HOSTS[2], '/sign-up/email', { ...signUp, password: throwawayPassword() })).status).toBe(200);

    const origins = linkOriginsTo(email);
    expect(origins.length).toBeGreaterThanOrEqual(3);
    expect(new Set(origins)).toEqual(new Set([`http://localhost:${PORT}`]));
  });

  it("links a staff member's reset mail to that same origin", async () => {
    await createStaffMember({ name: 'Rita Reset', email: 'rita@shop.test', password: 'long-enough-password', role: 'staff' });
    expect((await post('staff', HOSTS[1], '/request-password-reset', { email: 'rita@shop.test', redirectTo: '/reset-password' })).status).toBe(200);
    expect(linkOriginsTo('rita@shop.test')).toEqual([`http://localhost:${PORT}`]);
  });
});
