import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';

import { APIError } from 'better-auth/api';

import { getDb } from '@/db/client';
import { rateLimits, staffAccounts, staffMembers, staffSessions, staffVerifications } from '@/db/schema';
import { publicUrl } from '@/lib/config';
import { STAFF_PASSWORD_MAX_LENGTH, STAFF_PASSWORD_MIN_LENGTH } from '@/lib/validation/staff-team';
import { canStaffMemberSignIn, recordStaffSignIn } from '@/services/team';
import { sendTeamMail, staffPasswordResetMessage } from '@/services/team-mail';

import { authSecret } from './secret';
import { secureSessionCookies } from './secure-cookies';
import { createSignInThrottle } from './sign-in-throttle';
import { STAFF_MAIL_LIMIT, staffAuthHooks } from './staff-auth-hooks';
import { staffTrustedOrigins } from './trusted-origins';

export const SIGN_IN_LIMIT = { window: 60, max: 5 };
// Per address and minute; the per-email mail limit in staff-auth-hooks.ts holds whatever address a request claims.
export const STAFF_RESET_LIMITS = { '/request-password-reset': { window: 60, max: 3 }, '/reset-password': { window: 60, max: 5 } };
/** The dashboard page a staff reset link opens, with `?token=`. */
export const STAFF_RESET_PASSWORD_PATH = '/reset-password';
export const DEACTIVATED_CODE = 'ACCOUNT_DEACTIVATED';

/**
 * Mails a staff reset link, to the dashboard's own page (not better-auth's redirecting GET), on the shop's configured
 * address when there is one. Nothing is sent to a deactivated or still-invited member; the answer is the same.
 */
async function sendStaffResetMail({ user, token }: { user: { id: string; email: string; name: string }; token: string }): Promise<void> {
  if (!(await canStaffMemberSignIn(user.id))) return;
  const link = new URL(STAFF_RESET_PASSWORD_PATH, publicUrl());
  link.searchParams.set('token', token);
  await sendTeamMail(staffPasswordResetMessage({ email: user.email, name: user.name, url: link.toString() }));
}

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
    // Every mailed link's origin, so better-auth neither guesses one per request nor warns that none is set.
    baseURL: publicUrl(),
    trustedOrigins: (request) => staffTrustedOrigins(request),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: staffMembers, session: staffSessions, account: staffAccounts, verification: staffVerifications, rateLimit: rateLimits },
    }),
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'staff' },
        // Read with every session, so a deactivated member's request is refused even before their sessions are gone.
        deactivatedAt: { type: 'date', input: false, required: false },
      },
    },
    // Reset tokens are stored as their hash: the verification table alone does not let anyone set a password.
    verification: { storeIdentifier: 'hashed' },
    // Staff accounts are created by invitation (or the CLI), never by self sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: STAFF_PASSWORD_MIN_LENGTH,
      maxPasswordLength: STAFF_PASSWORD_MAX_LENGTH,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: sendStaffResetMail,
    },
    databaseHooks: {
      session: {
        create: {
          // Every way into a session passes here: a deactivated (or still invited) member gets none, even with the
          // right password.
          before: async (session) => {
            if (!(await canStaffMemberSignIn(session.userId))) {
              throw new APIError('FORBIDDEN', { code: DEACTIVATED_CODE, message: 'This account is deactivated. Ask the shop owner.' });
            }
          },
          after: async (session) => recordStaffSignIn(session.userId),
        },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': SIGN_IN_LIMIT, ...STAFF_RESET_LIMITS },
    },
    // The per-address limit above trusts X-Forwarded-For, which a client can set; this one counts failed passwords
    // per email, which no header changes.
    // Reset mails are limited per email too (3 in 15 minutes), counted the same whether or not the email has an account.
    hooks: staffAuthHooks({ signIn: createSignInThrottle(db, secret), mail: createSignInThrottle(db, secret, STAFF_MAIL_LIMIT, 'staff-reset-mail') }),
    advanced: {
      cookiePrefix: 'staff',
      useSecureCookies: secureSessionCookies(),
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

/** Whether a mailed staff reset token still works (known, unexpired, unused), so its page can say so up front. */
export async function isStaffResetTokenOpen(token: string): Promise<boolean> {
  if (!token) return false;
  const verification = await (await getStaffAuth().$context).internalAdapter.findVerificationValue(`reset-password:${token}`);
  return !!verification && verification.expiresAt.getTime() > Date.now();
}
