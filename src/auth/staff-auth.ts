import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';

import { getDb } from '@/db/client';
import { rateLimits, staffAccounts, staffMembers, staffSessions, staffVerifications } from '@/db/schema';

import { authSecret } from './secret';
import { staffTrustedOrigins } from './trusted-origins';

export const SIGN_IN_LIMIT = { window: 60, max: 5 };

function createStaffAuth() {
  return betterAuth({
    appName: 'Customers',
    basePath: '/api/auth',
    secret: authSecret(),
    // No baseURL here: better-auth takes BETTER_AUTH_URL when it is set and otherwise the request's own URL.
    trustedOrigins: (request) => staffTrustedOrigins(request),
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
    // better-auth skips its origin (CSRF) check when NODE_ENV is test; keep it on so tests see what production does.
    advanced: { cookiePrefix: 'staff', disableOriginCheck: false },
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
