import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';

import { getDb } from '@/db/client';
import { storeAccounts, storeRateLimits, storeSessions, storeUsers, storeVerifications } from '@/db/schema';
import { publicUrl, SHOP_NAME } from '@/lib/config';
import { VERIFY_EMAIL_PATH } from '@/lib/store-paths';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/validation/store-account';
import { existingAccountMessage, passwordResetMessage, sendAccountMail, verificationMessage } from '@/services/store/account-mail';
import { linkVerifiedStoreLogin } from '@/services/store/link-account';

import { authSecret } from './secret';
import { secureSessionCookies } from './secure-cookies';
import { CONFIRMATION_EXPIRES_IN_SECONDS, issueConfirmationToken, revokePasswordTokens } from './store-email-confirmation';
import { ACCOUNT_SIGN_IN_LIMIT, createSignInThrottle } from './sign-in-throttle';
import { trustedProxies } from './staff-auth';
import { storeAuthHooks } from './store-auth-hooks';
import { staffTrustedOrigins } from './trusted-origins';

export const STORE_AUTH_BASE_PATH = '/api/store/auth';
export const STORE_SESSION_COOKIE_PREFIX = 'store';
// Per address and minute; the per-email limits in store-auth-hooks.ts hold whatever address a request claims.
export const STORE_AUTH_LIMITS = {
  '/sign-in/email': { window: 60, max: 5 },
  '/sign-up/email': { window: 60, max: 5 },
  '/request-password-reset': { window: 60, max: 3 },
  '/reset-password': { window: 60, max: 5 },
  '/send-verification-email': { window: 60, max: 3 },
};
// Per email in 15 minutes (the window the failed_sign_ins table sweeps by): verification, reset and notice mails.
export const STORE_MAIL_LIMIT = { max: 3, windowSeconds: ACCOUNT_SIGN_IN_LIMIT.windowSeconds };

/** A link to a store page for a mail: always on the shop's one public URL, whichever address the request came to. */
function storeUrl(path: string): string {
  return new URL(path, publicUrl()).toString();
}

type StoreUser = { id: string; email: string; emailVerified: boolean; firstName?: string; lastName?: string };

/**
 * Mails the link that confirms the email by choosing the password. better-auth's `url` only tells, in its
 * callbackURL, where the customer was going (`next`); the link itself is on the shop's public URL.
 */
async function sendConfirmationMail(user: StoreUser, betterAuthUrl: string): Promise<void> {
  const link = new URL(storeUrl(VERIFY_EMAIL_PATH));
  link.searchParams.set('token', await issueConfirmationToken((await getCustomerAuth().$context).internalAdapter, user.id));
  const target = new URL(betterAuthUrl, link);
  const next = new URL(target.searchParams.get('callbackURL') ?? '/', link).searchParams.get('next');
  if (next) link.searchParams.set('next', next);
  await sendAccountMail(verificationMessage({ email: user.email, firstName: user.firstName }, link.toString()));
}

/** Marks the login's email verified and links it to the customer with that email. */
async function confirmStoreEmail(user: StoreUser): Promise<void> {
  await (await getCustomerAuth().$context).internalAdapter.updateUser(user.id, { emailVerified: true });
  // A failure here (the email's customer belongs to another login) leaves the login verified but unlinked;
  // the account pages retry the link and explain the conflict.
  await linkVerifiedStoreLogin({ id: user.id, email: user.email, firstName: user.firstName ?? '', lastName: user.lastName ?? '' }).catch(() => undefined);
}

function createCustomerAuth() {
  const db = getDb();
  const secret = authSecret();
  return betterAuth({
    appName: SHOP_NAME,
    // Every mailed link's origin (better-auth's reset link included), so it neither guesses one per request nor
    // warns that none is set.
    baseURL: publicUrl(),
    basePath: STORE_AUTH_BASE_PATH,
    secret,
    trustedOrigins: (request) => staffTrustedOrigins(request),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: storeUsers, session: storeSessions, account: storeAccounts, verification: storeVerifications, rateLimit: storeRateLimits },
    }),
    user: {
      additionalFields: {
        firstName: { type: 'string', required: true },
        lastName: { type: 'string', required: false, defaultValue: '' },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // No session until the email is verified: that is what makes linking to an existing customer safe.
      requireEmailVerification: true,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => sendAccountMail(passwordResetMessage({ email: user.email, firstName: (user as { firstName?: string }).firstName }, url)),
      // The reset token went to the mailbox, and the password is now its owner's: the email is confirmed, and the
      // login may take the customer record with that email.
      // Every other link mailed to this login (confirmation or reset) dies with it: a password just chosen is not
      // to be replaced by an older mail for up to a day.
      onPasswordReset: async ({ user }) => {
        await revokePasswordTokens(db, user.id);
        if (!user.emailVerified) await confirmStoreEmail(user);
      },
      // The sign-up answer is the same as for a new email (no enumeration); the owner of the email hears of it.
      // A sign-up for an email still waiting for confirmation gets the confirmation link again: whoever confirms
      // chooses the password, so a sign-up that came first (perhaps not the owner's) claims nothing.
      // Its links are on the shop's public URL, as every mailed link: a Host header must not decide where a token goes.
      onExistingUserSignUp: async ({ user }) => {
        if (!user.emailVerified) return sendConfirmationMail(user, `${STORE_AUTH_BASE_PATH}/`);
        await sendAccountMail(
          existingAccountMessage({ email: user.email, firstName: (user as { firstName?: string }).firstName }, storeUrl('/store/sign-in'), storeUrl('/store/forgot-password')),
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // Off: a sign-in would send a mail outside the per-email mail limit. The sign-in form offers to send the link
      // again through /send-verification-email, which is limited.
      sendOnSignIn: false,
      expiresIn: CONFIRMATION_EXPIRES_IN_SECONDS,
      // Not better-auth's verify-email link: a link to choose the password, which is what confirms the email
      // (store-email-confirmation.ts). better-auth's url only tells where the server is and where to go next.
      sendVerificationEmail: async ({ user, url }) => sendConfirmationMail(user, url),
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: true, storage: 'database', window: 60, max: 300, customRules: STORE_AUTH_LIMITS },
    hooks: storeAuthHooks({
      signIn: createSignInThrottle(db, secret, ACCOUNT_SIGN_IN_LIMIT, 'store-sign-in'),
      mail: createSignInThrottle(db, secret, STORE_MAIL_LIMIT, 'store-mail'),
    }),
    advanced: {
      cookiePrefix: STORE_SESSION_COOKIE_PREFIX,
      useSecureCookies: secureSessionCookies(),
      disableOriginCheck: false,
      ipAddress: { trustedProxies: trustedProxies() },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type CustomerAuth = ReturnType<typeof createCustomerAuth>;

const globalForAuth = globalThis as unknown as { customerAuth?: CustomerAuth };

/** The storefront's auth instance, apart from staff auth: its own tables, cookies, limits and endpoints. */
export function getCustomerAuth(): CustomerAuth {
  globalForAuth.customerAuth ??= createCustomerAuth();
  return globalForAuth.customerAuth;
}
