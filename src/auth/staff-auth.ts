import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';

import { getDb } from '@/db/client';
import { rateLimits, staffAccounts, staffMembers, staffSessions, staffVerifications } from '@/db/schema';

import { authSecret } from './secret';

export const SIGN_IN_LIMIT = { window: 60, max: 5 };

function createStaffAuth() {
  return betterAuth({
    appName: 'Customers',
    basePath: '/api/auth',
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: 'pg',
      schema: { user: staffMembers, session: staffSessions, account: staffAccounts, verification: staffVerifications, rateLimit: rateLimits },
    }),
    user: { additionalFields: { role: { type: 'string', input: false, defaultValue: 'staff' } } },
    // Staff accounts are created by the owner (or the CLI), never by self sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT },
    },
    advanced: { cookiePrefix: 'staff' },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;

const globalForAuth = globalThis as unknown as { staffAuth?: StaffAuth };

/** The staff auth instance, made on first use so that it binds to the database getDb() answers then. */
export function getStaffAuth(): StaffAuth {
  globalForAuth.staffAuth ??= createStaffAuth();
  return globalForAuth.staffAuth;
}
