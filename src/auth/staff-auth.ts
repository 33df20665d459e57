import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';

import { getDb } from '@/db/client';
import { rateLimits, staffAccounts, staffMembers, staffSessions, staffVerifications } from '@/db/schema';

import { authSecret } from './secret';
import { createSignInThrottle } from './sign-in-throttle';
import { signInThrottleHooks } from './sign-in-throttle-hooks';
import { staffTrustedOrigins } from './trusted-origins';

export const SIGN_IN_LIMIT = { window: 60, max: 5 };

/** TRUSTED_PROXIES: comma-separated proxy addresses or CIDR ranges whose X-Forwarded-For entries are believed. */
export function trustedProxies(value = process.env.TRUSTED_PROXIES): string[] | undefined {
  const entries = value?.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries?.length ? entries : undefined;
}

function createStaffAuth() {
  const db = getDb();
  const secret = authSecret();
  return betterAuth({
    appName: 'Customers',
    basePath: '/api/auth',
    secret,
    // No baseURL here: better-auth takes BETTER_AUTH_URL when it is set and otherwise the request's own URL.
    trustedOrigins: (request) => staffTrustedOrigins(request),
    database: drizzleAdapter(db, {
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
    // The per-address limit above trusts X-Forwarded-For, which a client can set; this one counts failed passwords
    // per email, which no header changes.
    hooks: signInThrottleHooks(createSignInThrottle(db, secret)),
    advanced: {
      cookiePrefix: 'staff',
      // better-auth skips its origin (CSRF) check when NODE_ENV is test; keep it on so tests see what production does.
      disableOriginCheck: false,
      // Without trusted proxies better-auth believes an X-Forwarded-For with one address and nothing longer.
      // With them it takes the right-most address that is not one of theirs, which a client cannot choose.
      ipAddress: { trustedProxies: trustedProxies() },
    },
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
